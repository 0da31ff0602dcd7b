package app.kith.schedule;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import app.kith.store.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-SQL helpers for the schedule tests: contacts, events with attendees and their occurrences,
 * interactions, and a clock the test moves. (The importers live on other branches.)
 */
final class Fixture implements AutoCloseable {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  final MutableClock clock;
  final Kith kith;

  Fixture(Path home, Instant start, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("kith.timezone", ZONE.getId());
    all.put("kith.owner.email", "me@example.com");
    all.put("kith.owner.aliases", "me@work.example");
    all.putAll(settings);
    this.clock = new MutableClock(start);
    this.kith = new Kith(KithConfig.of(home, all), clock);
  }

  Fixture(Path home, Instant start) {
    this(home, start, Map.of());
  }

  /** A local time in the owner's zone, as an instant. */
  static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
  }

  SweepResult sweep() {
    return new Sweep(kith).run(clock.instant());
  }

  long contact(String name, String email, String cadence, Instant createdAt) {
    return kith.database()
        .inTransaction(
            c -> {
              long id;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO contact (name, cadence, email, email_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                      new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, cadence);
                ps.setString(3, email);
                ps.setString(4, email == null ? null : email.toLowerCase(Locale.ROOT));
                Sql.setInstant(ps, 5, createdAt);
                Sql.setInstant(ps, 6, createdAt);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  keys.next();
                  id = keys.getLong(1);
                }
              }
              new Interactions(new Cadence(kith.config())).refresh(c, id, createdAt);
              return id;
            });
  }

  void interaction(long contactId, Instant at, String kind) {
    kith.database()
        .inTransaction(
            c -> new Interactions(new Cadence(kith.config())).record(c, contactId, at, kind, null, null, clock.instant()));
  }

  /** An attendee line: email, name, partstat, cutype, contact id (may be null). */
  record Attendee(String email, String name, String partstat, String cutype, Long contactId) {
    static Attendee of(String email, String name, Long contactId) {
      return new Attendee(email, name, "ACCEPTED", "INDIVIDUAL", contactId);
    }
  }

  /** A single (non-recurring) event with its one occurrence. */
  long event(String uid, String summary, Instant start, Instant end, boolean mine, String organizer, List<Attendee> attendees) {
    return event(uid, "", summary, start, end, mine, false, organizer, attendees);
  }

  long event(
      String uid, String recurrenceId, String summary, Instant start, Instant end, boolean mine, boolean recurring,
      String organizer, List<Attendee> attendees) {
    return kith.database()
        .inTransaction(
            c -> {
              long id;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO calendar_event (uid, recurrence_id, status, summary, location, organizer_email,"
                          + " start_at, end_at, recurring, mine, updated_at) VALUES (?, ?, 'CONFIRMED', ?, 'Room 1', ?, ?, ?, ?, ?, ?)",
                      new String[] {"id"})) {
                ps.setString(1, uid);
                ps.setString(2, recurrenceId);
                ps.setString(3, summary);
                ps.setString(4, organizer);
                Sql.setInstant(ps, 5, start);
                Sql.setInstant(ps, 6, end);
                ps.setBoolean(7, recurring);
                ps.setBoolean(8, mine);
                Sql.setInstant(ps, 9, clock.instant());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  keys.next();
                  id = keys.getLong(1);
                }
              }
              for (Attendee a : attendees) {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO event_attendee (event_id, email, name, partstat, cutype, contact_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                  ps.setLong(1, id);
                  ps.setString(2, a.email());
                  ps.setString(3, a.name());
                  ps.setString(4, a.partstat());
                  ps.setString(5, a.cutype());
                  Sql.setLongOrNull(ps, 6, a.contactId());
                  ps.executeUpdate();
                }
              }
              occurrence(c, id, uid, recurrenceId, start, end, recurring);
              return id;
            });
  }

  /** Another occurrence of a recurring series (same event row). */
  void occurrence(long eventId, String uid, String recurrenceId, Instant start, Instant end) {
    kith.database().inTransaction(c -> {
      occurrence(c, eventId, uid, recurrenceId, start, end, true);
      return null;
    });
  }

  private static void occurrence(Connection c, long eventId, String uid, String rid, Instant start, Instant end, boolean recurring)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO occurrence (event_id, uid, recurrence_id, start_at, end_at, recurring) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, eventId);
      ps.setString(2, uid);
      ps.setString(3, rid);
      Sql.setInstant(ps, 4, start);
      Sql.setInstant(ps, 5, end);
      ps.setBoolean(6, recurring);
      ps.executeUpdate();
    }
  }

  void sql(String sql, Object... params) {
    kith.database()
        .inTransaction(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ReminderRows.bind(ps, params);
                return ps.executeUpdate();
              }
            });
  }

  /** Reminder rows, as maps of column to value, in id order. */
  List<Row> reminders(String where, Object... params) {
    return kith.database()
        .inTransaction(
            c -> {
              List<Row> rows = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, kind, reminder_key, contact_id, title, due_at, status, notified_at, budget_week"
                          + " FROM reminder WHERE " + where + " ORDER BY id")) {
                ReminderRows.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    rows.add(
                        new Row(
                            rs.getLong("id"), rs.getString("kind"), rs.getString("reminder_key"),
                            Sql.getLongOrNull(rs, "contact_id"), rs.getString("title"), Sql.getInstant(rs, "due_at"),
                            rs.getString("status"), Sql.getInstant(rs, "notified_at"), rs.getString("budget_week")));
                  }
                }
              }
              return rows;
            });
  }

  List<Row> reminders() {
    return reminders("1 = 1");
  }

  record Row(
      long id, String kind, String key, Long contactId, String title, Instant dueAt, String status, Instant notifiedAt,
      String budgetWeek) {}

  @Override
  public void close() {
    kith.close();
  }

  /** A clock the test sets. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
