package app.kith.notify;

import app.kith.app.Kith;
import app.kith.feed.ReminderCalendar;
import java.time.Instant;

/**
 * One delivery pass at an instant: due reminders into the outbox, the outbox out, the calendar
 * files in step. The service's {@code deliver-outbox} route calls {@link #tick()}; {@code run --once}
 * calls {@link #run(Instant)}.
 */
public final class Delivery {

  /** What one pass did. */
  public record Result(Dispatcher.Result dispatched, Relay.Result relayed, int calendarWritten) {}

  private final Kith kith;
  private final Dispatcher dispatcher;
  private final Relay relay;
  private final ReminderCalendar calendar;

  public Delivery(Kith kith) {
    this.kith = kith;
    this.dispatcher = new Dispatcher(kith);
    this.relay = new Relay(kith);
    this.calendar = new ReminderCalendar(kith);
  }

  /**
   * A pass at the clock's now (the route's entry point). It sweeps first, so that the digest
   * written at 08:00 holds every reminder due at 08:00 even when the schedule's own sweep has not
   * come round yet (a sweep is idempotent; running it here as well costs only the rows due).
   */
  public synchronized Result tick() {
    Instant now = kith.clock().instant();
    new app.kith.schedule.Sweep(kith).run(now);
    return run(now);
  }

  public synchronized Result run(Instant now) {
    Dispatcher.Result d = dispatcher.run(now);
    Relay.Result r = relay.run(now);
    int written = calendar.writeFiles();
    return new Result(d, r, written);
  }
}
