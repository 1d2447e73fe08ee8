package jp.jcstar.lab.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.dashboard.LabFigures.FirstRounds;
import jp.jcstar.lab.dashboard.LabFigures.ItemFailures;
import jp.jcstar.lab.dashboard.LabFigures.RoundCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's counts, in the database: the app's tables for assessments, rounds and findings, the engine's task
 * history (ACT_HI_TASKINST) for how long steps took and its runtime tasks (ACT_RU_TASK) for open work, joined to the
 * assessment by process instance. Read-only; each query narrows to the filter's assessments.
 */
@Repository
public class DashboardQueries {

    /** A finished task of an assessment: which step, of which model version, how long (null: no end). */
    record TaskTime(long assessmentId, String step, String definitionId, long millis) {
    }

    /** An open task of a running assessment. */
    record OpenTask(String step, String definitionId, String assignee, Instant due) {
    }

    /** A completed assessment's application and end. */
    record Completed(long assessmentId, OffsetDateTime appliedAt, OffsetDateTime endedAt) {
    }

    private final JdbcClient jdbc;

    public DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long applied(DashboardFilter filter) {
        return narrowed("select count(*) from assessment a where 1 = 1", filter).query(Long.class).single();
    }

    FirstRounds firstRounds(DashboardFilter filter) {
        return narrowed("""
                select count(*), coalesce(sum(case when r.outcome = 'FAILED' then 1 else 0 end), 0)
                from assessment_round r join assessment a on a.id = r.assessment_id
                where r.round_no = 1 and r.evaluated_at is not null""", filter)
                .query((rs, row) -> new FirstRounds(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Per catalog step (area): the assessments with a finding of that area in their first round. */
    Map<String, Long> firstRoundFailuresByArea(DashboardFilter filter) {
        Map<String, Long> counts = new HashMap<>();
        narrowed("""
                select ci.step, count(distinct f.assessment_id)
                from finding f join assessment a on a.id = f.assessment_id
                join catalog_item ci on ci.catalog_version = a.catalog_version and ci.item_id = f.item_id
                where f.round_no = 1""", filter, " group by ci.step")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    List<ItemFailures> topFirstRoundFailures(DashboardFilter filter, int limit) {
        return narrowed("""
                select f.item_id, max(ci.title_ja), max(ci.title_en), count(distinct f.assessment_id) as assessments
                from finding f join assessment a on a.id = f.assessment_id
                join catalog_item ci on ci.catalog_version = a.catalog_version and ci.item_id = f.item_id
                where f.round_no = 1""", filter,
                " group by f.item_id order by assessments desc, f.item_id fetch first " + limit + " rows only")
                .query((rs, row) -> new ItemFailures(rs.getString(1), Bilingual.of(rs.getString(2), rs.getString(3)),
                        rs.getLong(4))).list();
    }

    Map<String, Long> ended(DashboardFilter filter) {
        Map<String, Long> counts = new HashMap<>();
        narrowed("select a.status, count(*) from assessment a where a.status in ('COMPLETED', 'TERMINATED')", filter,
                " group by a.status")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    List<RoundCount> roundsOfCompleted(DashboardFilter filter) {
        return narrowed("select a.current_round, count(*) from assessment a where a.status = 'COMPLETED'", filter,
                " group by a.current_round order by a.current_round")
                .query((rs, row) -> new RoundCount(rs.getInt(1), rs.getLong(2))).list();
    }

    /** Every completed task of the filter's assessments (deleted ones, of withdrawn assessments, are not work done). */
    List<TaskTime> finishedTasks(DashboardFilter filter) {
        return narrowed("""
                select a.id, t.task_def_key_, t.proc_def_id_, t.duration_
                from act_hi_taskinst t join assessment a on a.process_instance_id = t.proc_inst_id_
                where t.end_time_ is not null and t.delete_reason_ = 'completed'""", filter)
                .query((rs, row) -> new TaskTime(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    List<Completed> completed(DashboardFilter filter) {
        return narrowed("select a.id, a.applied_at, a.ended_at from assessment a where a.status = 'COMPLETED'"
                        + " and a.ended_at is not null", filter)
                .query((rs, row) -> new Completed(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class))).list();
    }

    /** The open tasks of running assessments (of the filter's level, whenever applied for). */
    List<OpenTask> openTasks(DashboardFilter filter) {
        String sql = """
                select t.task_def_key_, t.proc_def_id_, t.assignee_, t.due_date_
                from act_ru_task t join assessment a on a.process_instance_id = t.proc_inst_id_
                where a.status = 'IN_PROGRESS'""";
        var statement = filter.level() == null ? jdbc.sql(sql)
                : jdbc.sql(sql + " and a.star_level = :level").param("level", filter.levelLabel());
        return statement.query((rs, row) -> {
            Timestamp due = rs.getTimestamp(4);
            return new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), due == null ? null : due.toInstant());
        }).list();
    }

    static double hours(long millis) {
        return Duration.ofMillis(millis).toSeconds() / 3600.0;
    }

    private JdbcClient.StatementSpec narrowed(String sql, DashboardFilter filter) {
        return narrowed(sql, filter, "");
    }

    /** The query narrowed to assessments applied for in the period (and of the level), then its tail. */
    private JdbcClient.StatementSpec narrowed(String sql, DashboardFilter filter, String tail) {
        String where = sql + " and a.applied_at >= :start and a.applied_at < :end"
                + (filter.level() == null ? "" : " and a.star_level = :level") + tail;
        JdbcClient.StatementSpec statement = jdbc.sql(where).param("start", filter.start()).param("end", filter.end());
        return filter.level() == null ? statement : statement.param("level", filter.levelLabel());
    }
}
