package jp.jcstar.lab.assessment;

import java.util.Set;

/**
 * Which DOC items of an assessment have a document from the manufacturer: the documentation review may PASS only
 * those, and the manufacturer's supply step is complete only when the others are explained. The documents feature
 * answers it.
 */
public interface SuppliedDocuments {

    Set<String> itemsWithDocument(long assessmentId);
}
