package app.kith.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A person in the network, as {@code kith contacts --json} shows them. */
public record Contact(
    long id,
    String name,
    List<String> emails,
    List<String> phones,
    String organization,
    String title,
    String birthday,
    String notes,
    LocalDate since,
    String cadence,
    Instant lastInteraction,
    Instant nextDue,
    List<String> sources) {

  public Contact {
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    sources = List.copyOf(sources);
  }

  /** The best short label: the name, else the first e-mail address, organisation or phone. */
  public String label() {
    if (name != null) {
      return name;
    }
    if (!emails.isEmpty()) {
      return emails.get(0);
    }
    if (organization != null) {
      return organization;
    }
    return phones.isEmpty() ? "#" + id : phones.get(0);
  }
}
