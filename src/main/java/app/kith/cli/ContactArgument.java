package app.kith.cli;

import app.kith.KithException;
import app.kith.contacts.ContactStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The CONTACT argument of {@code log} and {@code cadence}: an id, an email address or an exact name. */
final class ContactArgument {

  private ContactArgument() {}

  record Found(long id, String name, String email) {}

  private static final String SELECT =
      "SELECT c.id, c.name, " + ContactStore.firstEmailOf("c") + " AS email FROM contact c";

  static Found resolve(Connection c, String arg) throws SQLException {
    String v = arg == null ? "" : arg.strip();
    if (v.isEmpty()) {
      throw new KithException("say which contact: an id, an email address or an exact name");
    }
    List<Found> found;
    if (v.matches("\\d{1,18}")) {
      found = query(c, SELECT + " WHERE c.id = ?", v, true);
      if (found.isEmpty()) {
        throw new KithException("there is no contact with id " + v + " (see `kith contacts`)");
      }
    } else if (v.contains("@")) {
      found =
          query(
              c,
              SELECT + " WHERE c.id IN (SELECT contact_id FROM contact_emails WHERE email_key = ?)",
              v.toLowerCase(Locale.ROOT),
              false);
      if (found.isEmpty()) {
        throw new KithException("no contact has the email address " + v + " (see `kith contacts`)");
      }
    } else {
      found = query(c, SELECT + " WHERE LOWER(c.name) = ? ORDER BY c.id", v.toLowerCase(Locale.ROOT), false);
      if (found.isEmpty()) {
        throw new KithException("no contact is named exactly '" + v + "' (see `kith contacts " + v + "`)");
      }
    }
    if (found.size() > 1) {
      StringBuilder which = new StringBuilder();
      for (Found f : found.subList(0, Math.min(found.size(), 5))) {
        which.append(which.length() == 0 ? "" : ", ").append('#').append(f.id());
        if (f.email() != null) {
          which.append(" <").append(f.email()).append('>');
        }
      }
      throw new KithException(
          "'" + v + "' matches " + found.size() + " contacts (" + which + (found.size() > 5 ? ", ..." : "")
              + "): give the id or the email address instead");
    }
    return found.get(0);
  }

  private static List<Found> query(Connection c, String sql, String value, boolean asId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (asId) {
        ps.setLong(1, Long.parseLong(value));
      } else {
        ps.setString(1, value);
      }
      List<Found> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Found(rs.getLong("id"), rs.getString("name"), rs.getString("email")));
        }
      }
      return out;
    }
  }
}
