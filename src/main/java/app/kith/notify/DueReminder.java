package app.kith.notify;

import java.time.Instant;

/** A reminder row as delivery reads it. */
public record DueReminder(
    long id, String kind, String key, Long contactId, String eventUid, String recurrenceId, String title,
    Instant dueAt) {

  public static final String PREPARE = "prepare";
  public static final String FOLLOW_UP = "follow-up";
  public static final String KEEP_IN_TOUCH = "keep-in-touch";
}
