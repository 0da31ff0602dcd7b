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
