package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.engine.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every user task ({@link TaskNamesPlugin}): the task is named after its assessment, so that a
 * list of tasks tells them apart: {@code JCS-2026-00001 スマートロック X1 (株式会社サンプル電機): クラウド試験 / Test cloud}.
 * The step name is the model's (process administrators edit it in Camunda Modeler); reference, product and company
 * come from the assessment's row, never from a value someone submitted. Reference, product and round are set on the
 * process instance for Tasklist's filters to show beside each task (TasklistFilters).
 */
@Component
public class TaskNames implements TaskListener {

    /** The engine's column for a task's name (ACT_RU_TASK.NAME_, ACT_HI_TASKINST.NAME_). */
    static final int MAX_NAME = 255;

    private final AssessmentRecords assessments;

    public TaskNames(AssessmentRecords assessments) {
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getProcessInstanceId() == null) {
            return; // a task created on its own (Tasklist's "Create task") belongs to no assessment
        }
        assessments.findByProcessInstance(task.getProcessInstanceId()).ifPresent(assessment -> {
            String step = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
            task.setName(name(assessment, step));
            // Once per assessment (and per round), on the process instance, where Tasklist's lists find them for
            // each of its tasks; not on every task, which cost three rows written and deleted per task.
            DelegateExecution instance = task.getExecution().getProcessInstance();
            setWhereChanged(instance, TASK_REFERENCE, assessment.reference());
            setWhereChanged(instance, TASK_PRODUCT, assessment.product().name());
            setWhereChanged(instance, TASK_ROUND, assessment.currentRound());
        });
    }

    private static <T> void setWhereChanged(DelegateExecution instance, ProcessVariable<T> variable, T value) {
        if (!variable.find(instance).filter(value::equals).isPresent()) {
            variable.set(instance, value);
        }
    }

    /**
     * Reference, product, company, then the step. When all of it would not fit the engine's column, product and
     * company are shortened (ending in "…"), the company to at most half the room left; reference and step are kept.
     */
    static String name(Assessment assessment, String step) {
        String product = assessment.product().name();
        String company = assessment.product().manufacturer();
        int room = MAX_NAME - assessment.reference().length() - step.length() - " ".length() - " (): ".length();
        if (product.length() + company.length() > room) {
            product = shorten(product, room - Math.min(company.length(), room / 2));
            company = shorten(company, room - product.length());
        }
        return assessment.reference() + " " + product + " (" + company + "): " + step;
    }

    private static String shorten(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        return length <= 0 ? "" : text.substring(0, length - 1) + "…";
    }
}
