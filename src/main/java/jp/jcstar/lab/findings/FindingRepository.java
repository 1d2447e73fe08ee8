package jp.jcstar.lab.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;

import jp.jcstar.lab.TransactionScoped;
import jp.jcstar.lab.assessment.RoundOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class FindingRepository {

    /** The order of {@link #list}: by round, then item. */
    private static final Comparator<Finding> LISTED = Comparator.comparingInt(Finding::roundNo).thenComparing(Finding::itemId);

    private final JdbcClient jdbc;
    /**
     * The findings read in the current transaction, by assessment: kept up to date with each change made through this
     * repository that it knows whole (opened, sent, answered, retested), forgotten at the others (closed).
     */
    private final TransactionScoped<Long, List<Finding>> read;

    public FindingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.read = new TransactionScoped<>(dataSource);
    }

    private void changing() {
        read.reads().clear();
    }

    /** Opens a finding; the findings this transaction read of the assessment gain it, in their order, unread. */
    void open(long assessmentId, int roundNo, String itemId, String observation, String requiredFix,
                     OffsetDateTime dueDate, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into finding (assessment_id, round_no, item_id, observation, required_fix, due_date,
                            status, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, roundNo, itemId, observation, requiredFix, dueDate, FindingStatus.OPEN.name(), at)
                .update(key, "id");
        Finding opened = new Finding(key.getKeyAs(Number.class).longValue(), roundNo, itemId, observation, requiredFix,
                dueDate, FindingStatus.OPEN, null, null, at, null, null, null, null);
        read.reads().computeIfPresent(assessmentId, (id, known) ->
                Stream.concat(known.stream(), Stream.of(opened)).sorted(LISTED).toList());
    }

    /** Every finding of the assessment, by round, then item. */
    public List<Finding> list(long assessmentId) {
        return read.reads().computeIfAbsent(assessmentId, id -> List.copyOf(
                jdbc.sql("select * from finding where assessment_id = ? order by round_no, item_id")
                        .param(id).query(FindingRepository::map).list()));
    }

    /** The findings of one round, by item. */
    public List<Finding> listRound(long assessmentId, int roundNo) {
        return list(assessmentId).stream().filter(finding -> finding.roundNo() == roundNo).toList();
    }

    void markSent(long assessmentId, int roundNo, OffsetDateTime at) {
        jdbc.sql("""
                        update finding set status = ?, sent_at = ?
                        where assessment_id = ? and round_no = ? and status = ?""")
                .params(FindingStatus.SENT_TO_MANUFACTURER.name(), at, assessmentId, roundNo, FindingStatus.OPEN.name())
                .update();
        read.reads().computeIfPresent(assessmentId, (id, known) -> known.stream()
                .map(finding -> finding.roundNo() == roundNo && finding.status() == FindingStatus.OPEN ? finding.sent(at)
                        : finding).toList());
    }

    void answer(long findingId, String response, OffsetDateTime at) {
        jdbc.sql("update finding set status = ?, manufacturer_response = ?, answered_at = ? where id = ?")
                .params(FindingStatus.ANSWERED.name(), response, at, findingId).update();
        updated(findingId, known -> known.answered(response, at));
    }

    void recordRetest(long findingId, RoundOutcome outcome, OffsetDateTime at) {
        jdbc.sql("update finding set status = ?, retest_outcome = ?, retested_at = ? where id = ?")
                .params(FindingStatus.after(outcome).name(), outcome.name(), at, findingId).update();
        updated(findingId, known -> known.retested(outcome, at));
    }

    /** Keeps the findings this transaction read up to date with a change of one it just wrote. */
    private void updated(long findingId, UnaryOperator<Finding> change) {
        read.reads().replaceAll((assessmentId, known) -> known.stream()
                .map(finding -> finding.id() == findingId ? change.apply(finding) : finding).toList());
    }

    /** Closes every finding of an assessment that has ended. */
    void closeAll(long assessmentId, OffsetDateTime at) {
        changing();
        jdbc.sql("update finding set status = ?, closed_at = ? where assessment_id = ? and closed_at is null")
                .params(FindingStatus.CLOSED.name(), at, assessmentId).update();
    }

    private static Finding map(ResultSet rs, int row) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getInt("round_no"), rs.getString("item_id"),
                rs.getString("observation"), rs.getString("required_fix"),
                rs.getObject("due_date", OffsetDateTime.class), FindingStatus.valueOf(rs.getString("status")),
                rs.getString("manufacturer_response"), RoundOutcome.parse(rs.getString("retest_outcome")),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("retested_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
    }
}
