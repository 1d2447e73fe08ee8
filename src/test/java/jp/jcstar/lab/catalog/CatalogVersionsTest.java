package jp.jcstar.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every catalog version the migrations seed, read through the app's repository. No Spring context. */
class CatalogVersionsTest {

    private static JdbcClient jdbc;
    private static CatalogRepository catalogs;

    @BeforeAll
    static void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:catalog-versions;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        catalogs = new CatalogRepository(jdbc);
    }

    private static List<Catalog> everyVersion() {
        return jdbc.sql("select version from catalog_version order by published_on").query(String.class).list()
                .stream().map(catalogs::version).toList();
    }

    @Test
    void everyItemOfEveryVersionHasBothTitlesAndEveryVersionAfterTheFirstBothRequirements() {
        assertThat(everyVersion()).extracting(Catalog::version).containsExactly("1", "2");
        for (Catalog catalog : everyVersion()) {
            assertThat(catalog.items()).as("version %s", catalog.version()).hasSize(23).allSatisfy(item -> {
                assertThat(item.titleJa()).as(item.id()).isNotBlank();
                assertThat(item.titleEn()).as(item.id()).isNotBlank();
                assertThat(item.requirementEn()).as(item.id()).isNotBlank();
                // Version 1 predates the Japanese requirement; every later version has both languages.
                if (!catalog.version().equals("1")) {
                    assertThat(item.requirementJa()).as(item.id()).isNotBlank();
                }
            });
        }
    }

    @Test
    void version2KeepsTheItemsOfVersion1AndAddsTheJapaneseRequirement() {
        Catalog first = catalogs.version("1");
        Catalog second = catalogs.version("2");
        assertThat(second.items()).extracting(CheckItem::id, CheckItem::step, CheckItem::titleEn, CheckItem::requirementEn)
                .containsExactlyElementsOf(first.items().stream()
                        .map(item -> tuple(item.id(), item.step(), item.titleEn(),
                                item.requirementEn())).toList());
        assertThat(first.items()).allSatisfy(item -> assertThat(item.requirementJa()).isNull());
        assertThat(catalogs.current().version()).isEqualTo("2");

        assertThat(second.get("DEV-03").title())
                .isEqualTo("UART・Telnet・エンジニアリングモードが露出していないこと / No exposed UART, Telnet or engineering mode");
        assertThat(second.get("APP-03").title()).startsWith("プロビジョニングが平文でなく中間者攻撃に耐えること / ");
        assertThat(first.get("DEV-03").titleJa()).isEqualTo("UART・Telnet・エンジニアリングモードの非公開");
    }

    @Test
    void theShownRequirementIsJapaneseThenEnglishOrTheEnglishAloneInVersion1() {
        CheckItem bilingual = catalogs.version("2").get("CLD-04");
        assertThat(bilingual.requirement()).isEqualTo("""
                TLS 1.2以降と強固な暗号スイートのみを使用すること。証明書は有効で、監視され、有効期限が切れる前に更新されること。
                Only TLS 1.2 or later with strong cipher suites; certificates are valid, monitored and rotated before expiry.""");
        CheckItem english = catalogs.version("1").get("CLD-04");
        assertThat(english.requirement())
                .isEqualTo("Only TLS 1.2 or later with strong cipher suites; certificates are valid, monitored and rotated before expiry.");
    }

    @Test
    void theCatalogApiGivesBothRequirementsAndTheShownText() {
        JsonNode item = new ObjectMapper().valueToTree(catalogs.version("2")).path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("DOC-01");
        assertThat(item.path("requirementJa").asText()).startsWith("すべての機器・アプリ・クラウドの構成要素");
        assertThat(item.path("requirementEn").asText()).startsWith("Supply an architecture diagram");
        assertThat(item.path("requirement").asText())
                .isEqualTo(item.path("requirementJa").asText() + "\n" + item.path("requirementEn").asText());
    }
}
