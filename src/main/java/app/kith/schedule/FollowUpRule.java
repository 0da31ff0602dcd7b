package app.kith.schedule;

import app.kith.contacts.ContactStore;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code follow-up}: after a non-recurring <em>mine</em> event ends, one per person newly met there
 * (an attendee who is not me, not a room or resource, has not declined, and had no interaction
 * recorded before the event), due at the digest time the next morning. An event without an attendee
 * list (or with only me and rooms on it) gets one follow-up without a contact. A follow-up closes by itself when an interaction with its person is recorded after the
 * event.
 */
final class FollowUpRule {

  private static final String ENDED =
      "SELECT o.uid, o.recurrence_id, o.start_at, o.end_at, o.event_id, e.summary"
          + " FROM occurrence o JOIN calendar_event e ON e.id = o.event_id"
          + " WHERE o.end_at <= ? AND o.end_at > ? AND o.recurring = FALSE AND o.cancelled = FALSE"
          + " AND e.mine = TRUE AND (e.status IS NULL OR e.status <> 'CANCELLED')";

  private static final String ANSWERED =
      "SELECT r.id FROM reminder r"
          + " WHERE r.kind = 'follow-up' AND r.status IN ('due', 'snoozed') AND r.contact_id IS NOT NULL"
          + " AND EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = r.contact_id"
          + "   AND i.occurred_at > r.event_end AND i.occurred_at <= ?)";

  private final ScheduleSettings settings;

  FollowUpRule(ScheduleSettings settings) {
    this.settings = settings;
  }

  void apply(Connection c, Instant now, Tally tally) throws SQLException {
    create(c, now, tally);
    List<Long> answered = ReminderRows.ids(c, ANSWERED, now);
    tally.closed += ReminderRows.finish(c, ReminderRows.claimOpen(c, answered), Reminder.DONE, now);
  }

  private void create(Connection c, Instant now, Tally tally) throws SQLException {
    Instant since = now.atZone(settings.zone()).minus(settings.followUpLookBack()).toInstant();
    List<ReminderRows.NewReminder> fresh = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ENDED)) {
      ReminderRows.bind(ps, now, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String uid = rs.getString("uid");
          String rid = rs.getString("recurrence_id");
          String prefix = "follow-up:" + uid + ":" + rid;
          if (alreadyDone(c, uid, rid)) {
            continue; // this meeting's follow-ups were worked out by an earlier sweep
          }
          Instant start = Sql.getInstant(rs, "start_at");
          Instant end = Sql.getInstant(rs, "end_at");
          String summary = PrepareRule.name(rs.getString("summary"));
          Instant due = settings.followUpDue(end);
          Map<String, Person> people = attendees(c, rs.getLong("event_id"));
          people.values().removeIf(p -> !p.someone(settings));
          if (people.isEmpty()) {
            // no attendee list (or only me and the rooms): ask who I met
            fresh.add(
                new ReminderRows.NewReminder(
                    Reminder.FOLLOW_UP, prefix, null, uid, rid,
                    "Who did you meet at " + summary + "? Log them", due, start, end, null, null));
            continue;
          }
          for (Map.Entry<String, Person> p : people.entrySet()) {
            Person person = p.getValue();
            if ("DECLINED".equalsIgnoreCase(person.partstat())) {
              continue;
            }
            Long contactId = person.contactId != null ? person.contactId : contactByEmail(c, p.getKey());
            if (contactId != null && metBefore(c, contactId, start)) {
              continue;
            }
            fresh.add(
                new ReminderRows.NewReminder(
                    Reminder.FOLLOW_UP, prefix + ":" + p.getKey(), contactId, uid, rid,
                    "Follow up with " + person.display() + " (met at " + summary + ")", due, start, end,
                    null, null));
          }
        }
      }
    }
    tally.created += ReminderRows.insert(c, fresh, now);
  }

  private record Person(String email, String name, String partstat, String cutype, Long contactId) {
    /** A person other than me: not one of my addresses, not a room or a resource. */
    boolean someone(ScheduleSettings settings) {
      String type = cutype == null ? "" : cutype.toUpperCase(Locale.ROOT);
      return !settings.isMe(email) && !type.equals("ROOM") && !type.equals("RESOURCE");
    }

    String display() {
      return name != null && !name.isBlank() ? name.strip() : email;
    }
  }

  private static Map<String, Person> attendees(Connection c, long eventId) throws SQLException {
    Map<String, Person> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT email, name, partstat, cutype, contact_id FROM event_attendee WHERE event_id = ? ORDER BY email")) {
      ps.setLong(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String email = rs.getString("email");
          out.putIfAbsent(
              ScheduleSettings.emailKey(email),
              new Person(
                  email, rs.getString("name"), rs.getString("partstat"), rs.getString("cutype"),
                  Sql.getLongOrNull(rs, "contact_id")));
        }
      }
    }
    return out;
  }

  private static boolean alreadyDone(Connection c, String uid, String rid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM reminder WHERE event_uid = ? AND recurrence_id = ? AND kind = 'follow-up'"
                + " FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, uid);
      ps.setString(2, rid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Long contactByEmail(Connection c, String emailKey) throws SQLException {
    return ContactStore.idByEmailKey(c, emailKey);
  }

  /** Whether an interaction with the contact was recorded before the event started. */
  private static boolean metBefore(Connection c, long contactId, Instant start) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM interaction WHERE contact_id = ? AND occurred_at < ? FETCH FIRST 1 ROWS ONLY")) {
      ps.setLong(1, contactId);
      Sql.setInstant(ps, 2, start);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
