package app.kith.calendar;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The calendar rules on PostgreSQL, each test in a schema of its own. */
@Tag("postgres")
class CalendarRulesPostgresTest extends CalendarRulesTest {

  static final String PG_URL = System.getProperty("kith.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
  String schema;

  @BeforeEach
  void postgres() {
    assumeThat(reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    schema = "kith_cal_" + Long.toHexString(System.nanoTime());
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> m = new HashMap<>(super.settings());
    m.put("kith.db.url", PG_URL);
    m.put("kith.db.username", "postgres");
    m.put("kith.db.schema", schema);
    return m;
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (kith != null) {
      kith.close();
      kith = null;
    }
    if (schema != null && reachable()) {
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
