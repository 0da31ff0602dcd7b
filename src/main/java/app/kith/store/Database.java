package app.kith.store;

import app.kith.KithException;
import app.kith.config.KithConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The application database: a pooled {@link DataSource} over H2 (a file under the home folder) or
 * any JDBC URL from {@code kith.db.url}, migrated by Flyway on open.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Opens and migrates the database of a configuration. */
  public static Database open(KithConfig config) {
    String url = config.find("kith.db.url").orElseGet(() -> defaultUrl(config.home()));
    return open(
        url,
        config.find("kith.db.username").orElse(url.startsWith("jdbc:h2:") ? "sa" : null),
        config.find("kith.db.password").orElse(null),
        config.find("kith.db.schema").orElse(null),
        config.getInt("kith.db.pool-size", 8));
  }

  /** The embedded default: an H2 file database {@code <home>/kith.mv.db}. */
  public static String defaultUrl(Path home) {
    try {
      Files.createDirectories(home);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new KithException("the home " + home + " is a file, not a folder (give another --home)");
    } catch (java.io.IOException e) {
      throw new KithException("cannot create the home folder " + home + ": " + e.getMessage());
    }
    if (!Files.isWritable(home)) {
      // H2 would fail on its files with a page of stack traces, some of them on stdout
      throw new KithException("the home folder " + home + " is not writable by this user (give another --home)");
    }
    // FILE_LOCK=FILE (default) refuses a second process; that is reported as "in use" below.
    return "jdbc:h2:file:" + home.toAbsolutePath().normalize().resolve("kith") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  public static Database open(String url, String user, String password, String schema, int poolSize) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    if (user != null) {
      hc.setUsername(user);
    }
    if (password != null) {
      hc.setPassword(password);
    }
    if (schema != null) {
      hc.setSchema(schema);
    }
    hc.setMaximumPoolSize(poolSize);
    hc.setMinimumIdle(1);
    hc.setPoolName("kith-db");
    hc.setInitializationFailTimeout(-1);
    hc.setConnectionTimeout(15_000);
    Dialect dialect = Dialect.of(url);
    if (dialect == Dialect.H2) {
      refuseSharedH2(url);
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
      try (Connection c = ds.getConnection()) {
        c.isValid(5);
      }
    } catch (SQLException | RuntimeException e) {
      throw translate(url, e);
    }
    Database db = new Database(ds, dialect);
    db.migrate(schema);
    return db;
  }

  /**
   * An H2 database is Kith's in one process: its file lock keeps other processes out, and the
   * contacts' first addresses are guarded in that process (FirstEmailKeys, decision record 018).
   * A URL that lets other processes in (an H2 server, AUTO_SERVER, no file lock) is refused.
   */
  static void refuseSharedH2(String url) {
    String u = url.toUpperCase(Locale.ROOT).replace(" ", "");
    if (u.startsWith("JDBC:H2:TCP:") || u.startsWith("JDBC:H2:SSL:") || u.contains(";AUTO_SERVER=TRUE")
        || u.contains(";FILE_LOCK=NO")) {
      throw new KithException("kith.db.url: an H2 database belongs to one Kith process (no H2 server, AUTO_SERVER or"
          + " FILE_LOCK=NO); for several processes or nodes on one database use PostgreSQL (jdbc:postgresql:...)");
    }
  }

  private void migrate(String schema) {
    var fc =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
            .failOnMissingLocations(false);
    if (schema != null) {
      fc.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    try {
      fc.load().migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new KithException("cannot prepare the database: " + rootMessage(e), e);
    }
  }

  private static KithException translate(String url, Throwable e) {
    String msg = rootMessage(e);
    if (msg.contains("already in use") || msg.contains("Locked by another process") || fileLocked(e)) {
      return new KithException(
          "the database is in use by another Kith process (stop `kith run` first, or give another --home)", e);
    }
    return new KithException("cannot open the database " + redact(url) + ": " + msg, e);
  }

  /** H2 2.3's MVStore says "The file is locked" (somewhere in the causes) when another process has it open. */
  private static boolean fileLocked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("The file is locked")) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /** A JDBC URL without credentials, fit for a message. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs work in one transaction, committing on success and rolling back on any failure. */
  public <T> T inTransaction(Tx<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException(failure(e), e);
    }
  }

  /** What a failed transaction says to the user: running out of memory is no database error. */
  static String failure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return "Kith ran out of memory (" + rootMessage(e) + "): give it more with KITH_JAVA_OPTS=-Xmx1g"
            + " (an import --dry-run holds every record of the run in memory)";
      }
    }
    return "database error: " + rootMessage(e);
  }

  @Override
  public void close() {
    if (dialect == Dialect.H2) {
      // A clean H2 shutdown compacts the file; skip when the pool is already gone.
      try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
        st.execute("CHECKPOINT");
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    dataSource.close();
  }

  /** Work inside a transaction. */
  @FunctionalInterface
  public interface Tx<T> {
    T run(Connection c) throws SQLException;
  }
}
