package app.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.kith.KithException;
import app.kith.config.KithConfig;
import app.kith.store.Database;
import app.kith.store.Dialect;
import app.kith.store.StoreException;
import app.kith.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contacts found and guarded by their first address on embedded H2, where that column has no index. */
class FirstEmailKeysTest {
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  @TempDir Path home;

  @Test
  void onEmbeddedH2TheFirstAddressHasNoIndexAndOnPostgresqlItKeepsItsUniqueOne() throws Exception {
    try (Database db = Database.open(Database.defaultUrl(home), "sa", null, null, 2)) {
      assertThat(indexes(db)).doesNotContain("contact_email_key_first").contains("contact_email_key");
      assertThat(keysOf(db)).isNotNull();
    }
  }

  @Test
  @Tag("postgres")
  void postgresqlKeepsTheUniqueIndexOfTheFirstAddress() throws Exception {
    TestPostgres.inFreshSchema("kith_first_email", db -> {
      assertThat(indexes(db)).contains("contact_email_key_first", "contact_email_key");
      assertThat(keysOf(db)).isNull();
    });
  }

  @Test
  void aContactMetByAddressIsFoundByItAndAnImportMergesIntoIt() throws Exception {
    try (Database db = open()) {
      long id = FirstEmailKeys.<Long>inCreatingTransaction(db, c -> NewContacts.fromAddress(c, "Ada", "Ada@Example.org", null, "email", NOW));
      assertThat(idOf(db, "ada@example.org")).isEqualTo(id);
      assertThat(idOf(db, "bob@example.org")).isNull();

      List<ContactImport.Outcome> out = run(db, List.of(card("Ada Lovelace", "ada@example.org"), card("Bob", "bob@example.org")));
      assertThat(out).containsExactly(ContactImport.Outcome.MERGED, ContactImport.Outcome.CREATED);
      assertThat(addressed(db, "ada@example.org")).containsExactly(id);
      // and what the import created, a mail or an invitation finds
      assertThat(idOf(db, "bob@example.org")).isNotNull();
      assertThat(run(db, List.of(card("Bob", "bob@example.org")))).containsExactly(ContactImport.Outcome.UNCHANGED);
    }
  }

  @Test
  void aContactWhoseCreationWasRolledBackIsNotFound() throws Exception {
    try (Database db = open()) {
      assertThatThrownBy(() -> FirstEmailKeys.<Long>inCreatingTransaction(db, c -> {
        NewContacts.fromAddress(c, "Ada", "ada@example.org", null, "email", NOW);
        throw new SQLException("the rest of the file failed");
      })).isInstanceOf(StoreException.class);
      assertThat(idOf(db, "ada@example.org")).isNull();
      assertThat(run(db, List.of(card("Ada", "ada@example.org")))).containsExactly(ContactImport.Outcome.CREATED);
      assertThat(addressed(db, "ada@example.org")).hasSize(1);
    }
  }

  /**
   * Two transactions that meet the same new address: the second waits for the first to commit and
   * then finds the contact it created. Without the lock it would not see the first one's row yet
   * and would create the person again.
   */
  @Test
  void transactionsThatMayCreateContactsByAddressRunOneAtATime() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Database db = open()) {
      CountDownLatch created = new CountDownLatch(1);
      CountDownLatch letGo = new CountDownLatch(1);
      Future<Long> first = pool.submit(() -> FirstEmailKeys.inCreatingTransaction(db, c -> {
        long id = findOrCreate(c, "ada@example.org");
        created.countDown();
        hold(letGo);
        return id;
      }));
      assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();
      AtomicReference<Thread> second = new AtomicReference<>();
      Future<Long> later = pool.submit(() -> {
        second.set(Thread.currentThread());
        return FirstEmailKeys.inCreatingTransaction(db, c -> findOrCreate(c, "ada@example.org"));
      });
      await().atMost(Duration.ofSeconds(10)).until(() -> second.get() != null && second.get().getState() == Thread.State.WAITING);
      assertThat(later).isNotDone();
      letGo.countDown();
      assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
      assertThat(addressed(db, "ada@example.org")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Another process may write the file while Kith has it closed: opened again, it is read afresh. */
  @Test
  void aDatabaseOpenedAgainReadsItsAddressesAfresh() throws Exception {
    try (Database db = open()) {
      assertThat(idOf(db, "ada@example.org")).isNull();
    }
    try (Connection c = DriverManager.getConnection(Database.defaultUrl(home), "sa", "")) {
      c.createStatement().execute("INSERT INTO contact (name, email, email_key, created_at, updated_at)"
          + " VALUES ('Ada', 'ada@example.org', 'ada@example.org', TIMESTAMP '2026-01-05 09:00:00', TIMESTAMP '2026-01-05 09:00:00')");
    }
    try (Database db = open()) {
      assertThat(idOf(db, "ada@example.org")).isNotNull();
    }
  }

  @Test
  void anH2UrlThatLetsOtherProcessesInIsRefused() {
    for (String url : List.of(
        Database.defaultUrl(home) + ";AUTO_SERVER=TRUE", "jdbc:h2:tcp://127.0.0.1/~/kith", Database.defaultUrl(home) + ";file_lock=no")) {
      assertThatThrownBy(() -> Database.open(url, "sa", null, null, 2))
          .isInstanceOf(KithException.class)
          .hasMessageContaining("an H2 database belongs to one Kith process")
          .hasMessageContaining("PostgreSQL");
    }
  }

  private Database open() {
    return Database.open(KithConfig.of(home, Map.of()));
  }

  private static Long idOf(Database db, String emailKey) {
    return db.<Long>inTransaction(c -> ContactStore.idByEmailKey(c, emailKey));
  }

  private static FirstEmailKeys keysOf(Database db) {
    return db.<FirstEmailKeys>inTransaction(FirstEmailKeys::of);
  }

  private static long findOrCreate(Connection c, String email) throws SQLException {
    Long id = ContactStore.idByEmailKey(c, email);
    return id != null ? id : NewContacts.fromAddress(c, null, email, LocalDate.of(2026, 1, 5), "email", NOW);
  }

  private static void hold(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ContactData card(String name, String email) {
    return new ContactData(name, List.of(email), List.of(), null, null, null, null, null);
  }

  private List<ContactImport.Outcome> run(Database db, List<ContactData> file) {
    List<ContactImport.Outcome> out = new ArrayList<>();
    try (ContactImport imp = new ContactImport(db, new Interactions(new Cadence(KithConfig.of(home, Map.of()))),
        "vcard:f.vcf", false, NOW, LocalDate.of(2026, 1, 5), out::add)) {
      file.forEach(imp::add);
    }
    return out;
  }

  private static List<Long> addressed(Database db, String emailKey) {
    return db.inTransaction(c -> {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT contact_id FROM contact_emails WHERE email_key = ?")) {
        ps.setString(1, emailKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      return ids;
    });
  }

  /** The indexes of the contact tables (H2's information schema, PostgreSQL's catalogue). */
  private static List<String> indexes(Database db) throws SQLException {
    String select = db.dialect() == Dialect.H2
        ? "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME IN ('CONTACT', 'CONTACT_EMAIL')"
        : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('contact', 'contact_email')";
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection();
        ResultSet rs = c.createStatement().executeQuery(select)) {
      while (rs.next()) {
        out.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
