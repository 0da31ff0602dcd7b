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
    TestPostgres.inFreshSchema("kith_mig", db -> {
      assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
      assertThat(tables(db)).contains("contact", "calendar_event", "occurrence", "qrtz_triggers", "camel_messageprocessed");
    });
  }

  @Test
  void laterMigrationsCarryTheDataOver() throws Exception {
    String url = Database.defaultUrl(home);
    legacyContacts(url, "sa", null);
    try (Database db = Database.open(url, "sa", null, null, 2)) {
      assertMoved(db);
    }
  }

  @Test
  @Tag("postgres")
  void laterMigrationsCarryTheDataOverOnPostgresql() throws Exception {
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    String schema = TestPostgres.schemaName("kith_mig26");
    try {
      legacyContacts(PG_URL, "postgres", schema);
      try (Database db = Database.open(PG_URL, "postgres", null, schema, 2)) {
        assertMoved(db);
      }
    } finally {
      TestPostgres.drop(schema);
    }
  }

  /**
   * The schema as version 25 left it: addresses and numbers in their own tables only, the due time
   * on the contact row.
   */
  private static void legacyContacts(String url, String user, String schema) throws Exception {
    var fc = org.flywaydb.core.Flyway.configure()
        .dataSource(url, user, null)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + Dialect.of(url).folder())
        .target("25");
    if (schema != null) {
      fc.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    fc.load().migrate();
    try (Connection c = java.sql.DriverManager.getConnection(url, user, null);
        var st = c.createStatement()) {
      if (schema != null) {
        st.execute("SET search_path TO " + schema);
      }
      st.execute("INSERT INTO contact (id, name, cadence, next_due, created_at, updated_at) VALUES"
          + " (1, 'Ada', 'P1M', TIMESTAMP '2026-02-01 09:00:00', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00'),"
          + " (2, 'Bo', NULL, NULL, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
      st.execute("INSERT INTO contact_email (contact_id, email, email_key, ord) VALUES"
          + " (1, 'Ada@Work.example', 'ada@work.example', 0), (1, 'ada@home.example', 'ada@home.example', 1),"
          + " (1, 'ada@old.example', 'ada@old.example', 2)");
      st.execute("INSERT INTO contact_phone (contact_id, phone, phone_key, ord) VALUES"
          + " (1, '+31 6 1234 5678', '+31612345678', 0), (1, '020 123 4567', '0201234567', 1)");
    }
  }

  private static void assertMoved(Database db) throws Exception {
    try (Connection c = db.connection(); var st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT email, email_key, phone, phone_key FROM contact ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .containsExactly("Ada@Work.example", "ada@work.example", "+31 6 1234 5678", "+31612345678");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isNull(); // Bo had none
        assertThat(rs.getString(3)).isNull();
      }
      List<String> emails = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT email FROM contact_emails WHERE contact_id = 1 ORDER BY ord")) {
        while (rs.next()) {
          emails.add(rs.getString(1));
        }
      }
      assertThat(emails).containsExactly("Ada@Work.example", "ada@home.example", "ada@old.example");
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM contact_email")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the first address is no longer in contact_email").isEqualTo(2);
      }
      try (ResultSet rs = st.executeQuery("SELECT phone FROM contact_phones WHERE contact_id = 1 ORDER BY ord")) {
        List<String> phones = new ArrayList<>();
        while (rs.next()) {
          phones.add(rs.getString(1));
        }
        assertThat(phones).containsExactly("+31 6 1234 5678", "020 123 4567");
      }
      try (ResultSet rs = st.executeQuery("SELECT contact_id, next_due FROM contact_due")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1);
        assertThat(rs.getObject(2, java.time.LocalDateTime.class)).hasToString("2026-02-01T09:00");
        assertThat(rs.next()).as("Bo has no cadence, so no due time").isFalse();
      }
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
