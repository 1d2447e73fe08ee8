package jp.jcstar.lab.assessment.documentation;

import static jp.jcstar.lab.assessment.FreeText.MAX_LENGTH;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.AssessmentEventRepository;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.SuppliedDocuments;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manufacturer's answer to the lab's request for documents (and its first supply after applying): every DOC item
 * has a document, or the answer names the item and says why it is missing.
 */
@Service
@Transactional
public class RecordDocumentsSupplied {

    private final AssessmentRecords records;
    private final SuppliedDocuments suppliedDocuments;
    private final AssessmentEventRepository events;
    private final DecisionLog decisions;
    private final LabClock clock;

    public RecordDocumentsSupplied(AssessmentRecords records, SuppliedDocuments suppliedDocuments,
                                   AssessmentEventRepository events, DecisionLog decisions, LabClock clock) {
        this.records = records;
        this.suppliedDocuments = suppliedDocuments;
        this.events = events;
        this.decisions = decisions;
        this.clock = clock;
    }

    public void record(long assessmentId, String supplied, String user) {
        if (supplied == null || supplied.isBlank()) {
            throw new InvalidInputException(Bilingual.of("提出した文書を「提出内容」に書いてから完了してください。",
                    "Say in “What you supplied” which documents you supplied, then complete."));
        }
        if (supplied.length() > MAX_LENGTH) {
            throw new InvalidInputException(Bilingual.of("「提出内容」が" + MAX_LENGTH + "文字を超えています。短くしてから"
                    + "完了してください。", "“What you supplied” is longer than " + MAX_LENGTH + " characters. "
                    + "Shorten it, then complete."));
        }
        Set<String> withDocument = suppliedDocuments.itemsWithDocument(assessmentId);
        List<String> unexplained = records.catalogOf(records.get(assessmentId)).itemsOf(Step.DOCUMENTATION).stream()
                .map(CheckItem::id).filter(id -> !withDocument.contains(id) && !supplied.contains(id)).toList();
        if (!unexplained.isEmpty()) {
            String items = String.join(", ", unexplained);
            throw new InvalidInputException(Bilingual.of(items + " の文書がありません。文書ページからアップロードするか、"
                    + "「提出内容」に項目ID（例: " + unexplained.get(0) + "）を挙げて、まだ提出できない理由を書いてください。",
                    "No document for " + items + ". Upload each on the documents page, or name the item (e.g. "
                    + unexplained.get(0) + ") in “What you supplied” and say why it is missing."));
        }
        events.add(assessmentId, AssessmentEvent.Kind.DOCUMENTS_SUPPLIED, null, user, supplied.strip(), clock.now());
        decisions.record(user, records.get(assessmentId), "DOCUMENTS_SUPPLIED", Map.of());
    }
}
