package jp.jcstar.lab.notifications;

import java.util.List;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.security.Roles;

/**
 * What a mail tells whom, in both languages. Placeholders in braces are filled from {@link MailFacts} and the
 * recipient: {name}, {reference}, {product}, {manufacturer}, {step}, {due}, {round}, {link} ({work} for the digest).
 * The kinds the scheme requires (an issue list, the end of an assessment) go out whatever a person turned off.
 */
public enum MailKind {

    APPLICATION_RECEIVED(false,
            Bilingual.of("申請を受け付けました: {reference} {product}", "Application received: {reference} {product}"),
            Bilingual.of("""
                    {manufacturer} の {product} について、JC-STAR 適合評価の申請を受け付けました。受付番号は {reference} です。
                    進み具合はこちらで確認できます: {link}""", """
                    We have received the JC-STAR assessment application for {product} of {manufacturer}. Its reference is \
                    {reference}.
                    Follow its progress here: {link}""")),
    DOCUMENT_REQUEST(false,
            Bilingual.of("文書の提出をお願いします: {reference} {product}", "Documents requested: {reference} {product}"),
            Bilingual.of("""
                    {reference} ({product}) の評価に必要な文書の提出をお願いします。提出期限は {due} です。
                    提出はこちらから: {link}""", """
                    Please supply the documents the assessment of {product} ({reference}) needs, by {due}.
                    Supply them here: {link}""")),
    ISSUE_LIST_READY(true,
            Bilingual.of("指摘事項一覧 (第 {round} ラウンド): {reference} {product}",
                    "Issue list (round {round}): {reference} {product}"),
            Bilingual.of("""
                    {reference} ({product}) の第 {round} ラウンドの試験で不適合の項目がありました。指摘事項一覧を確認し、{due} までに是正内容を提出してください。
                    指摘事項一覧 (PDF): {link}""", """
                    Items of {reference} ({product}) failed in test round {round}. Read the issue list and submit your \
                    rectification by {due}.
                    Issue list (PDF): {link}""")),
    DUE_REMINDER(false,
            Bilingual.of("期限が近づいています: {reference} {step}", "Due soon: {reference} {step}"),
            Bilingual.of("""
                    {reference} ({product}) の「{step}」の期限は {due} です。
                    こちらから対応してください: {link}""", """
                    "{step}" for {reference} ({product}) is due on {due}.
                    Act on it here: {link}""")),
    OVERDUE_REMINDER(false,
            Bilingual.of("期限を過ぎています: {reference} {step}", "Overdue: {reference} {step}"),
            Bilingual.of("""
                    {reference} ({product}) の「{step}」は期限 ({due}) を過ぎました。評価試験機関に連絡のうえ、提出してください。
                    こちらから: {link}""", """
                    "{step}" for {reference} ({product}) was due on {due}. Please contact the lab and submit it.
                    Here: {link}""")),
    ASSESSMENT_COMPLETED(true,
            Bilingual.of("評価が完了しました: {reference} {product}", "Assessment completed: {reference} {product}"),
            Bilingual.of("""
                    {reference} ({product}) の JC-STAR 適合評価が完了しました。最終評価報告書はこちらです: {link}""", """
                    The JC-STAR assessment of {product} ({reference}) is complete. The final assessment report is here: {link}""")),
    ASSESSMENT_TERMINATED(true,
            Bilingual.of("評価を終了しました: {reference} {product}", "Assessment terminated: {reference} {product}"),
            Bilingual.of("""
                    {reference} ({product}) の評価は、是正後も不適合の項目が残ったため、適合と判定されずに終了しました。
                    理由と適合しなかった項目は評価終了通知書 (PDF) にあります: {link}""", """
                    The assessment of {product} ({reference}) ended without a pass: items still failed after rectification.
                    The termination notice (PDF) gives the reason and the items that did not pass: {link}""")),
    LABEL_EXPIRING(true,
            Bilingual.of("ラベルの有効期限が近づいています: {reference} {product}",
                    "The label's validity ends soon: {reference} {product}"),
            Bilingual.of("""
                    {product} ({reference}) の最終評価報告書の有効期限は {due} です。引き続きラベルを表示するには、期限までに更新の評価を申請してください。
                    評価と更新の申請はこちら: {link}""", """
                    The final assessment report of {product} ({reference}) stands until {due}. To keep the label, apply                     for a renewal before then.
                    The assessment and its renewal: {link}""")),
    LABEL_EXPIRED(true,
            Bilingual.of("ラベルの有効期限が切れました: {reference} {product}", "The label's validity has ended: {reference} {product}"),
            Bilingual.of("""
                    {product} ({reference}) の最終評価報告書は {due} に有効期限を迎えました。検証ページにも有効期限切れと表示されます。
                    更新の評価はこちらから申請できます: {link}""", """
                    The final assessment report of {product} ({reference}) stopped standing on {due}; its verification                     page says so.
                    Apply for a renewal here: {link}""")),
    WORK_DIGEST(false,
            Bilingual.of("あなたのグループの待ち作業: {count} 件", "Work waiting for your group: {count}"),
            Bilingual.of("""
                    あなたのグループが担当できる作業が {count} 件あります。
                    {work}
                    タスクリスト: {link}""", """
                    {count} tasks are waiting for your group.
                    {work}
                    Tasklist: {link}""")),
    TASK_ASSIGNED(false,
            Bilingual.of("作業が割り当てられました: {reference} {step}", "Assigned to you: {reference} {step}"),
            Bilingual.of("""
                    {reference} ({product}, {manufacturer}) の「{step}」があなたに割り当てられました。
                    こちらから: {link}""", """
                    "{step}" for {reference} ({product}, {manufacturer}) has been assigned to you.
                    Open it here: {link}""")),
    REPORT_TO_REVIEW(false,
            Bilingual.of("報告書のレビュー: {reference} {product}", "Report to review: {reference} {product}"),
            Bilingual.of("""
                    {reference} ({product}, {manufacturer}) の試験結果と報告書のレビューをお願いします。
                    こちらから: {link}""", """
                    The results and report of {reference} ({product}, {manufacturer}) are ready for your review.
                    Open it here: {link}""")),
    ESCALATION(false,
            Bilingual.of("期限超過のエスカレーション: {reference} {step}", "Escalation, overdue: {reference} {step}"),
            Bilingual.of("""
                    {manufacturer} は {reference} ({product}) の「{step}」を期限 ({due}) までに提出していません。
                    評価: {link}""", """
                    {manufacturer} has not submitted "{step}" for {reference} ({product}) by {due}.
                    Assessment: {link}""")),
    FURTHER_ROUND_DECISION(false,
            Bilingual.of("追加ラウンドの判断: {reference} {product}", "Further round to decide: {reference} {product}"),
            Bilingual.of("""
                    {reference} ({product}, {manufacturer}) は再試験の上限に達しました。追加ラウンドを認めるか、評価を終了するかを判断してください。
                    こちらから: {link}""", """
                    {reference} ({product}, {manufacturer}) has reached the retest limit. Decide whether to allow a \
                    further round or to end the assessment.
                    Decide here: {link}""")),
    ;

    private final boolean required;
    private final Bilingual subject;
    private final Bilingual body;

    MailKind(boolean required, Bilingual subject, Bilingual body) {
        this.required = required;
        this.subject = subject;
        this.body = body;
    }

    /** Sent whatever the person turned off: the scheme requires it. */
    public boolean required() {
        return required;
    }

    Bilingual subject() {
        return subject;
    }

    Bilingual body() {
        return body;
    }

    /** The groups whose members get this kind: the preferences page offers a person the kinds of their groups. */
    public List<String> audience() {
        return switch (this) {
            case APPLICATION_RECEIVED, DOCUMENT_REQUEST, ISSUE_LIST_READY, DUE_REMINDER, OVERDUE_REMINDER,
                 ASSESSMENT_COMPLETED, ASSESSMENT_TERMINATED -> List.of(Roles.MANUFACTURERS);
            case LABEL_EXPIRING, LABEL_EXPIRED -> List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS);
            case WORK_DIGEST -> List.of(Roles.ENGINEERS);
            case TASK_ASSIGNED -> Roles.LAB_STAFF;
            case REPORT_TO_REVIEW -> List.of(Roles.REVIEWERS);
            case ESCALATION, FURTHER_ROUND_DECISION -> List.of(Roles.LAB_MANAGERS);
        };
    }

    /** The kind as a person reads it on the preferences page. */
    public Bilingual label() {
        return switch (this) {
            case APPLICATION_RECEIVED -> Bilingual.of("申請の受付", "Application received");
            case DOCUMENT_REQUEST -> Bilingual.of("文書の提出依頼", "Document requests");
            case ISSUE_LIST_READY -> Bilingual.of("指摘事項一覧 (必須)", "Issue lists (required)");
            case DUE_REMINDER -> Bilingual.of("期限前のお知らせ", "Reminders before a due date");
            case OVERDUE_REMINDER -> Bilingual.of("期限超過のお知らせ", "Reminders at a due date");
            case ASSESSMENT_COMPLETED -> Bilingual.of("評価の完了 (必須)", "Assessment completed (required)");
            case ASSESSMENT_TERMINATED -> Bilingual.of("評価の終了 (必須)", "Assessment terminated (required)");
            case LABEL_EXPIRING -> Bilingual.of("ラベルの有効期限の予告 (必須)", "Label validity ending (required)");
            case LABEL_EXPIRED -> Bilingual.of("ラベルの有効期限切れ (必須)", "Label validity ended (required)");
            case WORK_DIGEST -> Bilingual.of("待ち作業のまとめ (1 日 1 通)", "Daily digest of waiting work");
            case TASK_ASSIGNED -> Bilingual.of("作業の割り当て", "Work assigned to me");
            case REPORT_TO_REVIEW -> Bilingual.of("レビュー待ちの報告書", "Reports to review");
            case ESCALATION -> Bilingual.of("期限超過のエスカレーション", "Escalations");
            case FURTHER_ROUND_DECISION -> Bilingual.of("追加ラウンドの判断", "Further-round decisions");
        };
    }
}
