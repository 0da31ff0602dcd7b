package app.kith.app;

import app.kith.KithException;
import app.kith.store.Database;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The idempotent repository of the {@code mail-imap} route, for one mailbox watched by several
 * nodes. The route adds a message's key eagerly, before reading it: {@link #add} claims the key
 * with a row in {@code CAMEL_MESSAGEPROCESSED} (the table Camel's JDBC repository uses), so two
 * nodes that fetched the same unseen message never both act on it.
 *
 * <ul>
 *   <li>no row: the claim is ours, the message is read;
 *   <li>a {@code mail_receipt} for the key: it was read, a duplicate (marked seen, skipped);
 *   <li>a fresh claim without a receipt: another node is reading it right now: wait a little for
 *       its receipt; if none comes, fail the exchange so the message stays unseen for a later poll
 *       rather than marking it seen on the word of a node that may have died;
 *   <li>a claim older than {@link #TIMEOUT} without a receipt: its node died; the claim is taken
 *       over.
 * </ul>
 *
 * A failure while reading removes the claim (the route's {@code removeOnFailure}).
 */
public final class MailClaims extends ServiceSupport implements IdempotentRepository {

  static final String PROCESSOR = "mail-imap";
  /** A claim older than this without a receipt belonged to a node that stopped. */
  public static final Duration TIMEOUT = Duration.ofMinutes(15);

  private enum State { CLAIMED, DONE, BUSY }

  private final Database db;
  private final Clock clock;
  private final Duration wait;

  public MailClaims(Database db, Clock clock, Duration wait) {
    this.db = db;
    this.clock = clock;
    this.wait = wait;
  }

  /** Thrown when another node holds the claim and did not finish within the wait. */
  public static final class ClaimedElsewhere extends KithException {
    ClaimedElsewhere(String key) {
      super("message " + key + " is being read by another node; left unseen for a later poll");
    }
  }

  @Override
  public boolean add(String key) {
    long deadline = System.nanoTime() + wait.toNanos();
    long pauseMs = 20;
    while (true) {
      State s = tryClaim(key);
      if (s != State.BUSY) {
        return s == State.CLAIMED;
      }
      if (System.nanoTime() > deadline) {
        throw new ClaimedElsewhere(key);
      }
      LockSupport.parkNanos(Duration.ofMillis(pauseMs).toNanos());
      pauseMs = Math.min(pauseMs * 2, 500);
    }
  }

  private State tryClaim(String key) {
    try {
      return db.inTransaction(c -> {
        Instant now = clock.instant();
        Instant claimedAt;
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT createdAt FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ? FOR UPDATE")) {
          ps.setString(1, PROCESSOR);
          ps.setString(2, key);
          try (ResultSet rs = ps.executeQuery()) {
            exists = rs.next();
            claimedAt = exists ? Sql.getInstant(rs, "createdAt") : null;
          }
        }
        if (received(c, key)) {
          return State.DONE;
        }
        if (!exists) {
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)")) {
            ps.setString(1, PROCESSOR);
            ps.setString(2, key);
            Sql.setInstant(ps, 3, now);
            ps.executeUpdate();
          }
          return State.CLAIMED;
        }
        if (claimedAt == null || claimedAt.isBefore(now.minus(TIMEOUT))) {
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ? WHERE processorName = ? AND messageId = ?")) {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, PROCESSOR);
            ps.setString(3, key);
            ps.executeUpdate();
          }
          return State.CLAIMED;
        }
        return State.BUSY;
      });
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        return State.BUSY; // another node inserted the same claim a moment ago
      }
      throw e;
    }
  }

  private static boolean received(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mail_receipt WHERE message_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean contains(String key) {
    return db.inTransaction(c -> {
      if (received(c, key)) {
        return true;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?")) {
        ps.setString(1, PROCESSOR);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public boolean remove(String key) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?")) {
        ps.setString(1, PROCESSOR);
        ps.setString(2, key);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public boolean confirm(String key) {
    return true; // the receipt written while reading is the confirmation
  }

  @Override
  public void clear() {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?")) {
        ps.setString(1, PROCESSOR);
        return ps.executeUpdate();
      }
    });
  }
}
