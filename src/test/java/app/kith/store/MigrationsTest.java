package app.kith.store;

import app.kith.testing.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  static final String PG_URL = TestPostgres.URL;

  @TempDir Path home;

  @Test
  void everyMigrationAppliesToAFreshH2File() throws Exception {
    try (Database db = Database.open(Database.defaultUrl(home), "sa", null, null, 2)) {
      assertThat(tables(db)).contains("contact", "calendar_event", "occurrence", "qrtz_triggers", "camel_messageprocessed");
    }
    // and opening again is a no-op
    try (Database db = Database.open(Database.defaultUrl(home), "sa", null, null, 2)) {
      assertThat(tables(db)).contains("contact");
    }
  }

  @Test
  @Tag("postgres")
  void everyMigrationAppliesToPostgresqlInASchemaOfItsOwn() throws Exception {
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    String schema = TestPostgres.schemaName("kith_mig");
    try (Database db = Database.open(PG_URL, "postgres", null, schema, 2)) {
      assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
      assertThat(tables(db)).contains("contact", "calendar_event", "occurrence", "qrtz_triggers", "camel_messageprocessed");
    } finally {
      TestPostgres.drop(schema);
    }
  }


  private static List<String> tables(Database db) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connection();
        ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
