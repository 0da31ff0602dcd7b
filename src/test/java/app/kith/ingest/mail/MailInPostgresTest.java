package app.kith.ingest.mail;

import app.kith.testing.TestPostgres;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** Every mail-in test again, on PostgreSQL (a schema of its own per test). */
@Tag("postgres")
class MailInPostgresTest extends MailInTest {

  static final String PG_URL = TestPostgres.URL;
  String schema;

  @Override
  void open(Map<String, String> extra) {
    if (schema == null) {
      schema = TestPostgres.schemaName("kith_mail");
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
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    super.setUp();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (kith != null) {
      kith.close(); // before the schema goes
    }
    if (schema != null) {
      TestPostgres.drop(schema);
    }
  }

}
