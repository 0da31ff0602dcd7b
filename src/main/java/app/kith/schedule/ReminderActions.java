package app.kith.schedule;

import app.kith.KithException;
import app.kith.app.Kith;
import java.time.Instant;

/** What a user can do to a reminder, from the command line, a reply e-mail or the web. */
public final class ReminderActions {

  private final Kith kith;

  public ReminderActions(Kith kith) {
    this.kith = kith;
  }

  /** Marks a reminder done (for keep-in-touch: records that I reached out, now). */
  public void done(long reminderId) {
    throw new KithException("reminders are not available in this build");
  }

  /** Hides a reminder until an instant. */
  public void snooze(long reminderId, Instant until) {
    throw new KithException("reminders are not available in this build");
  }
}
