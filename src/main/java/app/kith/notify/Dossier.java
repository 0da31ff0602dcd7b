package app.kith.notify;

import app.kith.contacts.ContactStore;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what a message says about an event and the people in it. Plain queries, no writes. */
final class Dossier {

  record Attendee(String email, String name, String partstat, String cutype, Long contactId) {}

  record Event(
      String uid, String summary, String description, String location, String joinUrl, Instant start,
      Instant end, boolean allDay, LocalDate startDate, String organizerEmail, List<Attendee> attendees) {}

  record Interaction(Instant at, String kind, String note) {}

  record Person(
      long id, String name, String email, String organization, String title, String notes, String cadence,
      List<String> sources, Optional<Interaction> last) {

    String display() {
      String n = Text.or(name, Text.or(email, "someone"));
      return email == null || email.equalsIgnoreCase(n) ? n : n + " <" + email + ">";
    }

    String role() {
      String t = Text.or(title, "");
      String o = Text.or(organization, "");
      if (t.isEmpty()) {
        return o;
      }
      return o.isEmpty() ? t : t + " at " + o;
    }

    String firstName() {
      String n = Text.or(name, "");
      int sp = n.indexOf(' ');
      return n.isEmpty() ? "there" : sp > 0 ? n.substring(0, sp) : n;
    }
  }

  private final Connection c;

  Dossier(Connection c) {
    this.c = c;
  }

  /** The event a reminder points at: the occurrence's times with the details of its row. */
  Optional<Event> event(String uid, String recurrenceId) throws SQLException {
    if (uid == null) {
      return Optional.empty();
    }
    String rid = recurrenceId == null ? "" : recurrenceId;
    Long eventId = null;
    Instant start = null;
    Instant end = null;
    LocalDate startDate = null;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT event_id, start_at, end_at, start_date FROM occurrence WHERE uid = ? AND recurrence_id = ?")) {
      ps.setString(1, uid);
      ps.setString(2, rid);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          eventId = rs.getLong("event_id");
          start = Sql.getInstant(rs, "start_at");
          end = Sql.getInstant(rs, "end_at");
          startDate = Sql.getDate(rs, "start_date");
        }
      }
    }
    String sql = eventId != null
        ? "SELECT * FROM calendar_event WHERE id = ?"
        : "SELECT * FROM calendar_event WHERE uid = ? ORDER BY CASE WHEN recurrence_id = ? THEN 0 ELSE 1 END, id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (eventId != null) {
        ps.setLong(1, eventId);
      } else {
        ps.setString(1, uid);
        ps.setString(2, rid);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong("id");
        return Optional.of(new Event(
            uid, rs.getString("summary"), rs.getString("description"), rs.getString("location"),
            rs.getString("join_url"), start != null ? start : Sql.getInstant(rs, "start_at"),
            end != null ? end : Sql.getInstant(rs, "end_at"), rs.getBoolean("all_day"),
            startDate != null ? startDate : Sql.getDate(rs, "start_date"), rs.getString("organizer_email"),
            attendees(id)));
      }
    }
  }

  private List<Attendee> attendees(long eventId) throws SQLException {
    List<Attendee> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT email, name, partstat, cutype, contact_id FROM event_attendee WHERE event_id = ? ORDER BY email")) {
      ps.setLong(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Attendee(rs.getString("email"), rs.getString("name"), rs.getString("partstat"),
              rs.getString("cutype"), Sql.getLongOrNull(rs, "contact_id")));
        }
      }
    }
    return out;
  }

  Optional<Person> person(Long contactId) throws SQLException {
    if (contactId == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT name, organization, title, notes, cadence FROM contact WHERE id = ?")) {
      ps.setLong(1, contactId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Person(contactId, rs.getString("name"), email(contactId), rs.getString("organization"),
            rs.getString("title"), rs.getString("notes"), rs.getString("cadence"), sources(contactId),
            lastInteraction(contactId, null)));
      }
    }
  }

  private String email(long contactId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + ContactStore.firstEmailOf("c") + " FROM contact c WHERE c.id = ?")) {
      ps.setLong(1, contactId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private List<String> sources(long contactId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT source FROM contact_sources WHERE contact_id = ? ORDER BY added_at, source")) {
      ps.setLong(1, contactId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < 5) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The latest interaction, or the latest before an instant. */
  Optional<Interaction> lastInteraction(long contactId, Instant before) throws SQLException {
    String sql = "SELECT occurred_at, kind, note FROM interaction WHERE contact_id = ?"
        + (before == null ? "" : " AND occurred_at < ?") + " ORDER BY occurred_at DESC, id DESC";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, contactId);
      if (before != null) {
        Sql.setInstant(ps, 2, before);
      }
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Interaction(Sql.getInstant(rs, "occurred_at"), rs.getString("kind"), rs.getString("note")))
            : Optional.empty();
      }
    }
  }
}
