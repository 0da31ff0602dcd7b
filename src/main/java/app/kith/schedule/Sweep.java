package app.kith.schedule;

import app.kith.app.Kith;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the reminder rules at an instant: creates the reminders that have come due, moves or
 * withdraws those whose event changed, and closes follow-ups answered by an interaction. Safe to run
 * twice or on several nodes at once.
 *
 * <p>The sweep is state-based: it compares indexed tables (occurrences, {@code contact_due},
 * reminders) with {@code now}, so a service that was stopped catches up by itself on its next pass,
 * and a second pass at the same instant changes nothing. One pass is one transaction holding the
 * sweep lock row ({@code FOR UPDATE SKIP LOCKED}): a pass that finds the lock taken returns at once
 * and leaves the work to the pass that holds it; unique {@code reminder_key}s stand behind that.
 */
public final class Sweep {

  private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

  private final Kith kith;

  public Sweep(Kith kith) {
    this.kith = kith;
  }

  public SweepResult run(Instant now) {
    ScheduleSettings settings = ScheduleSettings.of(kith.config());
    SweepResult result =
        kith.database()
            .inTransaction(
                c -> {
                  Tally tally = new Tally();
                  if (!lock(c)) {
                    LOG.debug("another sweep is running; this one skips");
                    return tally.result();
                  }
                  wakeSnoozed(c, now);
                  new PrepareRule(settings).apply(c, now, tally);
                  new FollowUpRule(settings).apply(c, now, tally);
                  new KeepInTouchRule(settings).apply(c, now, tally);
                  return tally.result();
                });
    if (result.created() + result.moved() + result.withdrawn() + result.closed() > 0) {
      LOG.info(
          "sweep at {}: {} created, {} moved, {} withdrawn, {} closed",
          now, result.created(), result.moved(), result.withdrawn(), result.closed());
    }
    return result;
  }

  private static boolean lock(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name FROM app_setting WHERE name = 'schedule.sweep.lock' FOR UPDATE SKIP LOCKED");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** Snoozed reminders whose time has come are due again, and announced again. */
  static int wakeSnoozed(Connection c, Instant now) throws SQLException {
    List<Long> ids =
        ReminderRows.ids(
            c,
            "SELECT id FROM reminder WHERE status = 'snoozed' AND snoozed_until <= ? FOR UPDATE SKIP LOCKED",
            now);
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE reminder SET status = 'due', due_at = snoozed_until, notified_at = NULL, updated_at = ?"
                + " WHERE id = ? AND status = 'snoozed'")) {
      for (long id : ids) {
        Sql.setInstant(ps, 1, now);
        ps.setLong(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return ids.size();
  }
}
