package jp.jcstar.lab.assessment.change;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.catalog.ItemIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ChangeNoticeRepository {

    private final JdbcClient jdbc;

    public ChangeNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long assessmentId, String filedBy, OffsetDateTime at, Set<ProductComponent> components,
                Versions versions, String description) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into change_notice (assessment_id, filed_by, filed_at, components, firmware_version,
                            app_version, cloud_version, description) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, filedBy, at, names(components), versions.firmware(), versions.app(),
                        versions.cloud(), description)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void attach(long id, String processInstanceId) {
        jdbc.sql("update change_notice set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    boolean decide(long id, String by, OffsetDateTime at, Set<ProductComponent> retest, Set<String> items,
                   String reason) {
        return jdbc.sql("""
                        update change_notice set decided_by = ?, decided_at = ?, retest = ?, retest_items = ?, reason = ?
                        where id = ? and decided_at is null""")
                .params(by, at, names(retest), items.isEmpty() ? null : ItemIds.join(items), reason, id).update() == 1;
    }

    void deltaStarted(long id, long deltaAssessmentId) {
        jdbc.sql("update change_notice set delta_assessment_id = ? where id = ?").params(deltaAssessmentId, id).update();
    }

    public Optional<ChangeNotice> find(long id) {
        return jdbc.sql("select * from change_notice where id = ?").param(id).query(ChangeNoticeRepository::map)
                .optional();
    }

    /** The notices of a certified assessment, newest first. */
    public List<ChangeNotice> of(long assessmentId) {
        return jdbc.sql("select * from change_notice where assessment_id = ? order by id desc").param(assessmentId)
                .query(ChangeNoticeRepository::map).list();
    }

    /** The notice whose delta assessment this is, if it is one. */
    public Optional<ChangeNotice> ofDelta(long deltaAssessmentId) {
        return jdbc.sql("select * from change_notice where delta_assessment_id = ?").param(deltaAssessmentId)
                .query(ChangeNoticeRepository::map).optional();
    }

    private static String names(Set<ProductComponent> components) {
        return components.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<ProductComponent> components(String names) {
        Set<ProductComponent> set = EnumSet.noneOf(ProductComponent.class);
        if (names != null && !names.isBlank()) {
            Arrays.stream(names.split(",")).map(ProductComponent::valueOf).forEach(set::add);
        }
        return set;
    }

    private static ChangeNotice map(ResultSet rs, int row) throws SQLException {
        Long delta = rs.getObject("delta_assessment_id", Long.class);
        return new ChangeNotice(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("process_instance_id"),
                rs.getString("filed_by"), rs.getObject("filed_at", OffsetDateTime.class),
                components(rs.getString("components")), new Versions(rs.getString("firmware_version"),
                rs.getString("app_version"), rs.getString("cloud_version")), rs.getString("description"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getObject("decided_at") == null ? null : components(rs.getString("retest")),
                ItemIds.parse(rs.getString("retest_items")), rs.getString("reason"), delta);
    }
}
