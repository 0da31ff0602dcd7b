package app.kith.ingest.mail;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** Every mail-in test again, on PostgreSQL (a schema of its own per test). */
@Tag("postgres")
class MailInPostgresTest extends MailInTest {

  static final String PG_URL = System.getProperty("kith.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
  String schema;

  @Override
  void open(Map<String, String> extra) {
    if (schema == null) {
      schema = "kith_mail_" + Long.toHexString(System.nanoTime());
    }
    Map<String, String> cfg = new HashMap<>(extra);
    cfg.put("kith.db.url", PG_URL);
    cfg.put("kith.db.username", "postgres");
    cfg.put("kith.db.schema", schema);
    cfg.put("kith.db.pool-size", "2");
    super.open(cfg);
  }

  @Override
  @BeforeEach
  void setUp() {
    assumeThat(reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    super.setUp();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (kith != null) {
      kith.close(); // before the schema goes
    }
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(PG_URL, "postgres", null)) {
        c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  static boolean reachable() {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", null)) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }
}
