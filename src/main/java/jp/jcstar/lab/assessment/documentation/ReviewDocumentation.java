package jp.jcstar.lab.assessment.documentation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.AssessmentEventRepository;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.RawVerdict;
import jp.jcstar.lab.assessment.SuppliedDocuments;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.assessment.testing.RecordVerdicts;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 1: the engineer's documentation review. Any FAIL means the documents are incomplete, and then the engineer
 * must say what the manufacturer has to supply; a document nobody supplied cannot pass.
 */
@Service
@Transactional
public class ReviewDocumentation {

    private final AssessmentRecords records;
    private final RecordVerdicts verdicts;
    private final SuppliedDocuments suppliedDocuments;
    private final AssessmentEventRepository events;
    private final LabClock clock;

    public ReviewDocumentation(AssessmentRecords records, RecordVerdicts verdicts, SuppliedDocuments suppliedDocuments,
                               AssessmentEventRepository events, LabClock clock) {
        this.records = records;
        this.verdicts = verdicts;
        this.suppliedDocuments = suppliedDocuments;
        this.events = events;
        this.clock = clock;
    }

    /** @return whether the documentation is complete */
    public boolean record(long assessmentId, List<RawVerdict> submitted, String documentRequest, String user) {
        boolean incomplete = submitted.stream().anyMatch(raw -> Verdict.FAIL.name().equals(String.valueOf(raw.verdict())));
        if (incomplete && (documentRequest == null || documentRequest.isBlank())) {
            throw new InvalidInputException(Bilingual.of("不合格（FAIL）とした文書について、製造事業者に提出してほしいものを"
                    + "「製造事業者への依頼事項」に書いてから完了してください。", "Say in “What the manufacturer must supply” "
                    + "what is needed for the documents marked FAIL, then complete."));
        }
        Set<String> supplied = suppliedDocuments.itemsWithDocument(assessmentId);
        Catalog catalog = records.catalogOf(records.get(assessmentId));
        List<Bilingual> passedUnseen = submitted.stream()
                .filter(raw -> Verdict.PASS.name().equals(String.valueOf(raw.verdict())) && !supplied.contains(raw.itemId()))
                .map(raw -> catalog.get(raw.itemId()).name()).toList();
        if (!passedUnseen.isEmpty()) {
            throw new InvalidInputException(Bilingual.of(passedUnseen.stream().map(Bilingual::ja).collect(Collectors.joining("、"))
                    + ": 文書が提出されていないため、合格（PASS）にはできません。不合格（FAIL）にして、不足しているものを"
                    + "「製造事業者への依頼事項」に書いてください。", passedUnseen.stream().map(Bilingual::en)
                    .collect(Collectors.joining(", ")) + ": no document was supplied, so it cannot PASS. Mark it FAIL "
                    + "and say what is missing in “What the manufacturer must supply”."));
        }
        verdicts.record(assessmentId, submitted, user);
        if (incomplete) {
            events.add(assessmentId, AssessmentEvent.Kind.DOCUMENT_REQUEST, null, user, documentRequest.strip(), clock.now());
        }
        return !incomplete;
    }
}
