package app.kith.calendar;

/** Someone invited to an event; {@code contactId} once matched to a contact. */
public record Attendee(
    String email, String name, String partstat, String role, String cutype, String comment, Long contactId) {

  public boolean declined() {
    return "DECLINED".equalsIgnoreCase(partstat);
  }

  /** Rooms and resources are never people. */
  public boolean isPerson() {
    return cutype == null || !(cutype.equalsIgnoreCase("ROOM") || cutype.equalsIgnoreCase("RESOURCE"));
  }

  public Attendee withContact(Long id) {
    return new Attendee(email, name, partstat, role, cutype, comment, id);
  }

  public Attendee withPartstat(String p, String c) {
    return new Attendee(email, name, p, role, cutype, c == null ? comment : c, contactId);
  }
}
