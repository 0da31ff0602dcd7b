package app.kith.calendar;

import app.kith.testing.TestPostgres;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The calendar rules on PostgreSQL, each test in a schema of its own. */
@Tag("postgres")
class CalendarRulesPostgresTest extends CalendarRulesTest {

  static final String PG_URL = TestPostgres.URL;
  String schema;

  @BeforeEach
  void postgres() {
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    schema = TestPostgres.schemaName("kith_cal");
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
    if (schema != null && TestPostgres.reachable()) {
      TestPostgres.drop(schema);
    }
  }

}
