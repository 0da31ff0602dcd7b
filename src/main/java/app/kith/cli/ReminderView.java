package app.kith.cli;

import app.kith.schedule.Agenda;
import app.kith.schedule.Reminder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A reminder (or, in the agenda, an event) in the JSON shape of the contract:
 * {@code {"id","kind","dueAt","title","status","contact":{id,name,email}|null,"event":{uid,summary,start}|null}}.
 */
record ReminderView(Long id, String kind, Instant dueAt, String title, String status, Person contact, Object event) {

  record Person(long id, String name, String email) {}

  record EventRef(String uid, String summary, Instant start) {}

  /** An agenda event: the reminder shape's event, with where and until when. */
  record AgendaEvent(
      String uid, String recurrenceId, String summary, Instant start, Instant end, boolean allDay,
      String location, boolean mine) {}

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

  static ReminderView of(Reminder r) {
    Person p = r.contact() == null ? null : new Person(r.contact().id(), r.contact().name(), r.contact().email());
    EventRef e = r.event() == null ? null : new EventRef(r.event().uid(), r.event().summary(), r.event().start());
    return new ReminderView(r.id(), r.kind(), r.dueAt(), r.title(), r.status(), p, e);
  }

  static ReminderView of(Agenda.EventItem e) {
    return new ReminderView(
        null, "event", e.start(), e.summary(), "upcoming", null,
        new AgendaEvent(e.uid(), e.recurrenceId(), e.summary(), e.start(), e.end(), e.allDay(), e.location(), e.mine()));
  }

  static String when(Instant t, ZoneId zone) {
    return t == null ? "" : WHEN.format(t.atZone(zone));
  }

  /** One line of text: id, kind, due time in the owner's zone, title. */
  static String line(Reminder r, ZoneId zone) {
    String state = Reminder.SNOOZED.equals(r.status()) ? "  (snoozed until " + when(r.snoozedUntil(), zone) + ")" : "";
    return String.format(Locale.ROOT, "%6s  %-13s  %s  %s%s", "#" + r.id(), r.kind(), when(r.dueAt(), zone), oneLine(r.title()), state);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ");
  }
}
