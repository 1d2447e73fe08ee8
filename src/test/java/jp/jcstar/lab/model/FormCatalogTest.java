package jp.jcstar.lab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jp.jcstar.lab.assessment.StarLevel;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.processadmin.DeploymentGuard;
import jp.jcstar.lab.processadmin.ModelCheck;
import jp.jcstar.lab.processadmin.ModelProblem;
import jp.jcstar.lab.processadmin.ModelRejectedException;
import jp.jcstar.lab.processadmin.ProcessModelValidator;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The forms show the wording of the catalog version they serve and the STAR levels the app accepts, or their
 * deployment is refused (FormContent, run by the same validator as every deployment). No Spring context, no engine.
 */
class FormCatalogTest {

    static final String APP_04_TITLE_JA = "シリアル番号やQRコードだけでは機器の所有者になれないこと";
    static final String APP_04_TITLE_EN = "Device cannot be claimed with only its serial number or QR code";

    private static Catalog catalog;

    @BeforeAll
    static void readTheCatalogOfTheMigrations() {
        catalog = ModelCheck.catalogOfMigrations();
    }

    @Test
    void theRepositorysFormsShowTheCurrentCatalogAndEveryStarLevel() throws IOException {
        assertThat(catalog.version()).isEqualTo("2");
        assertThat(problemsOfForms(catalog, UnaryOperator.identity())).isEmpty();
    }

    @Test
    void aCatalogVersionThatRewordsAnItemsTitleRefusesEveryFormStillShowingTheOldTitle() throws IOException {
        Catalog reworded = withItem(catalog, "APP-04", item -> new CheckItem(item.id(), item.step(), APP_04_TITLE_JA,
                APP_04_TITLE_EN, item.requirementJa(), item.requirementEn()));
        String expected = "APP-04 " + APP_04_TITLE_JA + " / " + APP_04_TITLE_EN;

        List<ModelProblem> problems = problemsOfForms(reworded, UnaryOperator.identity());

        assertThat(problems).extracting(ModelProblem::resource, ModelProblem::element).containsExactlyInAnyOrder(
                tuple("forms/judge-change.form", "touches_APP_04"),
                tuple("forms/retest-items.form", "verdict_APP_04"),
                tuple("forms/submit-rectification.form", "response_APP_04"),
                tuple("forms/test-app.form", "verdict_APP_04"));
        assertThat(problems).filteredOn(problem -> problem.element().equals("verdict_APP_04")).allSatisfy(problem ->
                assertThat(problem.problem()).isEqualTo("ラベルがカタログ（版 3）の APP-04 と異なります。「" + expected
                        + "」にしてください（現在は「" + catalog.get("APP-04").id() + " " + catalog.get("APP-04").title()
                        + "」）。 / the label does not match APP-04 in catalog version 3: it must read \"" + expected
                        + "\" (it reads \"APP-04 " + catalog.get("APP-04").title() + "\")."));
        assertThat(problems).filteredOn(problem -> problem.element().equals("response_APP_04"))
                .singleElement().extracting(ModelProblem::problem).asString()
                .contains("「" + expected + " への回答 / Response」にしてください", "must read \"" + expected + " への回答 / Response\"");
    }

    @Test
    void aRequirementReworkedInOneLanguageOnlyRefusesTheDescriptionOfEveryVerdictField() throws IOException {
        String requirementEn = "Binding requires proof of physical possession and the owner's consent.";
        Catalog reworded = withItem(catalog, "APP-04", item -> new CheckItem(item.id(), item.step(), item.titleJa(),
                item.titleEn(), item.requirementJa(), requirementEn));

        List<ModelProblem> problems = problemsOfForms(reworded, UnaryOperator.identity());

        assertThat(problems).extracting(ModelProblem::resource, ModelProblem::element).containsExactlyInAnyOrder(
                tuple("forms/retest-items.form", "verdict_APP_04"),
                tuple("forms/test-app.form", "verdict_APP_04"));
        assertThat(problems).allSatisfy(problem ->
                assertThat(problem.problem()).startsWith("説明がカタログ（版 3）の APP-04 と異なります。「"
                                + catalog.get("APP-04").requirementJa() + " / " + requirementEn + "」にしてください")
                        .contains("the description does not match APP-04 in catalog version 3: it must read \""
                                + catalog.get("APP-04").requirementJa() + " / " + requirementEn + "\""));
    }

    @Test
    void aFieldThatNamesAnItemButNotByItsKeyOrAnItemTheCatalogLacksIsRefused() throws IOException {
        String cld05 = "CLD-05 " + catalog.get("CLD-05").title();
        List<ModelProblem> problems = problemsOfForms(catalog, form -> form
                .replace("\"verdict_CLD_05\"", "\"verdict_CLD_5\"")
                .replace("\"label\": \"CLD-04 所見 / Observation\"", "\"label\": \"CLD-09 所見 / Observation\""));

        assertThat(problems).extracting(ModelProblem::resource, ModelProblem::element, ModelProblem::problem).contains(
                tuple("forms/test-cloud.form", "verdict_CLD_5", "ラベル「" + cld05
                        + "」は CLD-05 を示していますが、キーが CLD-05 の項目（verdict_CLD_05, observation_CLD_05, "
                        + "response_CLD_05, touches_CLD_05）のいずれでもありません。キーを直してください。 / the label \""
                        + cld05 + "\" names CLD-05 but the key is none of its fields "
                        + "(verdict_CLD_05, observation_CLD_05, response_CLD_05, touches_CLD_05); correct the key."),
                tuple("forms/test-cloud.form", "observation_CLD_04", "ラベルがカタログ（版 2）の CLD-04 と異なります。"
                        + "「CLD-04 所見 / Observation」にしてください（現在は「CLD-09 所見 / Observation」）。 / the label "
                        + "does not match CLD-04 in catalog version 2: it must read \"CLD-04 所見 / Observation\" (it reads "
                        + "\"CLD-09 所見 / Observation\")."));
    }

    @Test
    void anItemTheCatalogDropsIsRefusedInEveryFormThatStillShowsIt() throws IOException {
        Catalog withoutCld05 = new Catalog("3", catalog.items().stream()
                .filter(item -> !item.id().equals("CLD-05")).toList());
        String label = "CLD-05 " + catalog.get("CLD-05").title();

        List<ModelProblem> problems = problemsOfForms(withoutCld05, UnaryOperator.identity());

        assertThat(problems).extracting(ModelProblem::resource, ModelProblem::element).containsExactlyInAnyOrder(
                tuple("forms/judge-change.form", "touches_CLD_05"),
                tuple("forms/retest-items.form", "verdict_CLD_05"),
                tuple("forms/retest-items.form", "observation_CLD_05"),
                tuple("forms/submit-rectification.form", "response_CLD_05"),
                tuple("forms/test-cloud.form", "verdict_CLD_05"),
                tuple("forms/test-cloud.form", "observation_CLD_05"));
        assertThat(problems).filteredOn(problem -> problem.resource().equals("forms/test-cloud.form")
                        && problem.element().equals("verdict_CLD_05"))
                .singleElement().extracting(ModelProblem::problem).isEqualTo("ラベル「" + label + "」の項目 CLD-05 は"
                        + "カタログ（版 3）にありません。この項目を削除してください。 / the label \"" + label + "\" names item "
                        + "CLD-05, which catalog version 3 does not have; remove the field.");
    }

    @Test
    void aStarLevelTheStartFormDoesNotOfferIsRefused() throws IOException {
        assertThat(StarLevel.labels()).containsExactly("STAR-1", "STAR-2", "STAR-3", "STAR-4");
        List<ModelProblem> problems = problemsOfForms(catalog, form -> form.replace(
                ",\n        {\n          \"label\": \"STAR-4\",\n          \"value\": \"STAR-4\"\n        }", ""));

        assertThat(problems).extracting(ModelProblem::resource, ModelProblem::element, ModelProblem::problem)
                .containsExactly(tuple("forms/application.form", "starLevel",
                        "対象レベルの選択肢は、アプリが受け付けるレベル「STAR-1, STAR-2, STAR-3, STAR-4」（値と表示が同じ）に"
                                + "してください（現在は「STAR-1, STAR-2, STAR-3」）。 / the STAR level options must be the "
                                + "levels the app accepts, each as value and label: STAR-1, STAR-2, STAR-3, STAR-4 (they "
                                + "are STAR-1, STAR-2, STAR-3)."));
    }

    @Test
    void aStartFormThatDoesNotAskForTheStarLevelIsRefused(@TempDir Path copy) throws IOException {
        Path bpmn = Files.createDirectories(copy.resolve("bpmn"));
        Path forms = Files.createDirectories(copy.resolve("forms"));
        Files.copy(Path.of("bpmn/jcstar-assessment.bpmn"), bpmn.resolve("jcstar-assessment.bpmn"));
        for (Path form : formFiles()) {
            Files.writeString(forms.resolve(form.getFileName()), Files.readString(form)
                    .replace("\"key\": \"starLevel\"", "\"key\": \"level\""));
        }

        assertThat(ModelCheck.check(bpmn, forms)).extracting(ModelProblem::element, ModelProblem::problem).containsExactly(
                tuple("startEvent_applicationReceived", "開始フォーム 'form_application' に対象レベルの選択欄（キー starLevel）"
                        + "がありません。 / start form 'form_application' does not ask for the STAR level (a field with the "
                        + "key starLevel)."));
    }

    /** The deployment itself: the same form passes while the catalog matches and is refused once a new version rewords it. */
    @Test
    void aDeploymentOfAFormThatANewCatalogVersionMadeStaleIsRefusedNamingFileFieldAndExpectedText() throws IOException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:form-catalog;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("catalogRepository", new CatalogRepository(jdbc));
        context.refresh();
        DeploymentGuard guard = new DeploymentGuard(context);

        guard.deploy(deploymentOf("test-app.form"));

        jdbc.sql("insert into catalog_version (version, title, published_on) values ('3', 'APP-04 reworded', current_date)")
                .update();
        jdbc.sql("""
                insert into catalog_item (catalog_version, item_id, step, sort_order, title_ja, title_en, requirement_ja,
                                          requirement)
                select '3', item_id, step, sort_order,
                       case when item_id = 'APP-04' then ? else title_ja end,
                       case when item_id = 'APP-04' then ? else title_en end, requirement_ja, requirement
                from catalog_item where catalog_version = '2'""").params(APP_04_TITLE_JA, APP_04_TITLE_EN).update();

        assertThatThrownBy(() -> guard.deploy(deploymentOf("test-app.form")))
                .isInstanceOf(ModelRejectedException.class)
                .hasMessageStartingWith("Deployment refused: 1 problem(s): test-app.form [verdict_APP_04]: ")
                .hasMessageContaining("「APP-04 " + APP_04_TITLE_JA + " / " + APP_04_TITLE_EN + "」にしてください")
                .hasMessageContaining("it must read \"APP-04 " + APP_04_TITLE_JA + " / " + APP_04_TITLE_EN + "\"");
    }

    /** The problems the validator finds in the repository's forms, each changed by {@code change}, against a catalog. */
    private static List<ModelProblem> problemsOfForms(Catalog against, UnaryOperator<String> change) throws IOException {
        ProcessModelValidator validator = new ProcessModelValidator(against, bean -> true, Roles.WORKFLOW_GROUPS);
        List<ModelProblem> problems = new ArrayList<>();
        for (Path form : formFiles()) {
            problems.addAll(validator.checkForm(form.toString(),
                    change.apply(Files.readString(form)).getBytes(StandardCharsets.UTF_8)).problems());
        }
        return problems;
    }

    private static List<Path> formFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(path -> path.toString().endsWith(".form")).sorted().toList();
        }
    }

    /** The catalog as its next version (version + 1) with one item changed. */
    private static Catalog withItem(Catalog catalog, String itemId, UnaryOperator<CheckItem> change) {
        return new Catalog(String.valueOf(Integer.parseInt(catalog.version()) + 1), catalog.items().stream()
                .map(item -> item.id().equals(itemId) ? change.apply(item) : item).toList());
    }

    private static DeploymentEntity deploymentOf(String formFile) throws IOException {
        ResourceEntity resource = new ResourceEntity();
        resource.setName(formFile);
        resource.setBytes(Files.readAllBytes(Path.of("forms", formFile)));
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setNew(true);
        deployment.addResource(resource);
        return deployment;
    }
}
