package jp.jcstar.lab.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.jcstar.lab.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the versioned catalog seeded by the Flyway migrations. */
@Repository
public class CatalogRepository {

    private final JdbcClient jdbc;
    /** A published version never changes (a new wording is a new version), so each is read once. */
    private final Map<String, Catalog> versions = new ConcurrentHashMap<>();

    public CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest published catalog: what a new assessment starts with. */
    public Catalog current() {
        String version = jdbc.sql("""
                        select version from catalog_version where published_on <= current_date
                        order by published_on desc, version desc""")
                .query(String.class).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No catalog version is published; the migrations did not run"));
        return version(version);
    }

    public Catalog version(String version) {
        Catalog known = versions.get(version);
        if (known != null) {
            return known;
        }
        Catalog read = read(version);
        versions.putIfAbsent(version, read);
        return read;
    }

    private Catalog read(String version) {
        List<CheckItem> items = jdbc.sql("""
                        select item_id, step, title_ja, title_en, requirement_ja, requirement from catalog_item
                        where catalog_version = ? order by sort_order""")
                .param(version)
                .query((rs, row) -> new CheckItem(rs.getString("item_id"), Step.valueOf(rs.getString("step")),
                        rs.getString("title_ja"), rs.getString("title_en"), rs.getString("requirement_ja"),
                        rs.getString("requirement")))
                .list();
        if (items.isEmpty()) {
            throw new NotFoundException("Catalog version " + version + " does not exist");
        }
        return new Catalog(version, items);
    }
}
