package jp.jcstar.lab.requirements;

import java.time.OffsetDateTime;
import java.util.List;

/** A version of a STAR level's requirement list: where it came from, who loaded it and when. */
public record RequirementList(long id, String level, int version, String source, String sha256, String loadedBy,
                              OffsetDateTime loadedAt, List<Requirement> requirements) {

    public RequirementList {
        requirements = List.copyOf(requirements);
    }
}
