package jp.jcstar.lab.requirements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.LabPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /lab/requirements}: each STAR level's requirement list with the catalog items behind each requirement, for
 * lab staff; process administrators load a new version from a CSV and download the current one to edit.
 */
@Controller
@LabPage
public class RequirementPageController {

    /** A level on the page: its newest list, if any. */
    public record LevelView(String level, RequirementList list) {
    }

    private final RequirementLists lists;

    public RequirementPageController(RequirementLists lists) {
        this.lists = lists;
    }

    @GetMapping("/lab/requirements")
    public String page(@RequestParam(name = "loaded", required = false) String loaded, Authentication user,
                       Model model) {
        LabUser reader = readable(user);
        model.addAttribute("levels", Arrays.stream(StarLevel.values())
                .map(level -> new LevelView(level.label(), lists.latest(level).orElse(null))).toList());
        model.addAttribute("versions", lists.versions());
        model.addAttribute("mayLoad", reader.isInAny(List.of(Roles.ADMINS)));
        model.addAttribute("header", RequirementCsv.HEADER);
        model.addAttribute("loaded", loaded);
        return "requirements";
    }

    @PostMapping("/lab/requirements")
    public String load(@RequestParam(name = "level", required = false) String level,
                       @RequestParam(name = "file", required = false) MultipartFile file, Authentication user) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Bilingual.of("読み込む CSV ファイルを選んでください。", "Choose the CSV file to load."));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RequirementList loaded = lists.load(level, file.getOriginalFilename(), content, LabUser.of(user));
        return "redirect:/lab/requirements?loaded=" + loaded.level() + "+v" + loaded.version();
    }

    @GetMapping("/lab/requirements/{level}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String level, Authentication user) {
        readable(user);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("requirements-" + RequirementLists.level(level).label() + ".csv").build().toString())
                .body(lists.csv(level).getBytes(StandardCharsets.UTF_8));
    }

    private static LabUser readable(Authentication user) {
        LabUser reader = LabUser.of(user);
        if (!reader.seesEveryCompany()) {
            throw new ForbiddenException(Bilingual.of("要件リストは試験所の担当者とプロセス管理者が見られます。",
                    "Requirement lists are for lab staff and process administrators."));
        }
        return reader;
    }
}
