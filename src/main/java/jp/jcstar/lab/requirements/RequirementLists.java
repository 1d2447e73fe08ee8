package jp.jcstar.lab.requirements;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.documents.FileNames;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.SecurityAudit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The STAR levels' requirement lists: the newest version of each is what checklists use; a process administrator
 * loads a new version from a CSV (checked whole, stored as the next version, audited).
 */
@Service
public class RequirementLists {

    private final RequirementRepository lists;
    private final CatalogRepository catalogs;
    private final LabClock clock;
    private final SecurityAudit audit;

    public RequirementLists(RequirementRepository lists, CatalogRepository catalogs, LabClock clock, SecurityAudit audit) {
        this.lists = lists;
        this.catalogs = catalogs;
        this.clock = clock;
        this.audit = audit;
    }

    /** The newest list of the level and of each level below it (each level includes the ones below), lowest first. */
    @Transactional(readOnly = true)
    public List<RequirementList> forLevel(StarLevel level) {
        List<RequirementList> found = new ArrayList<>();
        for (StarLevel below : StarLevel.values()) {
            if (below.ordinal() <= level.ordinal()) {
                lists.latest(below.label()).ifPresent(found::add);
            }
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<RequirementList> latest(StarLevel level) {
        return lists.latest(level.label());
    }

    @Transactional(readOnly = true)
    public List<RequirementList> versions() {
        return lists.versions();
    }

    /** Loads the file as the next version of the level's list. Process administrators only. */
    @Transactional
    public RequirementList load(String level, String fileName, byte[] file, LabUser user) {
        if (!user.isInAny(List.of(Roles.ADMINS))) {
            throw new ForbiddenException(Bilingual.of("要件リストを読み込めるのはプロセス管理者だけです。",
                    "Only process administrators load requirement lists."));
        }
        StarLevel star = level(level);
        List<Requirement> requirements = RequirementCsv.read(file, catalogs.current());
        String source = FileNames.sanitise(fileName == null || fileName.isBlank() ? "requirements.csv" : fileName);
        RequirementList loaded;
        try {
            loaded = lists.insert(star.label(), source, Sha256.hex(file), user.id(), clock.now(), requirements);
        } catch (DuplicateKeyException loadedAtTheSameTime) {
            throw new ConflictException(Bilingual.of("同時に別の版が読み込まれました。ページを開き直して確かめてから、もう一度読み込んでください。",
                    "Another version was loaded at the same moment: open the page again, check it, and load again.")
                    .toString());
        }
        audit.record(SecurityAudit.Event.REQUIREMENTS_LOADED, user.id(), null, Map.of("level", star.label(),
                "version", loaded.version(), "file", source, "sha256", loaded.sha256(),
                "requirements", requirements.size()));
        return loaded;
    }

    /** The level's newest list as the CSV a process administrator edits and loads again. */
    @Transactional(readOnly = true)
    public String csv(String level) {
        RequirementList list = latest(level(level)).orElseThrow(() -> new jp.jcstar.lab.problem.NotFoundException(
                Bilingual.of(level + " の要件リストはまだありません。", "No requirement list of " + level + " yet.")
                        .toString()));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(RequirementCsv.HEADER.split(",")).get())) {
            for (Requirement requirement : list.requirements()) {
                printer.printRecord(requirement.id(), nullToEmpty(requirement.titleJa()),
                        nullToEmpty(requirement.titleEn()), String.join(" ", requirement.etsi()),
                        String.join(" ", requirement.itemIds()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "\uFEFF" + out;
    }

    public static StarLevel level(String level) {
        return EnumValues.find(StarLevel.class, level, StarLevel::label).orElseThrow(() -> new InvalidInputException(
                Bilingual.of("レベルは " + labels() + " のいずれかです（「" + level + "」は選べません）。",
                        "The level must be one of " + labels() + ", was '" + level + "'.")));
    }

    private static String labels() {
        return Arrays.stream(StarLevel.values()).map(StarLevel::label).collect(Collectors.joining(", "));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
