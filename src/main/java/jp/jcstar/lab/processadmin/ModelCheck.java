package jp.jcstar.lab.processadmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deployment checks as a command, for a process administrator before deploying:
 * {@code mvn -q compile exec:java@check-models} (checks bpmn/ and forms/), or with other folders as arguments.
 * Uses the catalog of the app's migrations and the beans the app's code defines; exits 1 when anything is wrong.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path bpmn = Path.of(args.length > 0 ? args[0] : "bpmn");
        Path forms = Path.of(args.length > 1 ? args[1] : "forms");
        List<ModelProblem> problems = check(bpmn, forms);
        problems.forEach(problem -> System.out.println("PROBLEM " + problem));
        System.out.println(problems.isEmpty()
                ? "OK: every model in " + bpmn + " and form in " + forms + " passes the deployment checks"
                : problems.size() + " problem(s): a deployment of these files would be refused");
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    /** Checks the files as one deployment would hold them. */
    public static List<ModelProblem> check(Path bpmnFolder, Path formsFolder) throws IOException {
        ProcessModelValidator validator = new ProcessModelValidator(catalogOfMigrations(), componentBeanNames()::contains,
                Roles.WORKFLOW_GROUPS);
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path form : files(formsFolder, ".form")) {
            ProcessModelValidator.FormCheck check = validator.checkForm(form.toString(), Files.readAllBytes(form));
            problems.addAll(check.problems());
            if (check.schema() != null) {
                forms.put(check.schema().path("id").asText(), check.schema());
            }
        }
        for (Path model : files(bpmnFolder, ".bpmn")) {
            try {
                problems.addAll(validator.checkModel(model.toString(), Bpmn.readModelFromFile(model.toFile()), forms,
                        formId -> false));
            } catch (ModelException e) {
                problems.add(new ModelProblem(model.toString(), null, "not a valid BPMN file: " + e.getMessage()));
            }
        }
        return problems;
    }

    /** The current catalog, as the migrations in this build define it. */
    public static Catalog catalogOfMigrations() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:model-check;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new CatalogRepository(JdbcClient.create(dataSource)).current();
    }

    /** The names of the Spring beans the app's own classes define (delegates, listeners, services). */
    public static Set<String> componentBeanNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        return scanner.findCandidateComponents("jp.jcstar.lab").stream()
                .map(definition -> names.generateBeanName(definition, registry)).collect(Collectors.toSet());
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
