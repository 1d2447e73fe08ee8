package jp.jcstar.lab.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
public class CatalogController {

    private final CatalogRepository catalogs;

    public CatalogController(CatalogRepository catalogs) {
        this.catalogs = catalogs;
    }

    /** The current catalog, or the version asked for. */
    @GetMapping
    public Catalog catalog(@RequestParam(required = false) String version) {
        return version == null ? catalogs.current() : catalogs.version(version);
    }
}
