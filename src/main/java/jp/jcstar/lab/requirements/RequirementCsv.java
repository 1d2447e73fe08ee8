package jp.jcstar.lab.requirements;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.ControlCharacters;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A level's requirement list as a process administrator loads it: UTF-8 CSV (a BOM is fine, as Excel writes it) with
 * the header {@value #HEADER}; catalog items and provisions separated by spaces, commas or semicolons. Every problem
 * is reported with its line; a list with a problem is not loaded at all.
 */
public final class RequirementCsv {

    public static final String HEADER = "requirement_id,title_ja,title_en,etsi_en_303_645,catalog_items";
    static final int MAX_REQUIREMENTS = 500;
    static final int MAX_TITLE = 500;
    static final int MAX_PROVISIONS = 200;
    private static final Pattern REQUIREMENT_ID = Pattern.compile("S[1-4](\\.[0-9]{1,2})?-[0-9]{2,3}");
    private static final Pattern PROVISION = Pattern.compile("5\\.[0-9]{1,2}(-[0-9]{1,2}(-[0-9]{1,2})?)?");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private RequirementCsv() {
    }

    /** The requirements of the file, in its order, checked against the catalog the items must come from. */
    public static List<Requirement> read(byte[] file, Catalog catalog) {
        String text = utf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("").strip();
        if (!header.equals(HEADER)) {
            throw problem(List.of(Bilingual.of("1 行目は見出し " + HEADER + " にしてください（「" + abbreviate(header) + "」でした）。",
                    "Line 1 must be the header " + HEADER + " (was '" + abbreviate(header) + "').")));
        }
        List<Bilingual> problems = new ArrayList<>();
        List<Requirement> requirements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (CSVRecord record : FORMAT.parse(new StringReader(text))) {
                // The line the record starts on, counting the header (a quoted cell may span lines).
                String before = text.substring(0, (int) Math.min(text.length(), record.getCharacterPosition()));
                long line = before.chars().filter(c -> c == '\n').count() + 1;
                if (!record.isConsistent()) {
                    problems.add(Bilingual.of(line + " 行目: 列が 5 つではありません。", "Line " + line
                            + ": it does not have the 5 columns."));
                    continue;
                }
                String id = record.get("requirement_id").strip();
                if (!REQUIREMENT_ID.matcher(id).matches()) {
                    problems.add(Bilingual.of(line + " 行目: 要件 ID「" + abbreviate(id) + "」は S1.1-01 の形にしてください。",
                            "Line " + line + ": requirement ID '" + abbreviate(id) + "' must look like S1.1-01."));
                } else if (!seen.add(id)) {
                    problems.add(Bilingual.of(line + " 行目: 要件 ID " + id + " が重複しています。", "Line " + line
                            + ": requirement ID " + id + " appears twice."));
                }
                String titleJa = text(record.get("title_ja"), line, "title_ja", problems);
                String titleEn = text(record.get("title_en"), line, "title_en", problems);
                List<String> provisions = tokens(record.get("etsi_en_303_645"));
                provisions.stream().filter(provision -> !PROVISION.matcher(provision).matches()).forEach(provision ->
                        problems.add(Bilingual.of(line + " 行目: ETSI EN 303 645 の規定番号「" + abbreviate(provision)
                                + "」は 5.1-1 の形にしてください。", "Line " + line + ": ETSI EN 303 645 provision '"
                                + abbreviate(provision) + "' must look like 5.1-1.")));
                if (String.join(", ", provisions).length() > MAX_PROVISIONS) {
                    problems.add(Bilingual.of(line + " 行目: ETSI EN 303 645 の規定番号は合わせて " + MAX_PROVISIONS
                            + " 文字までです。", "Line " + line + ": the ETSI EN 303 645 provisions may take at most "
                            + MAX_PROVISIONS + " characters together."));
                }
                List<String> items = tokens(record.get("catalog_items"));
                items.stream().filter(item -> catalog.find(item).isEmpty()).forEach(item ->
                        problems.add(Bilingual.of(line + " 行目: 評価項目「" + abbreviate(item) + "」はカタログ版 "
                                + catalog.version() + " にありません（例: " + example(catalog) + "）。", "Line " + line
                                + ": check item '" + abbreviate(item) + "' is not in catalog version " + catalog.version()
                                + " (such as " + example(catalog) + ").")));
                requirements.add(new Requirement(id, titleJa, titleEn, provisions, items.stream().distinct().toList()));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            problems.add(Bilingual.of("CSV として読めません: " + e.getMessage(), "Not readable as CSV: " + e.getMessage()));
        }
        if (requirements.isEmpty() && problems.isEmpty()) {
            problems.add(Bilingual.of("要件が 1 件もありません。", "The file holds no requirement."));
        }
        if (requirements.size() > MAX_REQUIREMENTS) {
            problems.add(Bilingual.of("要件は " + MAX_REQUIREMENTS + " 件までです。", "At most " + MAX_REQUIREMENTS
                    + " requirements."));
        }
        if (!problems.isEmpty()) {
            throw problem(problems);
        }
        return requirements;
    }

    private static String text(String value, long line, String column, List<Bilingual> problems) {
        String text = value.strip();
        if (text.length() > MAX_TITLE || ControlCharacters.present(text)) {
            problems.add(Bilingual.of(line + " 行目: " + column + " は " + MAX_TITLE + " 文字以内の普通の文字にしてください。",
                    "Line " + line + ": " + column + " must be plain text of at most " + MAX_TITLE + " characters."));
        }
        return text.isEmpty() ? null : text;
    }

    private static List<String> tokens(String value) {
        return Arrays.stream(value.strip().split("[,;\\s]+")).filter(token -> !token.isBlank()).toList();
    }

    private static String example(Catalog catalog) {
        return catalog.items().stream().map(CheckItem::id).limit(3).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw problem(List.of(Bilingual.of("ファイルは UTF-8 で保存してください（Excel では「CSV UTF-8」）。",
                    "Save the file as UTF-8 (in Excel: 'CSV UTF-8').")));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static RequirementProblem problem(List<Bilingual> problems) {
        return new RequirementProblem(problems);
    }
}
