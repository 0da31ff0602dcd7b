package app.kith.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Inserts many rows with few statements: {@code INSERT ... VALUES (...), (...), ...} with up to
 * {@link #ROWS} rows each. On H2 this is several times faster than a JDBC batch of one-row
 * inserts, and PostgreSQL takes it as well. Generated keys come back in row order.
 */
final class MultiInsert {
  private MultiInsert() {}

  static final int ROWS = 250;

  interface Binder<T> {
    void bind(PreparedStatement ps, int firstIndex, T row) throws SQLException;
  }

  interface KeyTaker<T> {
    void take(T row, long key);
  }

  static <T> void run(Connection c, String insert, int width, List<T> rows, Binder<T> binder, KeyTaker<T> keys)
      throws SQLException {
    run(c, insert, width, "", rows, binder, keys);
  }

  /**
   * As {@link #run(Connection, String, int, List, Binder, KeyTaker)}, with the same SQL literals
   * ending every row ({@code ", TIMESTAMP '...'"} for the last columns of {@code insert}): a value
   * that every row shares is then converted once per statement, not once per row. The literals are
   * made from Kith's own values only (never from input).
   */
  static <T> void run(
      Connection c, String insert, int width, String constants, List<T> rows, Binder<T> binder, KeyTaker<T> keys)
      throws SQLException {
    int full = rows.size() / ROWS;
    if (full > 0) {
      try (PreparedStatement ps = prepare(c, insert, width, constants, ROWS, keys != null)) {
        for (int s = 0; s < full; s++) {
          execute(ps, rows.subList(s * ROWS, (s + 1) * ROWS), width, binder, keys);
        }
      }
    }
    int rest = rows.size() - full * ROWS;
    if (rest > 0) {
      try (PreparedStatement ps = prepare(c, insert, width, constants, rest, keys != null)) {
        execute(ps, rows.subList(full * ROWS, rows.size()), width, binder, keys);
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String insert, int width, String constants, int n, boolean keys)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(insert.length() + n * (width * 3 + constants.length() + 4)).append(insert).append(" VALUES ");
    for (int r = 0; r < n; r++) {
      sql.append(r == 0 ? "(" : ", (");
      for (int k = 0; k < width; k++) {
        sql.append(k == 0 ? "?" : ", ?");
      }
      sql.append(constants).append(')');
    }
    return keys ? c.prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql.toString());
  }

  private static <T> void execute(PreparedStatement ps, List<T> rows, int width, Binder<T> binder, KeyTaker<T> keys)
      throws SQLException {
    for (int r = 0; r < rows.size(); r++) {
      binder.bind(ps, r * width + 1, rows.get(r));
    }
    ps.executeUpdate();
    if (keys != null) {
      try (ResultSet rs = ps.getGeneratedKeys()) {
        for (T row : rows) {
          if (!rs.next()) {
            throw new SQLException("the database returned fewer keys than rows inserted");
          }
          keys.take(row, rs.getLong(1));
        }
      }
    }
  }
}
