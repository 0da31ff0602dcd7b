package app.kith.contacts;

import app.kith.testing.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kith.config.KithConfig;
import app.kith.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge's SQL (IN lists, multi-row inserts with generated keys) on PostgreSQL. */
@Tag("postgres")
class ContactImportPostgresTest {

  static final String PG_URL = TestPostgres.URL;

  @TempDir Path home;

  @Test
  void importsMergesAndReimportsOnPostgresql() throws Exception {
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    String schema = TestPostgres.schemaName("kith_contacts");
    try (Database db = Database.open(PG_URL, "postgres", null, schema, 2)) {
      List<ContactData> file = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        file.add(new ContactData("Person " + i, List.of("p" + i + "@example.com"), List.of("+31 6 1000 " + (1000 + i)),
            i % 2 == 0 ? "Acme" : null, "Title", i % 3 == 0 ? "--02-29" : null, null, LocalDate.of(2024, 3, 12)));
      }
      file.add(new ContactData("Person 0", List.of("P0@EXAMPLE.com", "other@example.com"), List.of(), "Acme", null, null, null, null));
      List<ContactImport.Outcome> first = run(db, file);
      assertThat(first.stream().filter(o -> o == ContactImport.Outcome.CREATED)).hasSize(600);
      assertThat(first.get(600)).isEqualTo(ContactImport.Outcome.MERGED);
      assertThat(run(db, file)).containsOnly(ContactImport.Outcome.UNCHANGED);
      List<Contact> all = new ContactStore(db).list(null);
      assertThat(all).hasSize(600);
      assertThat(new ContactStore(db).list("other@example.com")).singleElement()
          .satisfies(c -> assertThat(c.emails()).containsExactly("p0@example.com", "other@example.com"));
    } finally {
      TestPostgres.drop(schema);
    }
  }

  private List<ContactImport.Outcome> run(Database db, List<ContactData> file) {
    List<ContactImport.Outcome> out = new ArrayList<>();
    try (ContactImport imp =
        new ContactImport(db, new Interactions(new Cadence(KithConfig.of(home, Map.of()))), "generic-csv:f.csv", false,
            Instant.parse("2026-01-05T09:00:00Z"), LocalDate.of(2026, 1, 5), out::add)) {
      file.forEach(imp::add);
    }
    return out;
  }

}
