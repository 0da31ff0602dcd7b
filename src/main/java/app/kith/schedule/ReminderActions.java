package app.kith.schedule;

import app.kith.KithException;
import app.kith.app.Kith;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** What a user can do to a reminder, from the command line, a reply e-mail or the web. */
public final class ReminderActions {

  private final Kith kith;

  public ReminderActions(Kith kith) {
    this.kith = kith;
  }

  /**
   * Marks a reminder done. For keep-in-touch, done means "I reached out": it records a
   * {@code message} interaction now, which resets the contact's cadence. Done twice is done once.
   */
  public void done(long reminderId) {
    Instant now = kith.clock().instant();
    kith.database()
        .inTransaction(
            c -> {
              Row r = claim(c, reminderId);
              if (Reminder.DONE.equals(r.status)) {
                return null;
              }
              if (Reminder.WITHDRAWN.equals(r.status)) {
                throw new KithException(
                    "reminder " + reminderId + " was withdrawn (its event was cancelled or its cadence removed); there is nothing to mark done");
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE reminder SET status = 'done', done_at = ?, snoozed_until = NULL, updated_at = ? WHERE id = ?")) {
                Sql.setInstant(ps, 1, now);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, reminderId);
                ps.executeUpdate();
              }
              if (Reminder.KEEP_IN_TOUCH.equals(r.kind) && r.contactId != null) {
                new Interactions(new Cadence(kith.config()))
                    .record(c, r.contactId, now, "message", "reached out", "reminder:" + reminderId + ":done", now);
              }
              return null;
            });
  }

  /** Hides a reminder until an instant; it is due (and announced) again from then on. */
  public void snooze(long reminderId, Instant until) {
    Instant now = kith.clock().instant();
    if (!until.isAfter(now)) {
      throw new KithException("a snooze must end in the future, and " + until + " is not after now (" + now + ")");
    }
    kith.database()
        .inTransaction(
            c -> {
              Row r = claim(c, reminderId);
              if (!Reminder.DUE.equals(r.status) && !Reminder.SNOOZED.equals(r.status)) {
                throw new KithException("reminder " + reminderId + " is " + r.status + "; only a due or snoozed reminder can be snoozed");
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE reminder SET status = 'snoozed', snoozed_until = ?, updated_at = ? WHERE id = ?")) {
                Sql.setInstant(ps, 1, until);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, reminderId);
                ps.executeUpdate();
              }
              return null;
            });
  }

  private record Row(String kind, String status, Long contactId) {}

  /** Locks the reminder row for this change (waiting for a sweep that holds it), or says it is unknown. */
  private static Row claim(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT kind, status, contact_id FROM reminder WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new KithException("there is no reminder " + id + " (see `kith due` or `kith agenda` for the ids)");
        }
        return new Row(rs.getString("kind"), rs.getString("status"), Sql.getLongOrNull(rs, "contact_id"));
      }
    }
  }
}
