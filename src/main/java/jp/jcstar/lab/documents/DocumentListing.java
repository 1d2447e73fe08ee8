package jp.jcstar.lab.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.Assessment;

/** An assessment with every file it holds, in the order they arrived. */
public record DocumentListing(Assessment assessment, List<StoredDocument> files) {

    /** The latest document of each DOC item that has one; the DOC items not in it are missing. */
    public Map<String, StoredDocument> latestDocuments() {
        Map<String, StoredDocument> latest = new LinkedHashMap<>();
        files.stream().filter(file -> file.kind() == DocumentKind.DOCUMENT).forEach(file -> latest.put(file.itemId(), file));
        return latest;
    }
}
