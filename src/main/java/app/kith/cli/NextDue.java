package app.kith.cli;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** A contact's cadence state, for the messages of {@code done}, {@code log} and {@code cadence}. */
record NextDue(String cadence, Instant lastInteraction, Instant nextDue) {

  static NextDue read(Connection c, long contactId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT c.cadence, c.last_interaction, d.next_due FROM contact c"
                + " LEFT JOIN contact_due d ON d.contact_id = c.id WHERE c.id = ?")) {
      ps.setLong(1, contactId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new NextDue(null, null, null);
        }
        return new NextDue(rs.getString("cadence"), Sql.getInstant(rs, "last_interaction"), Sql.getInstant(rs, "next_due"));
      }
    }
  }

  static Optional<Instant> of(Connection c, long contactId) throws SQLException {
    return Optional.ofNullable(read(c, contactId).nextDue());
  }
}
