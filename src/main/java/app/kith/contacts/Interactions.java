package app.kith.contacts;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Records interactions (a meeting, an email, a logged call...) and keeps each contact's
 * {@code last_interaction} and keep-in-touch {@code next_due} in step. Every writer of interactions
 * (calendar ingest, mail in, the command line) goes through here.
 */
public final class Interactions {

  public static final java.util.Set<String> KINDS = java.util.Set.of("meeting", "email", "call", "message", "note");

  private final Cadence cadence;

  public Interactions(Cadence cadence) {
    this.cadence = cadence;
  }

  /**
   * Records one interaction inside the caller's transaction. With a {@code sourceKey} (for example
   * {@code meeting:<uid>:<recurrence-id>}), recording the same thing twice is a no-op.
   *
   * @return whether a new interaction was written
   */
  public boolean record(
      Connection c, long contactId, Instant at, String kind, String note, String sourceKey, Instant now)
      throws SQLException {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown interaction kind " + kind);
    }
    if (sourceKey != null) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM interaction WHERE source_key = ?")) {
        ps.setString(1, sourceKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO interaction (contact_id, occurred_at, kind, note, source_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, contactId);
      Sql.setInstant(ps, 2, at);
      ps.setString(3, kind);
      ps.setString(4, note);
      ps.setString(5, sourceKey);
      Sql.setInstant(ps, 6, now);
      ps.executeUpdate();
    }
    refresh(c, contactId, now);
    return true;
  }

  /**
   * Recomputes {@code last_interaction} (latest interaction not in the future) and {@code next_due}
   * of a contact, for example after its cadence changed.
   */
  public void refresh(Connection c, long contactId, Instant now) throws SQLException {
    String cadenceValue = null;
    java.time.LocalDate since = null;
    Instant created = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT cadence, since, created_at FROM contact WHERE id = ?")) {
      ps.setLong(1, contactId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        cadenceValue = rs.getString("cadence");
        since = Sql.getDate(rs, "since");
        created = Sql.getInstant(rs, "created_at");
      }
    }
    Instant last = null;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(occurred_at) FROM interaction WHERE contact_id = ? AND occurred_at <= ?")) {
      ps.setLong(1, contactId);
      Sql.setInstant(ps, 2, now);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          last = rs.getObject(1, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
      }
    }
    Instant base = last != null ? last : since != null ? since.atStartOfDay(ZoneOffset.UTC).toInstant() : created;
    Instant nextDue = null;
    if (cadenceValue != null && base != null) {
      nextDue = cadence.nextDue(Period.parse(cadenceValue), base);
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE contact SET last_interaction = ?, next_due = ?, updated_at = ? WHERE id = ?")) {
      Sql.setInstant(ps, 1, last);
      Sql.setInstant(ps, 2, nextDue);
      Sql.setInstant(ps, 3, now);
      ps.setLong(4, contactId);
      ps.executeUpdate();
    }
  }
}
