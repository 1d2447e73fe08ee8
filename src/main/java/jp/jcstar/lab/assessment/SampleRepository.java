package jp.jcstar.lab.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The samples a lab received for an assessment's device tests (sample_receipt). */
@Repository
public class SampleRepository {

    /**
     * One delivery of samples as the engineer who unpacked them recorded it.
     *
     * @param serialNumbers one per line, as entered
     */
    public record SampleReceipt(LocalDate receivedOn, String serialNumbers, String hardwareRevision,
                                String firmwareVersion, String appVersion, String cloudVersion, String condition,
                                String recordedBy, OffsetDateTime recordedAt) {

        public List<String> serials() {
            return serialNumbers.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    private final JdbcClient jdbc;

    public SampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long assessmentId, SampleReceipt receipt) {
        jdbc.sql("""
                        insert into sample_receipt (assessment_id, received_on, serial_numbers, hardware_revision,
                            firmware_version, app_version, cloud_version, item_condition, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, receipt.receivedOn(), receipt.serialNumbers(), receipt.hardwareRevision(),
                        receipt.firmwareVersion(), receipt.appVersion(), receipt.cloudVersion(), receipt.condition(),
                        receipt.recordedBy(), receipt.recordedAt())
                .update();
    }

    /** In the order they were recorded. */
    public List<SampleReceipt> list(long assessmentId) {
        return jdbc.sql("select * from sample_receipt where assessment_id = ? order by id").param(assessmentId)
                .query((rs, row) -> new SampleReceipt(rs.getObject("received_on", LocalDate.class),
                        rs.getString("serial_numbers"), rs.getString("hardware_revision"),
                        rs.getString("firmware_version"), rs.getString("app_version"), rs.getString("cloud_version"),
                        rs.getString("item_condition"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }
}
