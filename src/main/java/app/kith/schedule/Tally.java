package app.kith.schedule;

/** Counts what one sweep did, rule by rule. */
final class Tally {
  int created;
  int moved;
  int withdrawn;
  int closed;

  SweepResult result() {
    return new SweepResult(created, moved, withdrawn, closed);
  }
}
