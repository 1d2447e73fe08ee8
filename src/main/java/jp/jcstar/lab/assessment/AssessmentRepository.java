package jp.jcstar.lab.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

import jp.jcstar.lab.TransactionScoped;
import jp.jcstar.lab.catalog.ItemIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssessmentRepository {

    /** How many process instances {@link #idsByProcessInstance} remembers before it starts again. */
    private static final int KNOWN_INSTANCES = 10_000;

    private final JdbcClient jdbc;
    /** The assessments read in the current transaction; read again only by {@link #lock} and after a change. */
    private final TransactionScoped<Long, Assessment> read;
    /** The rows the current transaction locked. */
    private final TransactionScoped<Long, Boolean> locked;
    /** Which process instance runs which assessment never changes once both exist. */
    private final Map<String, Long> idsByProcessInstance = new ConcurrentHashMap<>();

    public AssessmentRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.read = new TransactionScoped<>(dataSource);
        this.locked = new TransactionScoped<>(dataSource);
    }

    private <T> T changed(long id, T result) {
        read.reads().remove(id);
        return result;
    }

    /** Keeps what this transaction knows of the row up to date with a change it just wrote, instead of reading it again. */
    private void updated(long id, UnaryOperator<Assessment> change) {
        read.reads().computeIfPresent(id, (key, known) -> change.apply(known));
    }

    /** Stores a new assessment in round 1 and gives it its reference (JCS-yyyy-nnnnn). */
    public long insert(Application application, String companyId, String catalogVersion, int retestLimit,
                       String appliedBy, String processInstanceId, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Product product = application.product();
        Versions versions = application.versions();
        jdbc.sql("""
                        insert into assessment (process_instance_id, company_id, catalog_version, manufacturer, product_name,
                            model_numbers, firmware_version, app_version, cloud_version, star_level, scope_device,
                            scope_app, scope_cloud, status, current_round, retest_limit, applied_by, applied_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(processInstanceId, companyId, catalogVersion, product.manufacturer(), product.name(),
                        product.modelNumbers(), versions.firmware(), versions.app(), versions.cloud(),
                        product.starLevel().label(), product.covers(ProductComponent.DEVICE),
                        product.covers(ProductComponent.APP), product.covers(ProductComponent.CLOUD),
                        AssessmentStatus.IN_PROGRESS.name(), retestLimit, appliedBy, now)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        changed(id, jdbc.sql("update assessment set reference = ? where id = ?")
                .params("JCS-%d-%05d".formatted(now.getYear(), id), id).update());
        return id;
    }

    public Optional<Assessment> find(long id) {
        Map<Long, Assessment> reads = read.reads();
        Assessment known = reads.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Assessment> found = jdbc.sql("select * from assessment where id = ?").param(id)
                .query(AssessmentRepository::map).optional();
        found.ifPresent(assessment -> reads.put(id, assessment));
        return found;
    }

    /**
     * Reads the row with "for update": it stays locked until the transaction ends. A row this transaction locked
     * before is not read again: nobody else changed it since.
     */
    public Assessment lock(long id) {
        if (locked.reads().containsKey(id)) {
            return get(id);
        }
        Assessment locked = jdbc.sql("select * from assessment where id = ? for update").param(id)
                .query(AssessmentRepository::map).optional()
                .orElseThrow(() -> new IllegalStateException("Assessment " + id + " does not exist"));
        read.reads().put(id, locked);
        this.locked.reads().put(id, Boolean.TRUE);
        return locked;
    }

    public Assessment get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("Assessment " + id + " does not exist"));
    }

    /**
     * The assessments that match, newest first, {@code size} from {@code offset}: of every company, or of the given
     * companies only. The text matches anywhere in the reference, the product name or the manufacturer, ignoring case.
     */
    public AssessmentSearch.Page page(boolean everyCompany, Collection<String> companyIds, AssessmentSearch search,
                                     long offset, int size) {
        if (!everyCompany && companyIds.isEmpty()) {
            return new AssessmentSearch.Page(List.of(), 0);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!everyCompany) {
            conditions.add("company_id in (:companies)");
            params.put("companies", companyIds);
        }
        if (search.text() != null) {
            conditions.add("(lower(reference) like :text escape '!' or lower(product_name) like :text escape '!'"
                    + " or lower(manufacturer) like :text escape '!')");
            params.put("text", "%" + search.text().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%");
        }
        if (search.status() != null) {
            conditions.add("status = :status");
            params.put("status", search.status().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from assessment" + where).params(params).query(Long.class).single();
        List<Assessment> items = total <= offset ? List.of()
                : jdbc.sql("select * from assessment" + where + " order by id desc offset " + offset + " rows fetch next "
                        + size + " rows only").params(params).query(AssessmentRepository::map).list();
        return new AssessmentSearch.Page(items, total);
    }

    /** How many assessments there are in this status. */
    public long countByStatus(AssessmentStatus status) {
        return jdbc.sql("select count(*) from assessment where status = ?").param(status.name()).query(Long.class).single();
    }

    /**
     * The id of the assessment a process instance runs, without reading its row when this node has seen the instance
     * before (an instance never changes its assessment): a caller that locks the row next reads it once, with the lock.
     */
    public Optional<Long> idByProcessInstance(String processInstanceId) {
        Long id = idsByProcessInstance.get(processInstanceId);
        return id != null ? Optional.of(id) : findByProcessInstance(processInstanceId).map(Assessment::id);
    }

    public Optional<Assessment> findByProcessInstance(String processInstanceId) {
        Long id = idsByProcessInstance.get(processInstanceId);
        if (id != null) {
            return find(id);
        }
        Optional<Assessment> found = jdbc.sql("select * from assessment where process_instance_id = ?")
                .param(processInstanceId).query(AssessmentRepository::map).optional();
        found.ifPresent(assessment -> {
            if (idsByProcessInstance.size() >= KNOWN_INSTANCES) {
                idsByProcessInstance.clear();
            }
            idsByProcessInstance.put(processInstanceId, assessment.id());
            read.reads().put(assessment.id(), assessment);
        });
        return found;
    }

    public void startRound(long id, int round, Versions versions) {
        jdbc.sql("""
                        update assessment set current_round = ?, firmware_version = ?, app_version = ?,
                            cloud_version = ? where id = ?""")
                .params(round, versions.firmware(), versions.app(), versions.cloud(), id).update();
        updated(id, known -> known.inRound(round, versions));
    }

    /** A delta assessment's items: only those its change touches are tested. */
    public void limitItems(long id, Set<String> items) {
        jdbc.sql("update assessment set item_scope = ? where id = ?")
                .params(ItemIds.join(items), id).update();
        updated(id, known -> known.limitedTo(items));
    }

    /** Links a new assessment to the completed one it renews. */
    public void recordRenewal(long renewal, long renewed) {
        jdbc.sql("update assessment set renews_assessment_id = ? where id = ?").params(renewed, renewal).update();
    }

    /** The assessment this one renews, if it is a renewal. */
    public Optional<Long> renewed(long id) {
        return jdbc.sql("select renews_assessment_id from assessment where id = ? and renews_assessment_id is not null")
                .param(id).query(Long.class).optional();
    }

    /** The renewals of this assessment, oldest first. */
    public List<Long> renewals(long id) {
        return jdbc.sql("select id from assessment where renews_assessment_id = ? order by id").param(id)
                .query(Long.class).list();
    }

    public void raiseRetestLimit(long id) {
        changed(id, jdbc.sql("update assessment set retest_limit = retest_limit + 1 where id = ?").param(id).update());
    }

    public void recordReview(long id, String reviewer, OffsetDateTime at) {
        jdbc.sql("update assessment set reviewed_by = ?, reviewed_at = ? where id = ?").params(reviewer, at, id).update();
        updated(id, known -> known.reviewed(reviewer, at));
    }

    public void end(long id, AssessmentStatus status, String reason, OffsetDateTime at) {
        jdbc.sql("update assessment set status = ?, end_reason = ?, ended_at = ? where id = ?")
                .params(status.name(), reason, at, id).update();
        updated(id, known -> known.ended(status, reason, at));
    }

    private static Assessment map(ResultSet rs, int row) throws SQLException {
        Set<ProductComponent> scope = EnumSet.noneOf(ProductComponent.class);
        if (rs.getBoolean("scope_device")) scope.add(ProductComponent.DEVICE);
        if (rs.getBoolean("scope_app")) scope.add(ProductComponent.APP);
        if (rs.getBoolean("scope_cloud")) scope.add(ProductComponent.CLOUD);
        Product product = new Product(rs.getString("manufacturer"), rs.getString("product_name"),
                rs.getString("model_numbers"), StarLevel.parse(rs.getString("star_level")), scope);
        return new Assessment(rs.getLong("id"), rs.getString("reference"), rs.getString("process_instance_id"),
                rs.getString("company_id"), rs.getString("catalog_version"), product, TestRoundRepository.versions(rs),
                AssessmentStatus.valueOf(rs.getString("status")), rs.getInt("current_round"), rs.getInt("retest_limit"),
                rs.getString("applied_by"), rs.getObject("applied_at", OffsetDateTime.class),
                rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class), rs.getString("end_reason"),
                ItemIds.parse(rs.getString("item_scope")));
    }
}
