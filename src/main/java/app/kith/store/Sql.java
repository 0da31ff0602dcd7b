package app.kith.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** Small JDBC helpers shared by the stores. Instants are stored as UTC {@code TIMESTAMP}s. */
public final class Sql {
  private Sql() {}

  public static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.TIMESTAMP);
    } else {
      ps.setObject(i, timestamp(t));
    }
  }

  /** The value {@link #setInstant} binds for the instant: its UTC date and time. */
  public static java.time.LocalDateTime timestamp(Instant t) {
    return java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
  }

  /**
   * The instant as a SQL literal of its UTC date and time ({@code TIMESTAMP '2026-01-05
   * 09:00:00.000000000'}), which H2 and PostgreSQL read as {@link #setInstant} binds it.
   */
  public static String timestampLiteral(Instant t) {
    return "TIMESTAMP '" + LITERAL.format(timestamp(t)) + "'";
  }

  private static final java.time.format.DateTimeFormatter LITERAL =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", java.util.Locale.ROOT);

  public static Instant getInstant(ResultSet rs, String column) throws SQLException {
    java.time.LocalDateTime v = rs.getObject(column, java.time.LocalDateTime.class);
    return v == null ? null : v.toInstant(java.time.ZoneOffset.UTC);
  }

  public static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setObject(i, d);
    }
  }

  public static LocalDate getDate(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  public static void setLongOrNull(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  public static Long getLongOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

}
