package app.kith.schedule;

import java.time.Instant;

/**
 * One reminder as the commands and messages show it: the rule that made it, when it is due, its
 * state, and the contact or event it is about (either may be null).
 */
public record Reminder(
    long id,
    String kind,
    String key,
    Instant dueAt,
    String title,
    String status,
    Instant snoozedUntil,
    Instant notifiedAt,
    Instant doneAt,
    Person contact,
    Event event) {

  public static final String PREPARE = "prepare";
  public static final String FOLLOW_UP = "follow-up";
  public static final String KEEP_IN_TOUCH = "keep-in-touch";

  public static final String DUE = "due";
  public static final String SNOOZED = "snoozed";
  public static final String DONE = "done";
  public static final String WITHDRAWN = "withdrawn";

  /** The contact a reminder is about. */
  public record Person(long id, String name, String email) {}

  /** The event occurrence a reminder is about. */
  public record Event(String uid, String recurrenceId, String summary, Instant start) {}

  /** Whether it still asks for something (due or snoozed). */
  public boolean open() {
    return DUE.equals(status) || SNOOZED.equals(status);
  }
}
