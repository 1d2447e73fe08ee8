package jp.jcstar.lab.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of documents and evidence are kept, by a key the document row holds. The database
 * ({@link DatabaseContentStore}) is the default; a file-system or S3-compatible store replaces it by being a bean of
 * this type selected with {@code jcstar.documents.store}. A store writes a key once and never changes it; the
 * integrity check on every read is the caller's ({@link DocumentService}).
 */
public interface DocumentContentStore {

    /**
     * Stores the content under a new key. A store that cannot join the caller's database transaction must make the
     * content appear whole or not at all (write, then rename), and may leave unreferenced content behind when the
     * transaction rolls back.
     */
    void write(String key, InputStream content) throws IOException;

    /** The content stored under the key; an empty stream if nothing is stored under it. */
    InputStream read(String key) throws IOException;
}
