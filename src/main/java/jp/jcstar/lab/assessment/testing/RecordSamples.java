package jp.jcstar.lab.assessment.testing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.FreeText;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.SampleRepository;
import jp.jcstar.lab.assessment.SampleRepository.SampleReceipt;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 2 begins when the samples arrive: the engineer records what was received (serial numbers, hardware revision,
 * the versions the samples carry), which the final report prints as the samples under test. Everything is checked
 * before anything is written.
 */
@Service
@Transactional
public class RecordSamples {

    /** What the engineer submitted on the samples form, as text. */
    public record SubmittedSamples(String receivedOn, String serialNumbers, String hardwareRevision,
                                   String firmwareVersion, String appVersion, String cloudVersion, String condition) {
    }

    private final AssessmentRecords records;
    private final SampleRepository samples;
    private final DecisionLog decisions;
    private final LabClock clock;

    public RecordSamples(AssessmentRecords records, SampleRepository samples, DecisionLog decisions, LabClock clock) {
        this.records = records;
        this.samples = samples;
        this.decisions = decisions;
        this.clock = clock;
    }

    public SampleReceipt record(long assessmentId, SubmittedSamples submitted, String user) {
        Assessment assessment = records.lock(assessmentId);
        List<Bilingual> problems = new ArrayList<>();
        if (!assessment.covers(ProductComponent.DEVICE)) {
            problems.add(Bilingual.of(assessment.reference() + " はデバイスを評価しないため、試料は記録できません。",
                    assessment.reference() + " does not test a device; there are no samples to record."));
        }
        LocalDate receivedOn = receivedOn(submitted.receivedOn(), problems);
        String serials = required(submitted.serialNumbers(), "シリアル番号", "Serial numbers", problems);
        String hardware = required(submitted.hardwareRevision(), "ハードウェアリビジョン", "Hardware revision", problems);
        String firmware = required(submitted.firmwareVersion(), "受領時のファームウェアバージョン",
                "Firmware version as received", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        SampleReceipt receipt = new SampleReceipt(receivedOn, serials, hardware, firmware,
                assessment.covers(ProductComponent.APP) ? FreeText.strippedOrNull(submitted.appVersion()) : null,
                assessment.covers(ProductComponent.CLOUD) ? FreeText.strippedOrNull(submitted.cloudVersion()) : null,
                FreeText.strippedOrNull(submitted.condition()), user, clock.now());
        samples.insert(assessmentId, receipt);
        decisions.record(user, assessment, "SAMPLES_RECEIVED", Map.of("receivedOn", receivedOn.toString(),
                "samples", receipt.serials().size(), "firmware", firmware));
        return receipt;
    }

    /** The day the samples arrived: a date, not after today (Japan time). */
    private LocalDate receivedOn(String text, List<Bilingual> problems) {
        String value = FreeText.strippedOrNull(text);
        if (value == null) {
            problems.add(Bilingual.of("受領日: 入力してください。", "Received on: is required. Choose the day the samples arrived."));
            return null;
        }
        LocalDate day;
        try {
            // Camunda Forms' date field submits 2026-12-05; a time part, if a client sends one, is not a day.
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(Bilingual.of("受領日: 「" + value + "」は日付ではありません。2026-12-05 のように入力してください。",
                    "Received on: '" + value + "' is not a date. Enter it as 2026-12-05."));
            return null;
        }
        // Not after today; samples may arrive with the application, a change notice or before either.
        LocalDate today = clock.now().toLocalDate();
        if (day.isAfter(today)) {
            problems.add(Bilingual.of("受領日: " + day + " は未来の日付です。試料が届いた日（" + today + " 以前）を選んでください。",
                    "Received on: " + day + " is in the future. Choose the day the samples arrived (" + today
                            + " or before)."));
        }
        return day;
    }

    private static String required(String text, String ja, String en, List<Bilingual> problems) {
        String value = FreeText.strippedOrNull(text);
        if (value == null) {
            problems.add(Bilingual.of(ja + ": 入力してください。", en + ": is required. Fill it in."));
        }
        return value;
    }
}
