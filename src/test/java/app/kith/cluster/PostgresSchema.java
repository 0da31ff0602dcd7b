package app.kith.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL schema of its own for one test, dropped at the end. */
public final class PostgresSchema implements AutoCloseable {

  public static final String URL = System.getProperty("kith.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = "postgres";

  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  public static boolean reachable() {
    try (Connection c = DriverManager.getConnection(URL, USER, null)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public static PostgresSchema create(String prefix) throws SQLException {
    String name = prefix + "_" + Long.toHexString(System.nanoTime());
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
    try (Connection c = DriverManager.getConnection(URL, USER, null)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
