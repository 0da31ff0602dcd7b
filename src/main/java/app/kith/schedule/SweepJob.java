package app.kith.schedule;

import app.kith.app.Kith;

/** What the {@code schedule-sweep} route calls: one sweep at the service clock's now. */
public final class SweepJob {

  private final Kith kith;

  public SweepJob(Kith kith) {
    this.kith = kith;
  }

  public SweepResult run() {
    return new Sweep(kith).run(kith.clock().instant());
  }
}
