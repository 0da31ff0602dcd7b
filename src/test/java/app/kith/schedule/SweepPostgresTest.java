package app.kith.schedule;

import app.kith.testing.TestPostgres;
import static app.kith.schedule.Fixture.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kith.schedule.Fixture.Attendee;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same SQL on PostgreSQL: the rules, the claim with SKIP LOCKED, concurrent passes. */
@Tag("postgres")
class SweepPostgresTest {

  static final String PG_URL = TestPostgres.URL;

  @TempDir Path home;


  @Test
  void theRulesRunOnPostgresqlAndConcurrentPassesDoubleNothing() throws Exception {
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    String schema = TestPostgres.schemaName("kith_sched");
    Map<String, String> db =
        Map.of("kith.db.url", PG_URL, "kith.db.username", "postgres", "kith.db.schema", schema, "kith.budget.per-week", "5");
    try (Fixture f = new Fixture(home, local("2025-01-01T12:00"), db)) {
      for (int i = 0; i < 7; i++) {
        f.contact("Friend " + i, "f" + i + "@x.org", "P14D", local("2025-01-01T12:00").plusSeconds(3600L * i));
      }
      long ana = f.contact("Ana Lima", "ana@lima.dev", null, local("2025-01-01T12:00"));
      f.event("e1", "Dinner", local("2025-01-21T19:00"), local("2025-01-21T21:00"), true, "me@example.com", List.of());
      f.event("e2", "Breakfast", local("2025-01-20T08:00"), local("2025-01-20T09:00"), true, "me@example.com",
          List.of(Attendee.of("ana@lima.dev", "Ana Lima", ana), Attendee.of("me@example.com", "Me", null)));
      f.clock.set(local("2025-01-20T10:00"));
      ExecutorService pool = Executors.newFixedThreadPool(3);
      int created = 0;
      try {
        Callable<SweepResult> pass = () -> new Sweep(f.kith).run(f.clock.instant());
        for (var run : pool.invokeAll(List.of(pass, pass, pass))) {
          created += run.get().created();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(created).isEqualTo(7); // 5 keep-in-touch (budget), 1 brief, 1 follow-up
      assertThat(f.reminders("kind = 'keep-in-touch'")).extracting(Fixture.Row::title)
          .containsExactly("Keep in touch with Friend 0", "Keep in touch with Friend 1", "Keep in touch with Friend 2",
              "Keep in touch with Friend 3", "Keep in touch with Friend 4");
      assertThat(f.reminders("kind = 'prepare'")).singleElement()
          .extracting(Fixture.Row::dueAt).isEqualTo(local("2025-01-20T18:00"));
      assertThat(f.reminders("kind = 'follow-up'")).singleElement().satisfies(r -> {
        assertThat(r.contactId()).isEqualTo(ana);
        assertThat(r.dueAt()).isEqualTo(local("2025-01-21T08:00"));
      });
      // cancel, answer, snooze, withdraw: every update path
      f.sql("UPDATE occurrence SET cancelled = TRUE WHERE uid = 'e1'");
      f.interaction(ana, local("2025-01-20T09:30"), "email");
      long first = f.reminders("kind = 'keep-in-touch'").get(0).id();
      new ReminderActions(f.kith).snooze(first, local("2025-01-20T11:00"));
      f.sql("UPDATE contact SET cadence = NULL WHERE name = 'Friend 1'");
      f.sql("DELETE FROM contact_due WHERE contact_id = (SELECT id FROM contact WHERE name = 'Friend 1')");
      SweepResult r = f.sweep();
      assertThat(r.withdrawn()).isEqualTo(2);
      assertThat(r.closed()).isEqualTo(1);
      f.clock.set(local("2025-01-20T11:00"));
      f.sweep();
      assertThat(f.reminders("id = ?", first)).singleElement().extracting(Fixture.Row::status).isEqualTo("due");
      new ReminderActions(f.kith).done(first);
      assertThat(f.sweep()).isEqualTo(new SweepResult(0, 0, 0, 0));
    } finally {
      TestPostgres.drop(schema);
    }
  }
}
