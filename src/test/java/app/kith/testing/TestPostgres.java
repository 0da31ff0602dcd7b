package app.kith.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The local PostgreSQL of the {@code postgres} test tier: 127.0.0.1:5432, database {@code test},
 * user {@code postgres} (override with {@code -Dkith.test.pg-url=...}). Each test works in a schema
 * of its own and drops it at the end.
 */
public final class TestPostgres {

  public static final String URL = System.getProperty("kith.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = "postgres";

  private TestPostgres() {}

  /** Whether the server answers; tests skip (JUnit assumption) when it does not. */
  public static boolean reachable() {
    try (Connection c = DriverManager.getConnection(URL, USER, null)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A fresh schema name, e.g. {@code kith_sched_18c3...}; Kith creates it on first use. */
  public static String schemaName(String prefix) {
    return prefix + "_" + Long.toHexString(System.nanoTime());
  }

  /** What a test does with a migrated database. */
  public interface DatabaseTest {
    void run(app.kith.store.Database db) throws Exception;
  }

  /**
   * Runs the test on Kith's database migrated into a fresh schema, dropped afterwards; skips the
   * test (a JUnit assumption) when the server does not answer.
   */
  public static void inFreshSchema(String prefix, DatabaseTest test) throws Exception {
    org.assertj.core.api.Assumptions.assumeThat(reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    String schema = schemaName(prefix);
    try (app.kith.store.Database db = app.kith.store.Database.open(URL, USER, null, schema, 2)) {
      test.run(db);
    } finally {
      drop(schema);
    }
  }

  public static void drop(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, null)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
