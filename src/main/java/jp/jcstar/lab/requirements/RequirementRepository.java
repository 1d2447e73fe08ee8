package jp.jcstar.lab.requirements;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class RequirementRepository {

    private final JdbcClient jdbc;

    public RequirementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of a level's list. */
    public Optional<RequirementList> latest(String level) {
        return jdbc.sql("select id from requirement_list where star_level = ? order by version desc")
                .param(level).query(Long.class).list().stream().findFirst().map(this::read);
    }

    /** Every version of every level, newest first, without their requirements. */
    public List<RequirementList> versions() {
        return jdbc.sql("select * from requirement_list order by star_level, version desc")
                .query((rs, row) -> new RequirementList(rs.getLong("id"), rs.getString("star_level"),
                        rs.getInt("version"), rs.getString("source"), rs.getString("sha256"), rs.getString("loaded_by"),
                        rs.getObject("loaded_at", OffsetDateTime.class), List.of()))
                .list();
    }

    private RequirementList read(long listId) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        jdbc.sql("select requirement_id, item_id from requirement_item where list_id = ? order by item_id")
                .param(listId).query(rs -> {
                    items.computeIfAbsent(rs.getString("requirement_id"), id -> new ArrayList<>())
                            .add(rs.getString("item_id"));
                });
        List<Requirement> requirements = jdbc.sql("select * from requirement where list_id = ? order by sort_order")
                .param(listId).query((rs, row) -> new Requirement(rs.getString("requirement_id"),
                        rs.getString("title_ja"), rs.getString("title_en"), split(rs.getString("etsi")),
                        items.getOrDefault(rs.getString("requirement_id"), List.of())))
                .list();
        return jdbc.sql("select * from requirement_list where id = ?").param(listId)
                .query((rs, row) -> new RequirementList(listId, rs.getString("star_level"), rs.getInt("version"),
                        rs.getString("source"), rs.getString("sha256"), rs.getString("loaded_by"),
                        rs.getObject("loaded_at", OffsetDateTime.class), requirements))
                .single();
    }

    /** Stores the next version of the level's list; returns it. */
    public RequirementList insert(String level, String source, String sha256, String loadedBy, OffsetDateTime at,
                                  List<Requirement> requirements) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from requirement_list where star_level = ?")
                .param(level).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into requirement_list (star_level, version, source, sha256, loaded_by, loaded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(level, version, source, sha256, loadedBy, at).update(key, "id");
        long listId = key.getKeyAs(Number.class).longValue();
        int order = 0;
        for (Requirement requirement : requirements) {
            jdbc.sql("""
                            insert into requirement (list_id, requirement_id, sort_order, title_ja, title_en, etsi)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(listId, requirement.id(), ++order, requirement.titleJa(), requirement.titleEn(),
                            requirement.etsi().isEmpty() ? null : String.join(", ", requirement.etsi()))
                    .update();
            for (String item : requirement.itemIds()) {
                jdbc.sql("insert into requirement_item (list_id, requirement_id, item_id) values (?, ?, ?)")
                        .params(listId, requirement.id(), item).update();
            }
        }
        return read(listId);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split("[,;\\s]+")).filter(part -> !part.isBlank()).toList();
    }
}
