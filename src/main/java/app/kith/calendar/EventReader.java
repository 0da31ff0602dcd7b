package app.kith.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;

/**
 * Gives meaning to a VEVENT: dates in their zones, all-day forms, recurrence, people, join link. A
 * value that cannot be read costs this event only ({@link Rejected}); smaller problems are notes.
 */
public final class EventReader {

  /** The event could not be read: why. */
  public static final class Rejected extends Exception {
    public Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  static final DateTimeFormatter RID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern JOIN =
      Pattern.compile(
          "https://(?:[\\w-]+\\.)*(?:teams\\.microsoft\\.com|teams\\.live\\.com|meet\\.google\\.com|zoom\\.us|zoomgov\\.com"
              + "|webex\\.com|whereby\\.com|gotomeeting\\.com|meet\\.jit\\.si)[^\\s\"<>\\\\)]*",
          Pattern.CASE_INSENSITIVE);

  /** The longest description kept (an invitation's agenda with a call's dial-in text is a few KiB). */
  static final int MAX_DESCRIPTION = 32 * 1024;

  private static final List<String> ONCE =
      List.of("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "SEQUENCE", "STATUS", "SUMMARY", "ORGANIZER");

  private final Zones zones;
  private final BiConsumer<String, String> notes;

  public EventReader(Zones zones, BiConsumer<String, String> notes) {
    this.zones = zones;
    this.notes = notes;
  }

  /** Reads a VEVENT; {@code needsStart} is false for CANCEL and REPLY, which may omit DTSTART. */
  public Event read(RawComponent c, boolean needsStart) throws Rejected {
    String uid = c.text("UID");
    if ((uid == null || uid.isBlank()) && c.first("DTSTART") == null && needsStart) {
      throw new Rejected("event without UID or DTSTART: nothing to keep");
    }
    if (uid == null || uid.isBlank()) {
      uid = "kith-" + hash(c.toText());
      notes.accept("component " + c.line(), "event without UID; given the stable id " + uid);
    }
    if (uid.length() > 1000) {
      throw new Rejected("UID longer than 1000 characters");
    }
    String where = "UID " + uid;
    BiConsumer<String, String> note = (w, r) -> notes.accept(where, r);
    for (String once : ONCE) {
      if (c.all(once).size() > 1) {
        throw new Rejected(once + " appears " + c.all(once).size() + " times; it may appear only once");
      }
    }

    RawProperty dtstartProp = c.first("DTSTART");
    Timing timing = null;
    Instant start = null;
    Instant end = null;
    LocalDate startDate = null;
    LocalDate endDate = null;
    String tzid = null;
    boolean allDay = false;
    Zones.Zone zone = null;
    if (dtstartProp != null) {
      Value s = value(dtstartProp, note);
      zone = s.zone;
      tzid = s.zone == null ? null : s.zone.label();
      boolean cdoAllDay = "TRUE".equalsIgnoreCase(c.text("X-MICROSOFT-CDO-ALLDAYEVENT"))
          || "TRUE".equalsIgnoreCase(c.text("X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT"));
      RawProperty dtendProp = c.first("DTEND");
      Value e = dtendProp == null ? null : value(dtendProp, note);
      if (s.date == null && cdoAllDay && s.local.toLocalTime().equals(LocalTime.MIDNIGHT)
          && (e == null || e.local != null && e.local.toLocalTime().equals(LocalTime.MIDNIGHT))) {
        // Outlook writes all-day events as midnight to midnight, flagged by this property
        s = Value.ofDate(s.local.toLocalDate());
        e = e == null ? null : Value.ofDate(e.local.toLocalDate());
        tzid = null;
      }
      if (s.date != null) {
        allDay = true;
        startDate = s.date;
        LocalDate endD = e == null ? null : e.date != null ? e.date : e.local.toLocalDate();
        if (endD == null && c.first("DURATION") != null) {
          endD = startDate.plusDays(Math.max(1, duration(c.first("DURATION").value()).toDays()));
        }
        if (endD == null || !endD.isAfter(startDate)) {
          endD = startDate.plusDays(1);
        }
        endDate = endD;
        tzid = null;
        var owner = zones.ownerZone();
        start = startDate.atStartOfDay(owner).toInstant();
        end = endDate.atStartOfDay(owner).toInstant();
        timing = timing(c, s.zone == null ? zones.floating() : s.zone, null, null, startDate,
            (int) java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate), note);
      } else {
        Timing partial = timing(c, s.zone, s.local, Duration.ZERO, null, 0, note);
        start = partial.place(s.local);
        if (e != null) {
          end = e.date != null ? partial.place(e.date.atStartOfDay()) : e.instant(this);
        } else if (c.first("DURATION") != null) {
          end = start.plus(duration(c.first("DURATION").value()));
        } else {
          end = start;
        }
        if (end.isBefore(start)) {
          note.accept(where, "DTEND before DTSTART; the event is taken as lasting no time");
          end = start;
        }
        timing = new Timing(partial.rules(), s.local, Duration.between(start, end), null, 0, partial.rrules(),
            partial.rdates(), partial.rdateDates(), partial.exdates(), partial.exdateDates(), null, null);
      }
    } else if (needsStart) {
      if (c.text("SUMMARY") == null || c.text("SUMMARY").isBlank()) {
        throw new Rejected("event without DTSTART or SUMMARY: nothing to keep");
      }
      note.accept(where, "event without DTSTART; kept without a time (no occurrences)");
    }

    String recurrenceId = "";
    Instant ridInstant = null;
    LocalDate ridDate = null;
    RawProperty ridProp = c.first("RECURRENCE-ID");
    if (ridProp != null) {
      Value r = value(ridProp, note);
      if (r.date != null) {
        ridDate = r.date;
        recurrenceId = DATE.format(r.date);
      } else {
        ridInstant = r.instant(this);
        ridDate = r.local.toLocalDate();
        recurrenceId = RID.format(ridInstant);
      }
      if (ridProp.param("RANGE") != null) {
        note.accept(where, "RECURRENCE-ID;RANGE=" + ridProp.param("RANGE") + " applied to this occurrence only");
      }
    }
    if (timing != null) {
      timing = new Timing(timing.rules(), timing.localStart(), timing.duration(), timing.date(), timing.days(),
          ridProp == null ? timing.rrules() : List.of(), ridProp == null ? timing.rdates() : List.of(),
          ridProp == null ? timing.rdateDates() : List.of(), timing.exdates(), timing.exdateDates(), ridInstant, ridDate);
    }

    String status = upper(c.text("STATUS"));
    int sequence = 0;
    if (c.text("SEQUENCE") != null) {
      try {
        sequence = Integer.parseInt(c.text("SEQUENCE").trim());
      } catch (NumberFormatException ex) {
        note.accept(where, "SEQUENCE '" + c.text("SEQUENCE") + "' is not a number; 0 assumed");
      }
    }
    Instant dtstamp = null;
    if (c.first("DTSTAMP") != null) {
      try {
        dtstamp = value(c.first("DTSTAMP"), note).instant(this);
      } catch (Rejected ex) {
        note.accept(where, "DTSTAMP unreadable; ignored");
      }
    }

    String organizerEmail = null;
    String organizerName = null;
    RawProperty org = c.first("ORGANIZER");
    if (org != null) {
      organizerEmail = email(org.value());
      organizerName = cut(org.param("CN"), 500);
    }
    Map<String, Attendee> attendees = new LinkedHashMap<>();
    for (RawProperty a : c.all("ATTENDEE")) {
      String email = email(a.value());
      if (email == null) {
        note.accept(where, "attendee without an email address skipped");
        continue;
      }
      attendees.putIfAbsent(email.toLowerCase(Locale.ROOT), new Attendee(email, cut(a.param("CN"), 500),
          upper(a.param("PARTSTAT")), upper(a.param("ROLE")), upper(a.param("CUTYPE")), null, null));
    }
    for (RawProperty cm : c.all("COMMENT")) {
      // replies carry the attendee's comment; keep it with the only attendee of a reply
      if (attendees.size() == 1) {
        var only = attendees.entrySet().iterator().next();
        only.setValue(new Attendee(only.getValue().email(), only.getValue().name(), only.getValue().partstat(),
            only.getValue().role(), only.getValue().cutype(), cut(cm.text(), 2000), null));
      }
    }

    String summary = c.text("SUMMARY");
    if (summary != null && summary.length() > 2000) {
      note.accept(where, "SUMMARY of " + summary.length() + " characters cut to 2000");
      summary = cut(summary, 2000);
    }
    String description = c.text("DESCRIPTION");
    String location = cut(c.text("LOCATION"), 2000);
    String joinUrl = joinUrl(c, location, description); // from the whole text, before it is cut
    if (description != null && description.length() > MAX_DESCRIPTION) {
      // every occurrence, brief and feed entry carries it: an 8 MB one made `events --json` run out of memory
      note.accept(where, "DESCRIPTION of " + description.length() + " characters cut to " + MAX_DESCRIPTION);
      description = cut(description, MAX_DESCRIPTION);
    }
    return new Event(uid, recurrenceId, sequence, dtstamp, status, summary, description, location, joinUrl,
        organizerEmail, organizerName, allDay, start, end, startDate, endDate, tzid, List.copyOf(attendees.values()),
        timing, null);
  }

  private Timing timing(RawComponent c, Zones.Zone zone, LocalDateTime local, Duration d, LocalDate date, int days,
      BiConsumer<String, String> note) throws Rejected {
    Zones.Zone z = zone == null ? zones.floating() : zone;
    Timing base = new Timing(z.rules(), local, d, date, days, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    List<String> rrules = new ArrayList<>();
    for (RawProperty r : c.all("RRULE")) {
      String rule = r.value().trim();
      if (rule.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
        rule = rule.substring(6);
      }
      rule = normaliseUntil(rule, base);
      try {
        new Recur<>(rule);
      } catch (RuntimeException ex) {
        throw new Rejected("RRULE '" + r.value() + "' is not a recurrence rule: " + ex.getMessage());
      }
      if (!rule.toUpperCase(Locale.ROOT).contains("FREQ=")) {
        throw new Rejected("RRULE '" + r.value() + "' has no FREQ");
      }
      rrules.add(rule);
    }
    List<Instant> rdates = new ArrayList<>();
    List<LocalDate> rdateDates = new ArrayList<>();
    dates(c.all("RDATE"), base, rdates, rdateDates, note);
    List<Instant> exdates = new ArrayList<>();
    List<LocalDate> exdateDates = new ArrayList<>();
    dates(c.all("EXDATE"), base, exdates, exdateDates, note);
    return new Timing(z.rules(), local, d, date, days, rrules, rdates, rdateDates, exdates, exdateDates, null, null);
  }

  /** UNTIL in UTC (or as a date) is turned into the event's local time, where expansion happens. */
  private static String normaliseUntil(String rule, Timing base) {
    Matcher m = Pattern.compile("(?i)UNTIL=([0-9T]+Z?)").matcher(rule);
    if (!m.find()) {
      return rule;
    }
    String until = m.group(1).toUpperCase(Locale.ROOT);
    String local;
    try {
      if (base.date() != null) {
        local = until.substring(0, 8);
      } else if (until.length() == 8) {
        local = until + "T235959";
      } else if (until.endsWith("Z")) {
        Instant i = LocalDateTime.parse(until.substring(0, 15), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).toInstant(ZoneOffset.UTC);
        local = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(LocalDateTime.ofInstant(i, base.rules().getOffset(i)));
      } else {
        local = until;
      }
    } catch (RuntimeException e) {
      return rule;
    }
    return rule.substring(0, m.start(1)) + local + rule.substring(m.end(1));
  }

  private void dates(List<RawProperty> props, Timing base, List<Instant> instants, List<LocalDate> dates,
      BiConsumer<String, String> note) {
    for (RawProperty p : props) {
      if ("PERIOD".equalsIgnoreCase(p.param("VALUE"))) {
        note.accept("", p.name() + " periods are read by their start");
      }
      for (String one : p.value().split(",")) {
        String v = one.trim();
        int slash = v.indexOf('/');
        if (slash > 0) {
          v = v.substring(0, slash);
        }
        if (v.isEmpty()) {
          continue;
        }
        try {
          Value val = value(new RawProperty(p.name(), p.params(), v), note);
          if (val.date != null) {
            dates.add(val.date);
          } else {
            instants.add(val.instant(this));
            if (p.name().equals("EXDATE") && val.utc == null && base.localStart() != null
                && val.zone != null && !val.zone.rules().equals(base.rules())) {
              // Outlook writes EXDATEs in another zone than DTSTART with the same wall time: take that too
              instants.add(base.place(val.local));
            }
          }
        } catch (Rejected e) {
          note.accept("", p.name() + " value '" + v + "' unreadable; ignored");
        }
      }
    }
  }

  // --- values -----------------------------------------------------------------------------------

  /** A DATE, a UTC instant, or a local time with its zone. */
  record Value(LocalDate date, LocalDateTime local, Instant utc, Zones.Zone zone) {
    static Value ofDate(LocalDate d) {
      return new Value(d, null, null, null);
    }

    Instant instant(EventReader r) {
      if (date != null) {
        return date.atStartOfDay(r.zones.ownerZone()).toInstant();
      }
      if (utc != null) {
        return utc;
      }
      Zones.Zone z = zone == null ? r.zones.floating() : zone;
      return new Timing(z.rules(), local, null, null, 0, List.of(), List.of(), List.of(), List.of(), List.of(), null, null)
          .place(local);
    }
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private Value value(RawProperty p, BiConsumer<String, String> note) throws Rejected {
    String v = p.value().trim().toUpperCase(Locale.ROOT);
    try {
      if (v.length() == 8 || "DATE".equalsIgnoreCase(p.param("VALUE")) && v.length() >= 8 && v.indexOf('T') < 0) {
        return Value.ofDate(LocalDate.parse(v.substring(0, 8), DATE));
      }
      String digits = v.endsWith("Z") ? v.substring(0, v.length() - 1) : v;
      if (digits.length() == 13) {
        digits = digits + "00";
      }
      LocalDateTime local = LocalDateTime.parse(digits, LOCAL);
      if (v.endsWith("Z")) {
        Instant i = local.toInstant(ZoneOffset.UTC);
        return new Value(null, local, i, new Zones.Zone("UTC", ZoneOffset.UTC.getRules()));
      }
      String tzid = p.param("TZID");
      Zones.Zone zone = tzid == null || Zones.clean(tzid).isEmpty() ? zones.floating() : zones.resolve(tzid, note);
      return new Value(null, local, null, zone);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new Rejected(p.name() + " value '" + p.value() + "' is not a date or date-time");
    }
  }

  static Duration duration(String v) {
    try {
      String s = v.trim().toUpperCase(Locale.ROOT);
      boolean neg = s.startsWith("-");
      s = s.replaceFirst("^[+-]", "");
      Duration d;
      if (s.contains("W")) {
        d = Duration.ofDays(7L * Long.parseLong(s.replaceAll("[^0-9]", "")));
      } else {
        int t = s.indexOf('T');
        String datePart = t < 0 ? s : s.substring(0, t);
        long days = datePart.length() > 2 ? Long.parseLong(datePart.replaceAll("[^0-9]", "")) : 0;
        d = Duration.ofDays(days);
        if (t >= 0) {
          d = d.plus(Duration.parse("PT" + s.substring(t + 1)));
        }
      }
      return neg ? Duration.ZERO : d;
    } catch (RuntimeException e) {
      return Duration.ZERO;
    }
  }

  static String email(String calAddress) {
    if (calAddress == null) {
      return null;
    }
    String s = calAddress.trim();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7);
    }
    s = s.replaceAll("\\s+", "");
    if (s.length() > 320 || s.indexOf('@') <= 0 || s.indexOf('@') == s.length() - 1) {
      return null;
    }
    return s;
  }

  private static String joinUrl(RawComponent c, String location, String description) {
    for (String name : List.of("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-ONLINEMEETINGCONFLINK")) {
      String v = c.text(name);
      if (v != null && v.regionMatches(true, 0, "https://", 0, 8)) {
        return cut(v, 2000);
      }
    }
    for (String text : new String[] {location, c.text("URL"), description}) {
      if (text != null) {
        Matcher m = JOIN.matcher(text);
        if (m.find()) {
          return cut(m.group(), 2000);
        }
      }
    }
    return null;
  }

  private static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** A short stable digest of a text (stored fingerprints, generated UIDs). */
  public static String fingerprint(String s) {
    return hash(s);
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
