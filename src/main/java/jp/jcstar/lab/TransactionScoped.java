package jp.jcstar.lab;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current database transaction has read, kept for the rest of that transaction: a task completion's
 * listeners, delegates and use cases read the same rows many times, and read them from the database once. Each
 * transaction has its own (its connection holder tells it apart, also after a transaction suspended another); outside
 * a transaction nothing is kept. A repository that keeps rows here forgets them when it changes them.
 */
public final class TransactionScoped<K, V> {

    private final DataSource dataSource;
    private final ThreadLocal<Read<K, V>> read = new ThreadLocal<>();

    public TransactionScoped(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The current transaction's reads; outside a transaction an empty map that nobody else sees. */
    public Map<K, V> reads() {
        Object transaction = TransactionSynchronizationManager.isActualTransactionActive()
                ? TransactionSynchronizationManager.getResource(dataSource) : null;
        if (transaction == null) {
            return new HashMap<>();
        }
        Read<K, V> current = read.get();
        if (current == null || current.transaction() != transaction) {
            current = new Read<>(transaction, new HashMap<>());
            read.set(current);
        }
        return current.values();
    }

    private record Read<K, V>(Object transaction, Map<K, V> values) {
    }
}
