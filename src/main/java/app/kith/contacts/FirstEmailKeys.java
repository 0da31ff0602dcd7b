package app.kith.contacts;

import app.kith.store.Database;
import app.kith.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Which contact a first e-mail key ({@code contact.email_key}) may belong to, held in memory for an
 * embedded H2 database (decision record 018). On H2 that column has no index: the index cost a
 * third of an import's insert time. Its two jobs are done here instead:
 *
 * <ul>
 *   <li><b>Lookup.</b> Every key is read once, when first asked for, and every contact Kith writes
 *       after that is added ({@link #add}). The ids found are candidates, compared by their real keys
 *       before use: an id of a rolled-back insert or of a hash that only collides costs one row read.
 *   <li><b>No doubles.</b> Transactions that may create contacts by address run one at a time
 *       ({@link #inCreatingTransaction}). An embedded H2 database belongs to one process (its file is
 *       locked; {@code Database.open} refuses an H2 server), so a lock in this process guards it, as
 *       the unique index guards PostgreSQL, which keeps it.
 * </ul>
 *
 * <p>One instance per open H2 database (H2's own object is the key), so that a database closed and
 * opened again, perhaps written by another process in between, is read afresh.
 */
public final class FirstEmailKeys {
  private static final Map<Object, FirstEmailKeys> OPEN = Collections.synchronizedMap(new WeakHashMap<>());

  private final StoredKeys.Table keys = new StoredKeys.Table();
  private final ReentrantLock creating = new ReentrantLock(true);
  private boolean loaded;

  private FirstEmailKeys() {}

  /** The keys of the embedded H2 database the connection is to; null for any other, whose index serves. */
  static FirstEmailKeys of(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
      return null;
    }
    return OPEN.computeIfAbsent(local.getDatabase(), d -> new FirstEmailKeys());
  }

  /**
   * Runs work in one transaction that may create contacts by e-mail address. On embedded H2 such
   * transactions run one after the other, the lock taken before the transaction begins (so before
   * any row lock it takes) and given back after its commit; a lookup inside then sees every contact
   * an earlier one created. On PostgreSQL it is a plain transaction.
   */
  public static <T> T inCreatingTransaction(Database db, Database.Tx<T> work) {
    FirstEmailKeys first = db.dialect() == Dialect.H2 ? db.inTransaction(FirstEmailKeys::of) : null;
    if (first == null) {
      return db.inTransaction(work);
    }
    first.creating.lock();
    try {
      return db.inTransaction(work);
    } finally {
      first.creating.unlock();
    }
  }

  /** Adds to {@code out} the ids of contacts whose first address may have this key. */
  synchronized void find(Connection c, String emailKey, Collection<Long> out) throws SQLException {
    if (!loaded) {
      load(c);
    }
    keys.find(StoredKeys.hash(emailKey), out);
  }

  /** Tells of a contact written with this first address, inside the transaction that wrote it. */
  synchronized void add(String emailKey, long id) {
    keys.add(StoredKeys.hash(emailKey), id);
  }

  private void load(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, email_key FROM contact WHERE email_key IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        add(rs.getString(2), rs.getLong(1));
      }
    }
    loaded = true;
  }
}
