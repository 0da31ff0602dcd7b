package app.kith.calendar;

import app.kith.contacts.ContactStore;
import app.kith.contacts.NewContacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches attendees and organizers to contacts by email, and makes new people contacts "met at
 * <summary>" unless the invitation is too large to be a meeting of people who met (a town hall, a
 * webinar). Rooms and resources are never people; the owner is never a contact of their own.
 */
public final class CalendarPeople {

  private final Set<String> me;
  private final int maxAttendeesForContacts;
  private final ZoneId owner;

  public CalendarPeople(Set<String> me, int maxAttendeesForContacts, ZoneId owner) {
    this.me = me;
    this.maxAttendeesForContacts = maxAttendeesForContacts;
    this.owner = owner;
  }

  public boolean isMe(String email) {
    return email != null && me.contains(email.toLowerCase(Locale.ROOT));
  }

  /** Mine: I organize it, or I am an attendee who did not decline, or there is no attendee list. */
  public boolean mine(Event e) {
    if (isMe(e.organizerEmail())) {
      return true;
    }
    if (e.attendees().isEmpty()) {
      return true;
    }
    for (Attendee a : e.attendees()) {
      if (isMe(a.email()) && !a.declined()) {
        return true;
      }
    }
    return false;
  }

  /** The attendees with their contact ids; creates contacts for new people when allowed. */
  public List<Attendee> resolve(Connection c, Event e, boolean create, Instant now) throws SQLException {
    long people = e.attendees().stream().filter(Attendee::isPerson).count();
    boolean mayCreate = create && people <= maxAttendeesForContacts;
    LocalDate since = e.startDate() != null ? e.startDate() : e.start() != null ? LocalDate.ofInstant(e.start(), owner) : null;
    String source = EventReader.cut("met at " + (e.summary() == null || e.summary().isBlank() ? "an event" : e.summary()), 500);
    List<Attendee> out = new ArrayList<>(e.attendees().size());
    for (Attendee a : e.attendees()) {
      if (!a.isPerson() || isMe(a.email())) {
        out.add(a);
        continue;
      }
      Long id = contactId(c, a.email());
      if (id == null && mayCreate) {
        id = create(c, a.name(), a.email(), since, source, now);
      }
      out.add(a.withContact(id));
    }
    if (mayCreate && e.organizerEmail() != null && !isMe(e.organizerEmail()) && contactId(c, e.organizerEmail()) == null) {
      create(c, e.organizerName(), e.organizerEmail(), since, source, now);
    }
    return out;
  }

  /** Emails already looked up in this file (a calendar names the same people again and again). */
  private final java.util.Map<String, Long> known =
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
          return size() > 20_000;
        }
      };

  public Long contactId(Connection c, String email) throws SQLException {
    String key = email.trim().toLowerCase(Locale.ROOT);
    Long hit = known.get(key);
    if (hit != null) {
      return hit;
    }
    Long id = ContactStore.idByEmailKey(c, key);
    if (id != null) {
      known.put(key, id);
    }
    return id;
  }

  private long create(Connection c, String name, String email, LocalDate since, String source, Instant now)
      throws SQLException {
    long id = NewContacts.fromAddress(c, name, email, since, source, now);
    known.put(email.trim().toLowerCase(Locale.ROOT), id);
    return id;
  }
}
