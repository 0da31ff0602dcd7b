package app.kith.notify;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.feed.ReminderCalendar;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns due reminders into outbox messages: each {@code prepare} reminder its own brief at its due
 * time; {@code follow-up} and {@code keep-in-touch} together in one digest a day at
 * {@code kith.digest.time}, none when nothing is due. Each message is written in the same
 * transaction that sets the reminders' {@code notified_at}, under an idempotency key (per reminder
 * occurrence, or per digest day), so a second run, or a second node, adds nothing. Quiet hours push
 * the message's {@code not_before} to the end of the window; no digest is composed inside them, so
 * that everything that fell due overnight, or while Kith was stopped, goes into the morning's one.
 */
public final class Dispatcher {

  /** What one run wrote to the outbox. */
  public record Result(int briefs, int digests) {}

  private final Kith kith;
  private final KithConfig config;
  private final ZoneId zone;
  private final QuietHours quiet;
  private final LocalTime digestTime;
  private final String recipient;

  public Dispatcher(Kith kith) {
    this.kith = kith;
    this.config = kith.config();
    this.zone = config.zone();
    this.quiet = QuietHours.parse(config.get("kith.quiet-hours", ""), zone);
    this.digestTime = config.getTime("kith.digest.time", LocalTime.of(8, 0));
    this.recipient = Recipient.owner(config).getAddress();
  }

  public Result run(Instant now) {
    int briefs = 0;
    BriefComposer composer = null;
    List<DueReminder> prepare = kith.database().inTransaction(c -> due(c, now, "kind = 'prepare'"));
    for (DueReminder r : prepare) {
      if (composer == null) {
        composer = new BriefComposer(config, Starters.load(config));
      }
      BriefComposer bc = composer;
      if (kith.database().inTransaction(c -> brief(c, r, bc, now))) {
        briefs++;
      }
    }
    int digests = kith.database().inTransaction(c -> digest(c, now)) ? 1 : 0;
    return new Result(briefs, digests);
  }

  private boolean brief(Connection c, DueReminder r, BriefComposer composer, Instant now) throws SQLException {
    if (!claim(c, r.id(), now)) {
      return false; // another run or node took it
    }
    String key = "brief:" + r.id() + ":" + r.dueAt().getEpochSecond();
    if (Outbox.exists(c, key)) {
      return false;
    }
    Dossier dossier = new Dossier(c);
    if (dossier.event(r.eventUid(), r.recurrenceId()).map(e -> e.start() != null && !e.start().isAfter(now)).orElse(false)) {
      return false; // the event has begun (Kith was not running): a brief now would only be noise
    }
    List<ReminderCalendar.Entry> entries = ReminderCalendar.byIds(c, List.of(r.id()));
    Mail mail = composer.compose(r, dossier, entries.get(0));
    long id = Outbox.add(c, key, MessageIds.of(key, recipient), "brief", recipient, mail, quiet.release(now), now);
    Outbox.link(c, id, r.id());
    return true;
  }

  /** The latest digest instant at or before now, in the owner's zone. */
  Instant digestAt(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(digestTime).atZone(zone);
    return (today.toInstant().isAfter(now) ? today.minusDays(1).toLocalDate().atTime(digestTime).atZone(zone) : today)
        .toInstant();
  }

  private boolean digest(Connection c, Instant now) throws SQLException {
    if (quiet.contains(now)) {
      // wait for the morning: what fell due overnight (or while Kith was stopped) joins that digest
      return false;
    }
    Instant at = digestAt(now);
    LocalDate day = at.atZone(zone).toLocalDate();
    String key = "digest:" + day;
    if (Outbox.exists(c, key)) {
      return false;
    }
    List<DueReminder> due = due(c, at, "kind IN ('follow-up', 'keep-in-touch')");
    if (due.isEmpty()) {
      return false;
    }
    int stillOpen = stillOpen(c, at);
    List<DueReminder> mine = new ArrayList<>();
    for (DueReminder r : due) {
      if (claim(c, r.id(), now)) {
        mine.add(r);
      }
    }
    if (mine.isEmpty()) {
      return false;
    }
    List<ReminderCalendar.Entry> entries = ReminderCalendar.byIds(c, mine.stream().map(DueReminder::id).toList());
    Mail mail = new DigestComposer(config).compose(day, mine, stillOpen, new Dossier(c), entries);
    long id = Outbox.add(c, key, MessageIds.of(key, recipient), "digest", recipient, mail, quiet.release(now), now);
    for (DueReminder r : mine) {
      Outbox.link(c, id, r.id());
    }
    return true;
  }

  /** Sets notified_at unless someone else did; the row lock serialises concurrent dispatchers. */
  private static boolean claim(Connection c, long reminderId, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE reminder SET notified_at = ? WHERE id = ? AND notified_at IS NULL AND status = 'due'")) {
      Sql.setInstant(ps, 1, now);
      ps.setLong(2, reminderId);
      return ps.executeUpdate() == 1;
    }
  }

  private static List<DueReminder> due(Connection c, Instant until, String kindFilter) throws SQLException {
    List<DueReminder> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, kind, reminder_key, contact_id, event_uid, recurrence_id, title, due_at FROM reminder"
            + " WHERE status = 'due' AND notified_at IS NULL AND due_at <= ? AND " + kindFilter
            + " ORDER BY due_at, id")) {
      Sql.setInstant(ps, 1, until);
      ps.setMaxRows(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DueReminder(rs.getLong("id"), rs.getString("kind"), rs.getString("reminder_key"),
              Sql.getLongOrNull(rs, "contact_id"), rs.getString("event_uid"), rs.getString("recurrence_id"),
              rs.getString("title"), Sql.getInstant(rs, "due_at")));
        }
      }
    }
    return out;
  }

  private static int stillOpen(Connection c, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM reminder WHERE status = 'due' AND notified_at IS NOT NULL AND due_at <= ?"
            + " AND kind IN ('follow-up', 'keep-in-touch')")) {
      Sql.setInstant(ps, 1, at);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
