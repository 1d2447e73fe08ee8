package jp.jcstar.lab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The walls of the house (docs/adr/0010-one-way-packages.md), checked on every build: packages depend one way, the
 * layers below know nothing of those above. The app's own classes only, not the tests.
 */
@AnalyzeClasses(packages = "jp.jcstar.lab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String APP = "jp.jcstar.lab";
    static final String KERNEL = "jp.jcstar.lab";
    static final String PROBLEM = "jp.jcstar.lab.problem..";
    static final String ENGINE = "jp.jcstar.lab.engine..";
    static final String SECURITY = "jp.jcstar.lab.security..";
    static final String WEB = "jp.jcstar.lab.web..";
    static final String[] FEATURES = {"jp.jcstar.lab.assessment..", "jp.jcstar.lab.catalog..", "jp.jcstar.lab.company..",
            "jp.jcstar.lab.dashboard..", "jp.jcstar.lab.documents..", "jp.jcstar.lab.findings..", "jp.jcstar.lab.notifications..",
            "jp.jcstar.lab.processadmin..", "jp.jcstar.lab.reports..", "jp.jcstar.lab.requirements.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("jp.jcstar.lab.(**)").should().beFreeOfCycles()
            .because("a package cycle means no part of the house can be changed or understood alone");

    @ArchTest
    static final ArchRule theKernelDependsOnNothingOfTheApp = noClasses().that().resideInAPackage(KERNEL)
            .should().dependOnClassesThat().resideInAPackage("jp.jcstar.lab.*..")
            .because("the root package holds what every feature may use (clock, hashes, bilingual text, settings)");

    @ArchTest
    static final ArchRule problemsAreNeutral = noClasses().that().resideInAPackage(PROBLEM)
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE, SECURITY, WEB)
            .orShould().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("the app's exceptions are thrown by domain code and mapped by web code, and belong to neither");

    @ArchTest
    static final ArchRule theEngineSupportKnowsNoFeature = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(SECURITY, WEB)
            .orShould().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("typed variables, forms and submissions serve every process alike");

    @ArchTest
    static final ArchRule securityKnowsNoWorkflow = noClasses().that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAPackage(WEB)
            .because("the workflow registers what security needs (WorkflowAccess, the company variable), "
                    + "not the other way");

    @ArchTest
    static final ArchRule webSupportKnowsNoFeature = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("the shared web support maps refusals and builds pages for every feature alike");

    static final String[] USE_CASES = {"jp.jcstar.lab.assessment.application..", "jp.jcstar.lab.assessment.testing..",
            "jp.jcstar.lab.assessment.documentation..", "jp.jcstar.lab.assessment.evaluation..",
            "jp.jcstar.lab.assessment.rectification..", "jp.jcstar.lab.assessment.review..",
            "jp.jcstar.lab.assessment.decision..", "jp.jcstar.lab.assessment.change..", "jp.jcstar.lab.findings.."};
    static final String[] ADAPTERS = {"jp.jcstar.lab.assessment.process..", "jp.jcstar.lab.assessment.web..",
            "jp.jcstar.lab.assessment.overview..", WEB};

    @ArchTest
    static final ArchRule useCasesKnowNoAdapterAndNoEngine = noClasses().that().resideInAnyPackage(USE_CASES)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.springframework.web..",
                    "jakarta.servlet..")
            .because("a use case is called by a delegate, a listener or a controller and works the same for each");

    @ArchTest
    static final ArchRule theAssessmentDomainKnowsNoUseCase = noClasses().that()
            .resideInAnyPackage("jp.jcstar.lab.assessment", "jp.jcstar.lab.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage(USE_CASES)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("the domain is what the use cases work on; it does not call them");

    @ArchTest
    static final ArchRule delegatesAndListenersAreThin = noClasses()
            .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("a delegate reads its input, calls a use case and writes its output; the tables are the use "
                    + "case's business");

    @ArchTest
    static final ArchRule delegatesAndListenersLiveWithTheProcess = classes()
            .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
            .should().resideInAnyPackage("jp.jcstar.lab.assessment.process..", "jp.jcstar.lab.assessment.overview..",
                    "jp.jcstar.lab.processadmin..")
            .because("the process's adapters sit beside the model they serve");

    @ArchTest
    static final ArchRule noClassTakesTheNameOfASpringStereotype = classes().that().resideInAPackage(APP + "..")
            .should().notHaveSimpleName("Component").andShould().notHaveSimpleName("Service")
            .andShould().notHaveSimpleName("Repository").andShould().notHaveSimpleName("Controller")
            .because("a class named like Spring's annotations forces fully qualified names beside it");
}
