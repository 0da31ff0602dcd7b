package app.kith.notify;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code outbox} table: messages written in the same transaction as the reminders they
 * announce, claimed by relays with a lease, marked sent or failed. Every method works inside the
 * caller's transaction.
 */
public final class Outbox {
  private Outbox() {}

  /** One message as the relay reads it. */
  public record Row(
      long id, String idempotencyKey, String messageId, String kind, String recipient, String subject,
      String text, String html, String ics, int attempts, Instant createdAt) {}

  public static boolean exists(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Adds a pending message and returns its id. */
  public static long add(Connection c, String key, String messageId, String kind, String recipient, Mail mail,
      Instant notBefore, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO outbox (idempotency_key, message_id, kind, recipient, subject, body_text, body_html, ics,"
            + " not_before, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)")) {
      ps.setString(1, key);
      ps.setString(2, messageId);
      ps.setString(3, kind);
      ps.setString(4, recipient);
      ps.setString(5, Text.oneLine(mail.subject(), 900));
      ps.setString(6, mail.text());
      ps.setString(7, mail.html());
      ps.setString(8, mail.ics());
      Sql.setInstant(ps, 9, notBefore);
      Sql.setInstant(ps, 10, notBefore);
      Sql.setInstant(ps, 11, now);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public static void link(Connection c, long outboxId, long reminderId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_reminder (outbox_id, reminder_id) VALUES (?, ?)")) {
      ps.setLong(1, outboxId);
      ps.setLong(2, reminderId);
      ps.executeUpdate();
    }
  }

  /**
   * Claims up to {@code limit} messages that may go out at {@code now}: pending, past their
   * not-before and retry times, and not leased by a live relay. {@code FOR UPDATE SKIP LOCKED} lets
   * relays on several nodes claim side by side without waiting for or taking each other's rows.
   */
  public static List<Row> claim(Connection c, String owner, Instant now, Instant leaseUntil, int limit)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM outbox WHERE status = 'pending' AND not_before <= ? AND next_attempt_at <= ?"
            + " AND (lease_until IS NULL OR lease_until <= ?)"
            + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
      Sql.setInstant(ps, 1, now);
      Sql.setInstant(ps, 2, now);
      Sql.setInstant(ps, 3, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    List<Row> rows = new ArrayList<>(ids.size());
    if (ids.isEmpty()) {
      return rows;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement lease = c.prepareStatement(
        "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id IN (" + marks + ")")) {
      lease.setString(1, owner);
      Sql.setInstant(lease, 2, leaseUntil);
      for (int i = 0; i < ids.size(); i++) {
        lease.setLong(i + 3, ids.get(i));
      }
      lease.executeUpdate();
    }
    try (PreparedStatement read = c.prepareStatement(
        "SELECT id, idempotency_key, message_id, kind, recipient, subject, body_text, body_html, ics, attempts,"
            + " created_at FROM outbox WHERE id IN (" + marks + ") ORDER BY id")) {
      for (int i = 0; i < ids.size(); i++) {
        read.setLong(i + 1, ids.get(i));
      }
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("message_id"),
              rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
              rs.getString("body_html"), rs.getString("ics"), rs.getInt("attempts"),
              Sql.getInstant(rs, "created_at")));
        }
      }
    }
    return rows;
  }

  /** Marks a message sent; false when this relay no longer holds its lease. */
  public static boolean markSent(Connection c, long id, String owner, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE outbox SET status = 'sent', sent_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL"
            + " WHERE id = ? AND lease_owner = ? AND status = 'pending'")) {
      Sql.setInstant(ps, 1, now);
      ps.setLong(2, id);
      ps.setString(3, owner);
      return ps.executeUpdate() == 1;
    }
  }

  /** Gives a claimed message back untried, for the next run. */
  public static boolean release(Connection c, long id, String owner) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'pending'")) {
      ps.setLong(1, id);
      ps.setString(2, owner);
      return ps.executeUpdate() == 1;
    }
  }

  /** Records a failed attempt: retry at {@code next}, or give up ({@code status = 'failed'}). */
  public static void markFailed(Connection c, long id, String owner, String error, Instant next, boolean giveUp)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, status = ?,"
            + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'pending'")) {
      Sql.setInstant(ps, 1, next);
      ps.setString(2, Text.oneLine(error, 1900));
      ps.setString(3, giveUp ? "failed" : "pending");
      ps.setLong(4, id);
      ps.setString(5, owner);
      ps.executeUpdate();
    }
  }
}
