package app.kith.contacts;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person Kith meets by address only (an attendee of an invitation, a party of a mail) becomes a
 * contact here, keyed the way contact import keys people, so that a later export of the same person
 * merges into this contact instead of doubling it.
 */
public final class NewContacts {
  private NewContacts() {}

  /**
   * Creates a contact with one e-mail address (on the contact row, as its first) inside the caller's
   * transaction. The name is the display name, or the address's local part when there is none;
   * {@code source} is how they came in ("met at ...", "email"). The caller looked the address up
   * first, in a transaction of {@link FirstEmailKeys#inCreatingTransaction}.
   *
   * @return the new contact's id
   */
  public static long fromAddress(
      Connection c, String name, String email, LocalDate since, String source, Instant now) throws SQLException {
    String address = email.trim();
    String shown =
        name == null || name.isBlank() || name.trim().equalsIgnoreCase(address)
            ? address.substring(0, Math.max(0, address.indexOf('@')))
            : name.trim();
    if (shown.isEmpty()) {
      shown = address;
    }
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO contact (name, email, email_key, since, source, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setString(1, shown);
      ps.setString(2, address);
      ps.setString(3, Keys.email(address));
      Sql.setDate(ps, 4, since);
      ps.setString(5, source);
      Sql.setInstant(ps, 6, now);
      Sql.setInstant(ps, 7, now);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    FirstEmailKeys first = FirstEmailKeys.of(c);
    if (first != null) {
      first.add(Keys.email(address), id);
    }
    return id;
  }
}
