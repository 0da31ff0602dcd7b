package app.kith.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One VEVENT as Kith keeps it: a single event, the master of a series ({@code recurrenceId} empty)
 * or an override of one occurrence ({@code recurrenceId} = the UTC instant "yyyyMMddTHHmmssZ", or
 * the date "yyyyMMdd" for all-day series, of the occurrence it replaces).
 */
public record Event(
    String uid,
    String recurrenceId,
    int sequence,
    Instant dtstamp,
    String status,
    String summary,
    String description,
    String location,
    String joinUrl,
    String organizerEmail,
    String organizerName,
    boolean allDay,
    Instant start,
    Instant end,
    LocalDate startDate,
    LocalDate endDate,
    String tzid,
    List<Attendee> attendees,
    Timing timing,
    String component) {

  public boolean cancelled() {
    return "CANCELLED".equalsIgnoreCase(status);
  }

  public boolean isOverride() {
    return !recurrenceId.isEmpty();
  }

  public boolean recurring() {
    return isOverride() || (timing != null && timing.recurs());
  }

  public Event withAttendees(List<Attendee> list) {
    return new Event(uid, recurrenceId, sequence, dtstamp, status, summary, description, location, joinUrl,
        organizerEmail, organizerName, allDay, start, end, startDate, endDate, tzid, list, timing, component);
  }

  public Event withStatus(String s) {
    return new Event(uid, recurrenceId, sequence, dtstamp, s, summary, description, location, joinUrl,
        organizerEmail, organizerName, allDay, start, end, startDate, endDate, tzid, attendees, timing, component);
  }

  public Event withComponent(String text) {
    return new Event(uid, recurrenceId, sequence, dtstamp, status, summary, description, location, joinUrl,
        organizerEmail, organizerName, allDay, start, end, startDate, endDate, tzid, attendees, timing, text);
  }

  public Event withRecurrenceId(String rid) {
    return new Event(uid, rid, sequence, dtstamp, status, summary, description, location, joinUrl,
        organizerEmail, organizerName, allDay, start, end, startDate, endDate, tzid, attendees, timing, component);
  }
}
