package jp.jcstar.lab.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the content in the app's database (table document_content, H2 and PostgreSQL alike), in chunks of
 * {@link #CHUNK} bytes, so that neither writing nor reading holds a whole file in memory. The chunks are written in
 * the caller's transaction, with the document row.
 */
@Component
@ConditionalOnProperty(name = "jcstar.documents.store", havingValue = "database", matchIfMissing = true)
public class DatabaseContentStore implements DocumentContentStore {

    static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;

    public DatabaseContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        int chunkNo = 0;
        for (byte[] chunk; (chunk = content.readNBytes(CHUNK)).length > 0; chunkNo++) {
            jdbc.sql("insert into document_content (storage_key, chunk_no, bytes) values (?, ?, ?)")
                    .params(key, chunkNo, chunk).update();
        }
    }

    @Override
    public InputStream read(String key) {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;
            private int nextChunk;
            private boolean ended;

            @Override
            public int read() throws IOException {
                return fill() ? chunk[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, target, offset, count);
                position += count;
                return count;
            }

            /** Loads the next chunk once the current one is read; false at the end. */
            private boolean fill() {
                while (!ended && position == chunk.length) {
                    Optional<byte[]> next = jdbc.sql("select bytes from document_content where storage_key = ? and chunk_no = ?")
                            .params(key, nextChunk++).query(byte[].class).optional();
                    ended = next.isEmpty();
                    chunk = next.orElse(new byte[0]);
                    position = 0;
                }
                return !ended || position < chunk.length;
            }
        };
    }
}
