package jp.jcstar.lab.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An assessment's records as use cases, pages and reports read them: the assessment, its catalog and items in scope,
 * the latest verdicts, its events. Changes go through the use cases of each feature, never through here.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentRecords {

    private final AssessmentRepository assessments;
    private final CheckResultRepository results;
    private final AssessmentEventRepository events;
    private final CatalogRepository catalogs;

    public AssessmentRecords(AssessmentRepository assessments, CheckResultRepository results,
                             AssessmentEventRepository events, CatalogRepository catalogs) {
        this.assessments = assessments;
        this.results = results;
        this.events = events;
        this.catalogs = catalogs;
    }

    /**
     * The assessment a process instance runs, from the app's table. Delegates use this rather than the assessmentId
     * variable, which a client completing a task could overwrite.
     */
    public long idOf(String processInstanceId) {
        return assessments.idByProcessInstance(processInstanceId).orElseThrow(() ->
                new IllegalStateException("No assessment belongs to process instance " + processInstanceId));
    }

    /** The assessment of a process instance, once it is registered (the first tasks may open before). */
    public Optional<Assessment> findByProcessInstance(String processInstanceId) {
        return assessments.findByProcessInstance(processInstanceId);
    }

    public Assessment get(long assessmentId) {
        return assessments.get(assessmentId);
    }

    /** The assessment, its row locked until the caller's transaction ends: changes to it then happen one at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Assessment lock(long assessmentId) {
        return assessments.lock(assessmentId);
    }

    public Catalog catalogOf(Assessment assessment) {
        return catalogs.version(assessment.catalogVersion());
    }

    /** The items this assessment judges: the documents always, and the steps of the components in scope. */
    public List<CheckItem> itemsInScope(Assessment assessment) {
        Set<Step> steps = Stream.concat(Stream.of(Step.DOCUMENTATION),
                assessment.product().scope().stream().map(ProductComponent::step)).collect(Collectors.toSet());
        // A delta assessment tests only the items its change touches; its documentation is reviewed whole.
        return catalogOf(assessment).items().stream().filter(item -> steps.contains(item.step()))
                .filter(item -> item.step() == Step.DOCUMENTATION || assessment.tests(item.id())).toList();
    }

    /** The latest verdict of every judged item: a later round's or revision's verdict replaces an earlier one. */
    public Map<String, CheckResult> latestResults(long assessmentId) {
        return latestOf(results.list(assessmentId));
    }

    /** The latest of each item among verdicts listed in the order they were given. */
    public static Map<String, CheckResult> latestOf(List<CheckResult> inOrderGiven) {
        Map<String, CheckResult> latest = new LinkedHashMap<>();
        inOrderGiven.forEach(result -> latest.put(result.itemId(), result));
        return latest;
    }

    public List<AssessmentEvent> events(long assessmentId) {
        return events.list(assessmentId);
    }
}
