package app.kith.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One occurrence of an event: when it starts and ends (UTC), and the event whose details apply (the
 * override when there is one, else the master). {@code recurrenceId} is empty for a single event.
 */
public record Occurrence(
    String uid,
    String recurrenceId,
    Instant start,
    Instant end,
    boolean allDay,
    LocalDate startDate,
    LocalDate endDate,
    boolean recurring,
    boolean cancelled,
    Event event) {}
