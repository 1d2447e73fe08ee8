package jp.jcstar.lab.assessment;

import static jp.jcstar.lab.assessment.AssessmentElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jp.jcstar.lab.assessment.process.AssessmentProcess;
import jp.jcstar.lab.assessment.process.AssessmentVariables;
import jp.jcstar.lab.company.AccountService;
import jp.jcstar.lab.documents.DocumentService;
import jp.jcstar.lab.security.LabUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.ByteArrayResource;

/**
 * Drives process_jcstarAssessment through the engine API as the people of the lab would: each step as a named user
 * of a group, so that the listeners see who acted.
 */
public class AssessmentScenario {

    public static final String MANUFACTURER = "maker";
    public static final String ENGINEER = "eng1";
    public static final String SECOND_ENGINEER = "eng2";
    public static final String REVIEWER = "rev1";
    public static final String LAB_MANAGER = "boss";
    /** The manufacturer company of the scenarios; {@link #registerCompany} makes it a tenant. */
    public static final String COMPANY = "sample-denki";

    private final ProcessEngine engine;
    private final DocumentService documents;

    public AssessmentScenario(ProcessEngine engine, DocumentService documents) {
        this.engine = engine;
        this.documents = documents;
    }

    public static Application application(ProductComponent... scope) {
        return new Application(new Product("株式会社サンプル電機", "スマートロック X1", "SL-X1, SL-X1P", StarLevel.STAR_1,
                Set.of(scope)), new Versions("1.0.0", "2.3.0", "2025.03"));
    }

    /** The manufacturer applies and supplies the seven documents: the documentation review is open. */
    public ProcessInstance apply(Application application) {
        ProcessInstance instance = applyOnly(application);
        uploadDocuments(instance, "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-06", "DOC-07");
        complete(instance, USER_TASK_SUPPLY_DOCUMENTS, MANUFACTURER, "manufacturers",
                Map.of(AssessmentVariables.DOCUMENTS_SUPPLIED.name(), "All seven documents, version 1"));
        return instance;
    }

    /** The manufacturer applies; the process waits for its documents. */
    public ProcessInstance applyOnly(Application application) {
        return as(MANUFACTURER, "manufacturers", () -> engine.getRuntimeService()
                .startProcessInstanceByKey(AssessmentProcess.PROCESS_KEY, AssessmentVariables.startVariables(application)));
    }

    /** The manufacturer uploads a small PDF for each of these DOC items. */
    public void uploadDocuments(ProcessInstance instance, String... itemIds) {
        long assessmentId = (Long) engine.getRuntimeService().getVariable(instance.getId(), AssessmentVariables.ASSESSMENT_ID.name());
        LabUser maker = new LabUser(MANUFACTURER, Set.of("manufacturers"), Set.of(COMPANY));
        for (String itemId : itemIds) {
            byte[] pdf = ("%PDF-1.4\n% " + itemId + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            as(MANUFACTURER, "manufacturers", () -> documents.upload(assessmentId, maker, new DocumentService.Upload(
                    null, itemId, itemId + ".pdf", "application/pdf", new ByteArrayResource(pdf))));
        }
    }

    public Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        assertThat(tasks).as("open tasks %s", taskKey).hasSize(1);
        return tasks.get(0);
    }

    /** Completes the one open task with this key as the given user. */
    public void complete(ProcessInstance instance, String taskKey, String user, String group, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        as(user, group, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    public void claim(ProcessInstance instance, String taskKey, String user) {
        engine.getTaskService().claim(task(instance, taskKey).getId(), user);
    }

    /** Runs the asynchronous continuations that are due (report generation), as the job executor would. */
    public void executeDueJobs(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .executable().messages().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    /** Registers the scenarios' company once per engine, through the app's registration. */
    public static void registerCompany(AccountService accounts) {
        if (accounts.companies().stream().noneMatch(company -> company.id().equals(COMPANY))) {
            accounts.registerCompany(COMPANY, "株式会社サンプル電機", "test");
        }
    }

    /**
     * Registers the manufacturer's user and the lab manager of the scenarios as people with e-mail addresses, once
     * per engine: the mails the process writes go to them.
     */
    public static void registerPeople(AccountService accounts, IdentityService identity) {
        if (identity.createUserQuery().userId(MANUFACTURER).count() == 0) {
            accounts.registerManufacturerUser(COMPANY, new AccountService.Person(MANUFACTURER, "Taro", "Maker",
                    MANUFACTURER + "@maker.example", "process-scenario-passphrase-2026"), "test");
        }
        if (identity.createUserQuery().userId(LAB_MANAGER).count() == 0) {
            accounts.registerStaff(new AccountService.Person(LAB_MANAGER, "Hanako", "Boss", LAB_MANAGER + "@lab.example",
                    "process-scenario-passphrase-2026"), AccountService.StaffRole.LAB_MANAGER, "test");
        }
    }

    /** Acts as a user of one group; the company's staff and users are members of its tenant. */
    private <T> T as(String user, String group, Supplier<T> action) {
        engine.getIdentityService().setAuthentication(user, List.of(group), List.of(COMPANY));
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
