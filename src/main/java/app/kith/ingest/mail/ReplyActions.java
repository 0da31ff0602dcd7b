package app.kith.ingest.mail;

import java.time.Instant;

/**
 * What a reply to one of Kith's messages may do to a reminder. A seam: production hands these to
 * {@link app.kith.schedule.ReminderActions}; tests see which action was asked for.
 */
public interface ReplyActions {

  void done(long reminderId);

  void snooze(long reminderId, Instant until);
}
