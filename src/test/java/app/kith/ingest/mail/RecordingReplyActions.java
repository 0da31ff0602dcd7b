package app.kith.ingest.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records which reminder actions replies asked for (a service test binds it as {@code replyActions}). */
public final class RecordingReplyActions implements ReplyActions {
  public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void done(long reminderId) {
    CALLS.add("done " + reminderId);
  }

  @Override
  public void snooze(long reminderId, Instant until) {
    CALLS.add("snooze " + reminderId + " " + until);
  }
}
