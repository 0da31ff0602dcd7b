package app.kith.ingest.mail;

import app.kith.app.Kith;
import app.kith.schedule.ReminderActions;
import java.time.Instant;

/** Replies act on reminders exactly as the {@code done} and {@code snooze} commands do. */
public final class ReminderReplyActions implements ReplyActions {

  private final ReminderActions actions;

  public ReminderReplyActions(Kith kith) {
    this.actions = new ReminderActions(kith);
  }

  @Override
  public void done(long reminderId) {
    actions.done(reminderId);
  }

  @Override
  public void snooze(long reminderId, Instant until) {
    actions.snooze(reminderId, until);
  }
}
