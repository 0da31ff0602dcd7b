package app.kith.cluster;

import app.kith.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL schema of its own for one test, dropped at the end. */
public final class PostgresSchema implements AutoCloseable {

  public static final String URL = TestPostgres.URL;
  public static final String USER = TestPostgres.USER;

  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  public static boolean reachable() {
    return TestPostgres.reachable();
  }

  public static PostgresSchema create(String prefix) throws SQLException {
    String name = TestPostgres.schemaName(prefix);
    try (Connection c = DriverManager.getConnection(URL, USER, null)) {
      c.createStatement().execute("CREATE SCHEMA " + name);
    }
    return new PostgresSchema(name);
  }

  public String name() {
    return name;
  }

  /**
   * The environment of a node on this schema, in cluster mode with a short check-in, zone UTC and
   * owner me@example.com; a mutable map, so a test adds what it needs (SMTP, IMAP, timings).
   */
  public java.util.Map<String, String> clusterEnv() {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("KITH_DB_URL", URL);
    env.put("KITH_DB_USERNAME", USER);
    env.put("KITH_DB_SCHEMA", name);
    env.put("KITH_CLUSTER_ENABLED", "true");
    env.put("KITH_CLUSTER_CHECKIN_MS", "2000");
    env.put("KITH_TIMEZONE", "UTC");
    env.put("KITH_OWNER_EMAIL", "me@example.com");
    return env;
  }

  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(URL, USER, null);
    c.setSchema(name);
    return c;
  }

  @Override
  public void close() throws SQLException {
    TestPostgres.drop(name);
  }
}
