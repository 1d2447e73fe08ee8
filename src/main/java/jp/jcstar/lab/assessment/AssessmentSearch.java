package jp.jcstar.lab.assessment;

import java.util.List;

/**
 * What a list of assessments asks for: a part of the reference, the product name or the manufacturer (any case), and
 * a status; either may be absent.
 */
public record AssessmentSearch(String text, AssessmentStatus status) {

    public static final AssessmentSearch ALL = new AssessmentSearch(null, null);

    public AssessmentSearch {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** One page of the matching assessments, newest first, and how many match in all. */
    public record Page(List<Assessment> items, long total) {
    }
}
