package jp.jcstar.lab.assessment;

import java.util.Map;

/**
 * What a manufacturer submits after an issue list: the fixed versions (blank keeps the previous one), the documents
 * it changed, and a response per finding keyed by item ID.
 */
public record Rectification(Versions versions, String changedDocuments, Map<String, String> responses) {
}
