package jp.jcstar.lab.processadmin;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For process administrators (group camunda-admin, enforced in SecurityConfig). */
@RestController
@RequestMapping("/api/admin/process-versions")
public class ProcessVersionController {

    private final ProcessVersionService versions;

    public ProcessVersionController(ProcessVersionService versions) {
        this.versions = versions;
    }

    @GetMapping
    public List<Map<String, Object>> versions() {
        return versions.versions();
    }

    /**
     * Body (all optional): {@code {"targetVersion": 2, "dryRun": true, "assessmentIds": [1, 2]}}. A dry run is the
     * default: set {@code "dryRun": false} to move the assessments for real.
     */
    @PostMapping("/migrate")
    public Map<String, Object> migrate(@RequestBody(required = false) MigrationRequest request) {
        MigrationRequest asked = request == null ? new MigrationRequest(null, null, null) : request;
        boolean dryRun = asked.dryRun() == null || asked.dryRun();
        List<MigrationOutcome> outcomes = versions.migrate(asked.targetVersion(), dryRun, asked.assessmentIds());
        return Map.of("dryRun", dryRun, "assessments", outcomes);
    }

    public record MigrationRequest(Integer targetVersion, Boolean dryRun, List<Long> assessmentIds) {
    }
}
