package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.DOCUMENTS_OVERVIEW;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.documents.DocumentsChanged;
import jp.jcstar.lab.documents.DocumentsOverview;
import jp.jcstar.lab.security.AsApp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Create listener of the tasks whose forms show or link to the documents (documentation review, document request,
 * rectification, the tests and retests): what the form shows is rewritten from the app's tables when the task opens,
 * the overview and the assessment ID the documents link goes to, whatever a client completing an earlier task set
 * them to. After an upload ({@link DocumentsChanged}) it is rewritten in the running process.
 */
@Component
public class RefreshDocumentLinksListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RefreshDocumentLinksListener.class);

    private final DocumentsOverview overview;
    private final AssessmentRecords assessments;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    /** Nested in the upload's transaction: a failure rolls back to the savepoint and no further. */
    private final TransactionTemplate savepoint;

    public RefreshDocumentLinksListener(DocumentsOverview overview, AssessmentRecords assessments,
                                        RuntimeService runtimeService, IdentityService identityService,
                                        TransactionTemplate transactions) {
        this.overview = overview;
        this.assessments = assessments;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void notify(DelegateTask task) {
        Assessment assessment = assessments.get(assessments.idOf(task.getProcessInstanceId()));
        // On the process instance, where every task's form finds them, and only where they changed: the three test
        // tasks open at once and show the same overview.
        DelegateExecution instance = task.getExecution().getProcessInstance();
        if (!ASSESSMENT_ID.find(instance).filter(id -> id == assessment.id()).isPresent()) {
            ASSESSMENT_ID.set(instance, assessment.id());
        }
        String markdown = overview.markdown(assessment);
        if (!DOCUMENTS_OVERVIEW.find(instance).filter(markdown::equals).isPresent()) {
            DOCUMENTS_OVERVIEW.set(instance, markdown);
        }
    }

    /**
     * Rewrites the overview in the assessment's running process, in the upload's transaction (under the assessment's
     * lock, so that no other upload or completion of this assessment writes it meanwhile) but under a savepoint of
     * its own: the upload stays stored whether or not this succeeds (a failure is logged, never passed to the
     * uploader), and the forms catch up when the next task that shows documents opens.
     */
    @EventListener
    public void refresh(DocumentsChanged changed) {
        Assessment assessment = changed.assessment();
        if (assessment.processInstanceId() == null) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> AsApp.run(identityService, () -> {
                runtimeService.setVariable(assessment.processInstanceId(), DOCUMENTS_OVERVIEW.name(),
                        overview.markdown(assessment));
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("The documents overview of assessment {} stays as it was until the next task opens",
                    assessment.id(), e);
        }
    }
}
