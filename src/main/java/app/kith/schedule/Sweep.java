package app.kith.schedule;

import app.kith.app.Kith;
import java.time.Instant;

/**
 * One pass of the reminder rules at an instant: creates the reminders that have come due, moves or
 * withdraws those whose event changed, and closes follow-ups answered by an interaction. Safe to run
 * twice or on several nodes at once.
 */
public final class Sweep {

  private final Kith kith;

  public Sweep(Kith kith) {
    this.kith = kith;
  }

  public SweepResult run(Instant now) {
    return new SweepResult(0, 0, 0, 0);
  }
}
