package app.kith.schedule;

/** What one sweep did: reminders created, moved (their event moved), withdrawn and closed by themselves. */
public record SweepResult(int created, int moved, int withdrawn, int closed) {}
