package jp.jcstar.lab.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.ProcessEngineTest;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentScenario;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.company.AccountService;
import jp.jcstar.lab.documents.DocumentService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings a transaction read are kept up to date with what it writes instead of being read again: what the
 * repository then answers is what the database holds, in the same order (on H2 and, in CI, PostgreSQL).
 */
@ProcessEngineTest
class FindingRepositoryTest {

    @Autowired FindingRepository findings;
    @Autowired AssessmentRepository assessments;
    @Autowired AccountService accounts;
    @Autowired DocumentService documents;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired LabClock clock;

    /** What a test compares: the columns the app shows and decides on, times as instants. */
    record Row(long id, int round, String item, String status, String observation, String requiredFix,
               Instant due, Instant opened, Instant sent) {
    }

    @Test
    void findingsOpenedAndSentInATransactionThatReadThemBeforeAreWhatTheDatabaseHolds() {
        AssessmentScenario.registerCompany(accounts);
        long assessmentId = assessments.findByProcessInstance(new AssessmentScenario(engine, documents)
                .applyOnly(AssessmentScenario.application(ProductComponent.DEVICE, ProductComponent.CLOUD)).getId())
                .orElseThrow().id();
        OffsetDateTime now = clock.now();

        List<List<Row>> cachedAndStored = new TransactionTemplate(transactionManager).execute(status -> {
            assertThat(findings.list(assessmentId)).isEmpty();
            // Opened out of the listed order (round, then item), sent for one round only.
            findings.open(assessmentId, 2, "DEV-02", "ファームウェアが署名されていない / unsigned firmware", "署名する / sign it",
                    now.plusDays(30), now);
            findings.open(assessmentId, 1, "CLD-04", "HTTP で開ける / opens over HTTP", "HTTPS のみにする / HTTPS only", now.plusDays(30), now);
            findings.open(assessmentId, 2, "CLD-01", "既定のパスワード / default password", "変更させる / force a change",
                    null, now);
            findings.markSent(assessmentId, 2, now.plusMinutes(5));
            List<Row> cached = findings.list(assessmentId).stream().map(f -> new Row(f.id(), f.roundNo(), f.itemId(),
                    f.status().name(), f.observation(), f.requiredFix(), instant(f.dueDate()), instant(f.openedAt()),
                    instant(f.sentAt()))).toList();
            List<Row> stored = jdbc.sql("select * from finding where assessment_id = ? order by round_no, item_id")
                    .param(assessmentId)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getInt("round_no"), rs.getString("item_id"),
                            rs.getString("status"), rs.getString("observation"), rs.getString("required_fix"),
                            instant(rs.getObject("due_date", OffsetDateTime.class)),
                            instant(rs.getObject("opened_at", OffsetDateTime.class)),
                            instant(rs.getObject("sent_at", OffsetDateTime.class)))).list();
            status.setRollbackOnly();
            return List.of(cached, stored);
        });

        List<Row> cached = cachedAndStored.get(0);
        assertThat(cached).extracting(Row::item).containsExactly("CLD-04", "CLD-01", "DEV-02");
        assertThat(cached).extracting(Row::status).containsExactly("OPEN", "SENT_TO_MANUFACTURER", "SENT_TO_MANUFACTURER");
        assertThat(cached).isEqualTo(cachedAndStored.get(1));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
