package app.kith.notify;

/** A composed email before it enters the outbox: subject, both alternatives, the calendar part. */
public record Mail(String subject, String text, String html, String ics) {}
