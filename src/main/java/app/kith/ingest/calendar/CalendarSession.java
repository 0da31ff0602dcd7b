package app.kith.ingest.calendar;

import app.kith.calendar.Attendee;
import app.kith.calendar.CalendarPeople;
import app.kith.calendar.ComponentReader;
import app.kith.calendar.Event;
import app.kith.calendar.EventReader;
import app.kith.calendar.EventStore;
import app.kith.calendar.IcsText;
import app.kith.calendar.RawComponent;
import app.kith.calendar.RawProperty;
import app.kith.calendar.StoredComponents;
import app.kith.calendar.Zones;
import app.kith.contacts.Interactions;
import app.kith.ingest.Tally;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.ParserException;

/**
 * Applies the calendars of one file (or one message) inside one transaction: iTIP meaning
 * (REQUEST/PUBLISH create or update, stale SEQUENCE ignored, CANCEL only from the organizer, REPLY
 * updates one attendee), then the occurrences of every UID touched are materialised and past
 * meetings recorded as interactions.
 */
final class CalendarSession {

  /** The whole file is refused: where and why. Thrown to roll the transaction back. */
  static final class FileRejected extends RuntimeException {
    final String where;

    FileRejected(String where, String reason) {
      super(reason, null, false, false);
      this.where = where;
    }
  }

  private final CalendarContext ctx;
  private final Connection c;
  private final Tally tally;
  private final String source;
  private final Set<String> touched = new LinkedHashSet<>();
  private Zones zones;

  CalendarSession(CalendarContext ctx, Connection c, Tally tally, String source) {
    this.ctx = ctx;
    this.c = c;
    this.tally = tally;
    this.source = source;
  }

  /** Reads every VCALENDAR of an .ics file's bytes. */
  void read(byte[] bytes, String label) {
    IcsText.Split split = IcsText.split(bytes);
    if (split.calendars().isEmpty()) {
      throw new FileRejected(label, "no BEGIN:VCALENDAR found");
    }
    if (split.latin()) {
      tally.note(label, "not valid UTF-8; read as windows-1252");
    }
    for (IcsText.Chunk chunk : split.calendars()) {
      zones = new Zones(ctx.owner());
      ComponentReader reader = new ComponentReader(zones::calendarProperty);
      try {
        reader.read(chunk.text(), this::component);
      } catch (ParserException e) {
        int line = chunk.fileLine(e.getLineNo());
        String msg = e.getMessage() == null ? "syntax error" : e.getMessage().replaceAll("\\s+", " ");
        if (msg.startsWith("Error at line")) {
          int colon = msg.indexOf(':');
          msg = colon > 0 ? msg.substring(colon + 1).trim() : msg;
        }
        throw new FileRejected(prefix(label) + "line " + line, "not a valid iCalendar file: " + reason(e, msg));
      } catch (IOException e) {
        throw new FileRejected(label, "cannot read: " + e.getMessage());
      }
    }
    if (split.unterminated()) {
      int last = split.calendars().get(split.calendars().size() - 1).fileLine(Integer.MAX_VALUE);
      throw new FileRejected(prefix(label) + "line " + last, "the calendar ends without END:VCALENDAR (truncated file?)");
    }
  }

  private static String prefix(String label) {
    return label.equals("file") ? "" : label + " ";
  }

  private static String reason(ParserException e, String msg) {
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !msg.contains(cause.getMessage())) {
      return msg + " (" + cause.getMessage().replaceAll("\\s+", " ") + ")";
    }
    return msg;
  }

  private void component(RawComponent comp, String method) {
    try {
      switch (comp.name()) {
        case "VTIMEZONE" -> zones.add(comp);
        case "VEVENT" -> event(comp, method == null ? "" : method);
        case "VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY" -> other(comp);
        default -> {
          // X- components and unknown ones carry nothing for Kith
        }
      }
    } catch (SQLException e) {
      throw new app.kith.store.StoreException("database error: " + e.getMessage(), e);
    }
  }

  private static final java.util.regex.Pattern DATE_VALUE =
      java.util.regex.Pattern.compile("\\d{8}(T\\d{4}(\\d{2})?Z?)?(/.*)?");

  /** Components that are not events are counted (they are records of the file) but not kept. */
  private void other(RawComponent comp) {
    String where = comp.name() + " " + comp.line();
    for (String name : List.of("DTSTART", "DTEND", "DUE", "DTSTAMP", "FREEBUSY")) {
      for (RawProperty p : comp.all(name)) {
        for (String v : p.value().split(",")) {
          if (!DATE_VALUE.matcher(v.trim().toUpperCase(Locale.ROOT)).matches()) {
            tally.rejected(where, name + " value '" + v.trim() + "' is not a date or date-time");
            return;
          }
        }
      }
    }
    tally.unchanged();
    tally.note(where, comp.name() + " not kept: Kith reads events only");
  }

  private void event(RawComponent raw, String method) throws SQLException {
    boolean write = method.isEmpty() || method.equals("PUBLISH") || method.equals("REQUEST") || method.equals("ADD");
    Event e;
    try {
      e = new EventReader(zones, tally::note).read(raw, write);
    } catch (EventReader.Rejected r) {
      String uid = raw.text("UID");
      tally.rejected(uid == null ? "VEVENT " + raw.line() : "UID " + uid, r.getMessage());
      return;
    } catch (RuntimeException r) {
      String uid = raw.text("UID");
      tally.rejected(uid == null ? "VEVENT " + raw.line() : "UID " + uid,
          "unreadable event: " + (r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage()));
      return;
    }
    String where = "UID " + e.uid();
    switch (method) {
      case "", "PUBLISH", "REQUEST", "ADD" -> upsert(e, raw, where);
      case "CANCEL" -> cancel(e, raw, where);
      case "REPLY" -> reply(e, raw, where);
      default -> {
        tally.unchanged();
        tally.note(where, "METHOD " + method + " is not applied by Kith");
      }
    }
  }

  private void upsert(Event incoming, RawComponent raw, String where) throws SQLException {
    EventStore.Stored master = incoming.isOverride() ? ctx.store().find(c, incoming.uid(), "") : null;
    String rid = master == null ? incoming.recurrenceId() : overrideKey(incoming, master);
    Event e = withRid(incoming, rid).withComponent(StoredComponents.text(raw, zones));
    // one light query for the UID's rows: whether this one exists, and whether it is alone (kept for
    // the UID's later components in this file: 20,000 overrides of one UID read it once, not 20,000 times)
    Map<String, EventStore.Version> rows = versions.get(e.uid());
    if (rows == null) {
      rows = ctx.store().versions(c, e.uid());
      versions.put(e.uid(), rows);
    }
    EventStore.Version existing = rows.get(rid);
    boolean alone = rows.isEmpty() || rows.size() == 1 && existing != null;
    String fingerprint = fingerprint(e.component());
    seen.add(e.uid() + "\n" + rid);
    if (existing != null) {
      if (stale(e, existing.sequence(), existing.dtstamp())) {
        tally.unchanged();
        tally.note(where, "older than what is stored (SEQUENCE " + e.sequence() + " < " + existing.sequence()
            + " or an earlier DTSTAMP); ignored");
        return;
      }
      if (fingerprint.equals(existing.fingerprint())) {
        tally.unchanged();
        return;
      }
    }
    if (existing != null && !e.isOverride() && e.sequence() > existing.sequence()
        && ctx.store().dropOverridesBefore(c, e.uid(), e.sequence()) > 0) {
      touched.add(e.uid());
      alone = false;
      versions.remove(e.uid()); // read again when next needed
    }
    List<Attendee> people = ctx.people().resolve(c, e, true, ctx.now());
    e = e.withAttendees(people);
    boolean mine = ctx.people().mine(e);
    long id = ctx.store().save(c, existing == null ? null : existing.id(), e, fingerprint, mine, source, ctx.now());
    Map<String, EventStore.Version> known = versions.get(e.uid());
    if (known != null) {
      known.put(rid, new EventStore.Version(id, e.sequence(), e.dtstamp(), fingerprint));
    }
    if (existing == null) {
      tally.created();
    } else {
      tally.merged();
    }
    if (done.add(e.uid())) {
      // the common case, one component per UID: materialise now from what is in memory
      record(e.uid(), ctx.store().materialise(c, e.uid(), ctx.windowFrom(), ctx.windowTo(),
          new EventStore.Stored(id, e, fingerprint, mine), alone));
    } else {
      touched.add(e.uid());
    }
  }

  /** The stored versions of each UID this file has met, as {@link #upsert} keeps them up to date. */
  private final Map<String, Map<String, EventStore.Version>> versions = new java.util.HashMap<>();

  /** UID + recurrence id of every event this file created, updated or confirmed unchanged. */
  private final Set<String> seen = new java.util.HashSet<>();

  /**
   * For a feed, which is the whole calendar every time: events it no longer lists are marked
   * cancelled (so that their reminders are withdrawn), with one note.
   */
  void retireMissing() throws SQLException {
    int gone = 0;
    for (String[] row : ctx.store().bySource(c, source)) {
      if (seen.contains(row[1] + "\n" + row[2]) || "CANCELLED".equals(row[3])) {
        continue;
      }
      ctx.store().retire(c, Long.parseLong(row[0]), ctx.now());
      versions.remove(row[1]);
      touched.add(row[1]);
      gone++;
    }
    if (gone > 0) {
      tally.note("feed", gone + " events no longer in the feed; marked cancelled");
    }
  }

  /** UIDs materialised on the fly; a second component of the same UID sends it to {@link #finish}. */
  private final Set<String> done = new java.util.HashSet<>();

  /**
   * The stored rows an iTIP message (CANCEL, REPLY) addresses: the series master, and the row it
   * targets: the master itself, or the stored override of one occurrence ({@code rid} is then that
   * occurrence's key, computed against the master so a UTC RECURRENCE-ID finds a zoned series).
   */
  private record Addressed(EventStore.Stored master, EventStore.Stored target, String rid) {
    /** One occurrence of a known series that has no row of its own yet. */
    boolean bareOccurrence() {
      return rid != null && target == null && master != null;
    }
  }

  private Addressed addressed(Event e) throws SQLException {
    EventStore.Stored master = ctx.store().find(c, e.uid(), "");
    if (!e.isOverride()) {
      return new Addressed(master, master, null);
    }
    String rid = master == null ? e.recurrenceId() : overrideKey(e, master);
    return new Addressed(master, ctx.store().find(c, e.uid(), rid), rid);
  }

  private void cancel(Event e, RawComponent raw, String where) throws SQLException {
    versions.remove(e.uid()); // a cancel writes rows and versions of its own
    Addressed addressed = addressed(e);
    EventStore.Stored master = addressed.master();
    EventStore.Stored target = addressed.target();
    if (addressed.bareOccurrence()) {
      if (!fromOrganizer(e, master, where)) {
        return;
      }
      Event override = overrideOf(master, raw, addressed.rid(), "CANCELLED");
      if (override == null) {
        tally.rejected(where, "cannot place the cancelled occurrence " + e.recurrenceId());
        return;
      }
      ctx.store().save(c, null, override, fingerprint(override.component()), master.mine(), source, ctx.now());
      tally.merged();
      touched.add(e.uid());
      return;
    }
    if (target == null) {
      tally.unchanged();
      tally.note(where, "CANCEL for an event Kith does not know; nothing to do");
      return;
    }
    if (!fromOrganizer(e, target, where)) {
      return;
    }
    if (e.sequence() < target.event().sequence()) {
      tally.unchanged();
      tally.note(where, "CANCEL older than what is stored (SEQUENCE " + e.sequence() + " < " + target.event().sequence() + "); ignored");
      return;
    }
    if (target.event().cancelled()) {
      tally.unchanged();
      return;
    }
    ctx.store().setStatus(c, target.id(), "CANCELLED", Math.max(e.sequence(), target.event().sequence()), ctx.now());
    tally.merged();
    touched.add(e.uid());
  }

  private boolean fromOrganizer(Event cancel, EventStore.Stored stored, String where) {
    String want = stored.event().organizerEmail();
    String got = cancel.organizerEmail();
    boolean ok = want == null || got != null && want.equalsIgnoreCase(got);
    if (!ok) {
      tally.unchanged();
      tally.note(where, "CANCEL not from the organizer (" + (got == null ? "no ORGANIZER" : got) + "); ignored");
    }
    return ok;
  }

  private void reply(Event e, RawComponent raw, String where) throws SQLException {
    versions.remove(e.uid());
    Addressed addressed = addressed(e);
    EventStore.Stored master = addressed.master();
    EventStore.Stored target = addressed.target();
    if (addressed.bareOccurrence()) {
      Event override = overrideOf(master, raw, addressed.rid(), master.event().status());
      if (override != null) {
        long id = ctx.store().save(c, null, override, fingerprint(override.component()), master.mine(), source, ctx.now());
        target = ctx.store().find(c, e.uid(), addressed.rid());
        touched.add(e.uid());
        if (target == null || target.id() != id) {
          target = null;
        }
      }
    }
    if (target == null) {
      tally.unchanged();
      tally.note(where, "REPLY for an event Kith does not know; nothing to do");
      return;
    }
    if (e.attendees().isEmpty()) {
      tally.rejected(where, "REPLY without an ATTENDEE");
      return;
    }
    boolean changed = false;
    for (Attendee a : e.attendees()) {
      if (a.partstat() == null) {
        continue;
      }
      if (ctx.store().setPartstat(c, target.id(), a.email(), a.partstat(), a.comment())) {
        changed = true;
      } else if (target.event().attendees().stream().noneMatch(x -> x.email().equalsIgnoreCase(a.email()))) {
        tally.note(where, "REPLY from " + a.email() + ", who is not on the invitation; ignored");
      }
    }
    if (changed) {
      tally.merged();
      touched.add(e.uid());
    } else {
      tally.unchanged();
    }
  }

  /** A new override row for one occurrence of a stored series, built from the master's component. */
  private Event overrideOf(EventStore.Stored master, RawComponent incoming, String rid, String status) throws SQLException {
    List<RawComponent> stored = StoredComponents.components(master.event().component());
    if (stored.isEmpty()) {
      return null;
    }
    RawComponent vevent = stored.get(stored.size() - 1);
    Zones z = new Zones(ctx.owner());
    stored.stream().filter(s -> s.name().equals("VTIMEZONE")).forEach(z::add);
    List<RawProperty> add = new ArrayList<>();
    boolean allDay = rid.length() == 8;
    Map<String, String> dateParam = allDay ? Map.of("VALUE", "DATE") : Map.of();
    add.add(new RawProperty("RECURRENCE-ID", dateParam, rid));
    RawProperty start = incoming.first("DTSTART");
    RawProperty end = incoming.first("DTEND");
    if (start != null && incoming.first("RECURRENCE-ID") != null) {
      add.add(start);
      if (end != null) {
        add.add(end);
      }
    } else {
      add.add(new RawProperty("DTSTART", dateParam, rid));
      if (allDay) {
        add.add(new RawProperty("DURATION", Map.of(), "P" + Math.max(1, master.event().timing().days()) + "D"));
      } else {
        Duration d = master.event().timing() == null ? Duration.ZERO : master.event().timing().duration();
        add.add(new RawProperty("DURATION", Map.of(), d.toString()));
      }
    }
    if (status != null) {
      add.add(new RawProperty("STATUS", Map.of(), status));
    }
    RawProperty seq = incoming.first("SEQUENCE");
    if (seq != null) {
      add.add(seq);
    }
    RawComponent override = vevent.with(
        List.of("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "DTSTART", "DTEND", "DURATION", "STATUS", "SEQUENCE"), add);
    try {
      Event e = new EventReader(z, (w, r) -> {}).read(override, true);
      e = e.withAttendees(master.event().attendees()).withComponent(StoredComponents.text(override, z));
      return withRid(e, rid);
    } catch (EventReader.Rejected r) {
      return null;
    }
  }

  private static String overrideKey(Event e, EventStore.Stored master) {
    return app.kith.calendar.Recurrence.keyOf(e, master.event());
  }

  private static Event withRid(Event e, String rid) {
    return rid.equals(e.recurrenceId()) ? e : e.withRecurrenceId(rid);
  }

  static boolean stale(Event incoming, Event stored) {
    return stale(incoming, stored.sequence(), stored.dtstamp());
  }

  static boolean stale(Event incoming, int sequence, Instant dtstamp) {
    if (incoming.sequence() != sequence) {
      return incoming.sequence() < sequence;
    }
    return incoming.dtstamp() != null && dtstamp != null && incoming.dtstamp().isBefore(dtstamp);
  }

  static String fingerprint(String component) {
    StringBuilder b = new StringBuilder(component.length());
    for (String line : component.split("\r\n")) {
      if (!line.startsWith("DTSTAMP")) {
        b.append(line).append('\n');
      }
    }
    return app.kith.calendar.EventReader.fingerprint(b.toString());
  }

  /** Materialises the occurrences of every UID touched, and records past meetings of mine. */
  void finish() throws SQLException {
    for (String uid : touched) {
      record(uid, ctx.store().materialise(c, uid, ctx.windowFrom(), ctx.windowTo()));
    }
    flushMeetings();
    // each contact's last interaction and next due once per file, not once per meeting
    ctx.interactions().refreshAll(c, met, ctx.now());
    met.clear();
  }

  /** Meetings waiting to be recorded in one batch (bounded, so memory stays flat on big files). */
  private final List<Interactions.Pending> meetings = new ArrayList<>();
  /** Contacts that got a new interaction from this file, refreshed once in {@link #finish}. */
  private final Set<Long> met = new java.util.HashSet<>();

  private static final int MEETING_BATCH = 2000;

  private void flushMeetings() throws SQLException {
    if (!meetings.isEmpty()) {
      ctx.interactions().recordAll(c, meetings, met, ctx.now());
      meetings.clear();
    }
  }

  private void record(String uid, List<EventStore.Materialised> occurrences) throws SQLException {
    Instant now = ctx.now();
    for (EventStore.Materialised m : occurrences) {
      var o = m.occurrence();
      if (!m.row().mine() || o.cancelled() || o.event().cancelled() || o.end().isAfter(now)) {
        continue;
      }
      for (Attendee a : m.row().event().attendees()) {
        if (a.contactId() == null || a.declined() || !a.isPerson() || ctx.people().isMe(a.email())) {
          continue;
        }
        String key = "meeting:" + uid + ":" + o.recurrenceId() + ":" + a.contactId();
        if (key.length() <= 1200) {
          meetings.add(new Interactions.Pending(a.contactId(), o.start(), "meeting", o.event().summary(), key));
        }
      }
    }
    if (meetings.size() >= MEETING_BATCH) {
      flushMeetings();
    }
  }
}
