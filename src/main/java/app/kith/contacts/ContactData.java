package app.kith.contacts;

import java.time.LocalDate;
import java.util.List;

/**
 * What one source says about a person, cleaned: trimmed values, valid e-mail addresses, phones with
 * digits, a birthday as {@code 1990-02-01} or {@code --02-29}, and the day they entered the network
 * when the source knows it (LinkedIn's "Connected On").
 */
public record ContactData(
    String name,
    List<String> emails,
    List<String> phones,
    String organization,
    String title,
    String birthday,
    String notes,
    LocalDate since) {

  public ContactData {
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
  }
}
