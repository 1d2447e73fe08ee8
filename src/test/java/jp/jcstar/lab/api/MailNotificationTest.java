package jp.jcstar.lab.api;

import static jp.jcstar.lab.api.LabUsers.*;
import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.jcstar.lab.TestSmtp;
import jp.jcstar.lab.WebAppTest;
import jp.jcstar.lab.assessment.Verdicts;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.assessment.process.DueReminders;
import jp.jcstar.lab.assessment.process.ItemVariables;
import jp.jcstar.lab.assessment.process.WorkDigest;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.notifications.MailKind;
import jp.jcstar.lab.notifications.MailOutbox;
import jp.jcstar.lab.notifications.MailSettings;
import jp.jcstar.lab.notifications.OutboxMail;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mail through a real SMTP server (GreenMail in the test JVM): at each step the people whose turn it is get a mail in
 * the language they chose, with a link that opens the place to act; what a person turned off does not come, what the
 * scheme requires does; a mail server that is down delays mails and loses none.
 */
@WebAppTest
class MailNotificationTest {

    static final String COMPANY = "mail-denki";
    /** Chose Japanese only; gets everything. */
    static final String MAKER_JA = "mailer-ja";
    /** Chose English only; turned off everything it may except the application's receipt. */
    static final String MAKER_EN = "mailer-en";
    private static final Map<Integer, Boolean> prepared = new ConcurrentHashMap<>();
    private static final Pattern LINK = Pattern.compile("(http://\\S+?)(/[^\\s]*)");

    @LocalServerPort int port;
    @Autowired CatalogRepository catalogs;
    @Autowired MailOutbox outbox;
    @Autowired MailSettings settings;
    @Autowired WorkDigest digest;
    @Autowired DueReminders reminders;

    LabApi api;

    @BeforeEach
    void setUp() {
        api = LabUsers.on(port);
        if (prepared.putIfAbsent(port, true) == null) {
            api.registerCompany(COMPANY, "メール電機株式会社");
            api.registerManufacturerUser(COMPANY, MAKER_JA);
            api.registerManufacturerUser(COMPANY, MAKER_EN);
            choose(MAKER_JA, List.of(Map.entry("language", "ja"), Map.entry("on", "APPLICATION_RECEIVED"),
                    Map.entry("on", "DOCUMENT_REQUEST"), Map.entry("on", "DUE_REMINDER"), Map.entry("on", "OVERDUE_REMINDER")));
            choose(MAKER_EN, List.of(Map.entry("language", "en"), Map.entry("on", "APPLICATION_RECEIVED")));
        }
    }

    @Test
    void eachStepMailsThePeopleWhoseTurnItIsInTheirLanguageWithALinkToWhereTheyAct() throws Exception {
        long id = apply("メール錠 M1");
        String reference = reference(id);

        // The application's receipt: to both of the company's users, each in their language only.
        MimeMessage receiptJa = awaitMail(MAKER_JA, reference, "申請を受け付けました");
        assertThat(receiptJa.getSubject()).isEqualTo("[JC-STAR] 申請を受け付けました: " + reference + " メール錠 M1");
        assertThat(text(receiptJa)).contains("Test mailer-ja 様", "受付番号は " + reference + " です。")
                .doesNotContain("Dear", "Application received");
        MimeMessage receiptEn = awaitMail(MAKER_EN, reference, "Application received");
        assertThat(receiptEn.getSubject()).isEqualTo("[JC-STAR] Application received: " + reference + " メール錠 M1");
        assertThat(text(receiptEn)).contains("Dear mailer-en Test,", "Its reference is " + reference)
                .doesNotContain("様", "受付番号");
        // Its Message-ID is the outbox row's own random key: the same on every attempt, no other installation's.
        String key = outbox.ofAssessment(id).stream().filter(mail -> mail.recipientUser().equals(MAKER_JA)
                && mail.kind() == MailKind.APPLICATION_RECEIVED).findFirst().orElseThrow().messageKey();
        assertThat(receiptJa.getHeader("Message-ID")).containsExactly("<" + key + "@localhost>");
        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        // The link opens the assessment for its manufacturer.
        LabApi.BrowserSession makerJa = api.browser();
        makerJa.login(MAKER_JA, LabApi.PASSWORD);
        LabApi.Reply page = makerJa.getPage(linkPath(receiptJa, "/lab/assessments/" + id));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(reference, "メール錠 M1");

        // The documents are requested of the company: MAKER_EN turned that off.
        MimeMessage request = awaitMail(MAKER_JA, reference, "文書の提出をお願いします");
        assertThat(text(request)).containsPattern("提出期限は \\d{4}-\\d{2}-\\d{2} です。")
                .contains("/camunda/app/tasklist/default/#/?task=" + api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MAKER_JA));

        api.supplyDocuments(id, MAKER_JA);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, Verdicts.allPass(catalogs.current()
                .itemsOf(Step.DOCUMENTATION)).variables());
        api.complete(id, USER_TASK_TEST_CLOUD, ENGINEER, Verdicts.allPass(catalogs.current().itemsOf(Step.CLOUD))
                .fail("CLD-04", "TLS 1.0 を受け付ける / accepts TLS 1.0").variables());

        // The issue list goes to both: the scheme requires it, whatever MAKER_EN turned off. Its link is the PDF.
        MimeMessage issuesEn = awaitMail(MAKER_EN, reference, "Issue list (round 1)");
        assertThat(text(issuesEn)).containsPattern("submit your rectification by \\d{4}-\\d{2}-\\d{2}\\.");
        MimeMessage issuesJa = awaitMail(MAKER_JA, reference, "指摘事項一覧 (第 1 ラウンド)");
        LabApi.Reply pdf = makerJa.getPage(linkPath(issuesJa, "/lab/assessments/" + id + "/reports/issue-list/1"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");

        api.complete(id, USER_TASK_SUBMIT_RECTIFICATION, MAKER_JA, Verdicts.none()
                .with(AssessmentVariables.CLOUD_VERSION.name(), "2025.04")
                .with(ItemVariables.response("CLD-04").name(), "TLS 1.0 を無効化 / disabled").variables());
        api.complete(id, USER_TASK_RETEST_ITEMS, ENGINEER, Verdicts.none().pass("CLD-04").variables());

        // The reviewers are asked to review, with the task's link.
        MimeMessage review = awaitMail(REVIEWER + "@lab.example", reference, "報告書のレビュー");
        assertThat(review.getSubject()).contains("Report to review: " + reference);
        assertThat(text(review)).contains("Test rev1 様", "Dear rev1 Test,",
                "/camunda/app/tasklist/default/#/?task=" + api.openTask(id, USER_TASK_REVIEW_REPORT, REVIEWER));
        api.complete(id, USER_TASK_REVIEW_REPORT, REVIEWER, Verdicts.none()
                .with(AssessmentVariables.REVIEW_DECISION.name(), "APPROVE").variables());

        // The end: both hear of it, with the final report's link.
        MimeMessage done = awaitMail(MAKER_EN, reference, "Assessment completed");
        LabApi.BrowserSession makerEn = api.browser();
        makerEn.login(MAKER_EN, LabApi.PASSWORD);
        LabApi.Reply finalReport = makerEn.getPage(linkPath(done, "/lab/assessments/" + id + "/reports/final"));
        assertThat(finalReport.status()).isEqualTo(200);
        assertThat(finalReport.contentType()).isEqualTo("application/pdf");
        awaitMail(MAKER_JA, reference, "評価が完了しました");

        // What each got, once each; the kinds MAKER_EN turned off never came.
        assertThat(subjects(MAKER_EN, reference)).containsExactly(
                "[JC-STAR] Application received: " + reference + " メール錠 M1",
                "[JC-STAR] Issue list (round 1): " + reference + " メール錠 M1",
                "[JC-STAR] Assessment completed: " + reference + " メール錠 M1");
        assertThat(subjects(MAKER_JA, reference)).containsExactly(
                "[JC-STAR] 申請を受け付けました: " + reference + " メール錠 M1",
                "[JC-STAR] 文書の提出をお願いします: " + reference + " メール錠 M1",
                "[JC-STAR] 指摘事項一覧 (第 1 ラウンド): " + reference + " メール錠 M1",
                "[JC-STAR] 評価が完了しました: " + reference + " メール錠 M1");
        // The company's mails went to its own users only.
        assertThat(outbox.ofAssessment(id)).allSatisfy(mail -> assertThat(mail.recipientUser())
                .isIn(MAKER_JA, MAKER_EN, REVIEWER).as("a user of another company or an engineer"));
    }

    @Test
    void aTaskGivenToAnEngineerBySomeoneElseIsMailedToThemButOneTheyTakeThemselvesIsNot() throws Exception {
        long id = apply("割当カメラ A1");
        String reference = reference(id);
        api.supplyDocuments(id, MAKER_JA);
        // The engineer takes one task, the administrator gives them another.
        String own = api.openTask(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER);
        assertThat(api.post("/api/tasks/" + own + "/claim", ENGINEER, Map.of()).status()).isEqualTo(204);
        api.complete(id, USER_TASK_REVIEW_DOCUMENTATION, ENGINEER, Verdicts.allPass(catalogs.current()
                .itemsOf(Step.DOCUMENTATION)).variables());
        String given = api.openTask(id, USER_TASK_TEST_CLOUD, ENGINEER);
        LabApi.Reply assigned = api.post("/engine-rest/task/" + given + "/assignee", "admin",
                Map.of("userId", ENGINEER));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(204);

        MimeMessage mail = awaitMail(ENGINEER + "@lab.example", reference, "Assigned to you");
        assertThat(mail.getSubject()).isEqualTo("[JC-STAR] 作業が割り当てられました: " + reference
                + " クラウド試験 / Assigned to you: " + reference + " Test cloud");
        assertThat(text(mail)).contains("/camunda/app/tasklist/default/#/?task=" + given);
        assertThat(subjects(ENGINEER + "@lab.example", reference)).hasSize(1);
    }

    @Test
    void aMailServerThatIsDownDelaysMailsAndLosesNone() throws Exception {
        TestSmtp.stop();
        long id;
        try {
            id = apply("停止中ルーター R1");
            // Written with the application, tried, failed, queued for the next attempt.
            OutboxMail tried = awaitOutbox(id, MAKER_JA, mail -> mail.attempts() >= 1);
            assertThat(tried.state()).isIn(OutboxMail.State.QUEUED, OutboxMail.State.SENDING);
            OutboxMail waiting = awaitOutbox(id, MAKER_JA, mail -> mail.state() == OutboxMail.State.QUEUED
                    && mail.lastError() != null);
            assertThat(waiting.sentAt()).isNull();
            assertThat(waiting.lastError()).contains("Couldn't connect to host");
        } finally {
            TestSmtp.start();
        }
        String reference = reference(id);
        awaitMail(MAKER_JA, reference, "申請を受け付けました");
        OutboxMail sent = awaitOutbox(id, MAKER_JA, mail -> mail.state() == OutboxMail.State.SENT
                && mail.subject().contains("申請を受け付けました"));
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        // Later passes of the sender send nothing again.
        Thread.sleep(3 * settings.pollInterval().toMillis());
        assertThat(subjects(MAKER_JA, reference)).containsOnlyOnce(
                "[JC-STAR] 申請を受け付けました: " + reference + " 停止中ルーター R1");
    }

    @Test
    void engineersGetOneDigestADayOfTheWorkWaitingForTheirGroup() throws Exception {
        long id = apply("ダイジェスト冷蔵庫 F1");
        String reference = reference(id);
        api.supplyDocuments(id, MAKER_JA);
        digest.send();
        digest.send();

        MimeMessage mail = awaitMail(ENGINEER + "@lab.example", null, "Work waiting for your group");
        assertThat(mail.getSubject()).matches("\\[JC-STAR] あなたのグループの待ち作業: \\d+ 件 / Work waiting for your group: \\d+");
        assertThat(text(mail)).contains(reference + " ダイジェスト冷蔵庫 F1 (メール電機株式会社): ドキュメントレビュー / Review documentation",
                "/camunda/app/tasklist/default/");
        Thread.sleep(3 * settings.pollInterval().toMillis());
        assertThat(TestSmtp.receivedBy(ENGINEER + "@lab.example").stream().filter(subject("Work waiting"))).hasSize(1);
    }

    @Test
    void aManufacturerIsRemindedOnceBeforeItsDocumentsAreDue() throws Exception {
        long id = apply("期限スピーカー S1");
        String reference = reference(id);
        // One of the company's users took the task: the company is reminded all the same.
        assertThat(api.post("/api/tasks/" + api.openTask(id, USER_TASK_SUPPLY_DOCUMENTS, MAKER_JA) + "/claim", MAKER_JA,
                Map.of()).status()).isEqualTo(204);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(12, ChronoUnit.DAYS)));
        try {
            reminders.remind();
            reminders.remind();
        } finally {
            ClockUtil.reset();
        }
        MimeMessage reminder = awaitMail(MAKER_JA, reference, "期限が近づいています");
        assertThat(reminder.getSubject()).isEqualTo("[JC-STAR] 期限が近づいています: " + reference + " 文書の提出");
        assertThat(text(reminder)).containsPattern("「文書の提出」の期限は \\d{4}-\\d{2}-\\d{2} です。");
        Thread.sleep(3 * settings.pollInterval().toMillis());
        assertThat(subjects(MAKER_JA, reference).stream().filter(s -> s.contains("期限が近づいています"))).hasSize(1);
        // MAKER_EN turned reminders off.
        assertThat(subjects(MAKER_EN, reference)).noneMatch(s -> s.contains("Due soon"));
    }

    private void choose(String user, List<Map.Entry<String, String>> form) {
        LabApi.BrowserSession session = api.browser();
        session.login(user, LabApi.PASSWORD);
        assertThat(session.getPage("/account/notifications").status()).isEqualTo(200);
        LabApi.Reply saved = session.form("/account/notifications", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(302);
    }

    private long apply(String product) {
        LabApi.Reply applied = api.post("/api/assessments", MAKER_JA, Map.of("productName", product,
                "modelNumbers", "M-1", "cloudVersion", "2025.03", "starLevel", "STAR-1", "scope", List.of("CLOUD")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    private String reference(long id) {
        return api.get("/api/assessments/" + id, ENGINEER).json().path("reference").asText();
    }

    /** The path of the mail's link to the app, checked to start with the configured address. */
    private String linkPath(MimeMessage mail, String expectedPath) throws Exception {
        Matcher link = LINK.matcher(text(mail).replace(settings.publicUrl() + "/account/notifications", ""));
        assertThat(link.find()).as("a link in " + text(mail)).isTrue();
        assertThat(link.group(1)).isEqualTo(settings.publicUrl());
        assertThat(link.group(2)).isEqualTo(expectedPath);
        return link.group(2);
    }

    private static String address(String user) {
        return user.contains("@") ? user : user + "@maker.example";
    }

    private static MimeMessage awaitMail(String user, String reference, String subjectPart) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<MimeMessage> found = TestSmtp.receivedBy(address(user)).stream()
                    .filter(subject(subjectPart)).filter(reference == null ? m -> true : subject(reference)).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail '" + subjectPart + "' to " + address(user) + " within 30 s; got "
                        + TestSmtp.receivedBy(address(user)).stream().map(MailNotificationTest::subjectOf).toList());
            }
            Thread.sleep(100);
        }
    }

    private OutboxMail awaitOutbox(long id, String user, Predicate<OutboxMail> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            var found = outbox.ofAssessment(id).stream().filter(mail -> mail.recipientUser().equals(user))
                    .filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Outbox of " + id + " for " + user + " not as expected within 30 s: "
                        + outbox.ofAssessment(id));
            }
            Thread.sleep(100);
        }
    }

    private static List<String> subjects(String user, String reference) {
        return TestSmtp.receivedBy(address(user)).stream().filter(subject(reference))
                .map(MailNotificationTest::subjectOf).toList();
    }

    private static Predicate<MimeMessage> subject(String part) {
        return message -> subjectOf(message).contains(part);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        return (String) message.getContent();
    }
}
