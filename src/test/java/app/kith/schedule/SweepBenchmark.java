package app.kith.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.store.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A command, not a test (tag {@code benchmark}, excluded by default): 1,000,000 contacts with
 * cadences in an H2 file, 10,000 of them due; one sweep finds them and creates their reminders.
 *
 * <pre>mvn -q -B -o test -Dtest=SweepBenchmark -Dkith.test.excluded=none</pre>
 *
 * Sizes: {@code -Dbench.contacts=1000000 -Dbench.due=10000}. The figures go to stdout and to
 * {@code target/surefire-reports/app.kith.schedule.SweepBenchmark-output.txt}.
 */
@Tag("benchmark")
class SweepBenchmark {

  @Test
  void sweepOverAMillionContacts() throws Exception {
    int contacts = Integer.getInteger("bench.contacts", 1_000_000);
    int due = Integer.getInteger("bench.due", 10_000);
    warmUp();
    print("load average before: %s", loadAverage());
    Path home = Files.createTempDirectory("kith-bench");
    Instant now = Instant.parse("2025-03-05T09:00:00Z");
    KithConfig config =
        KithConfig.of(home, Map.of("kith.budget.per-week", Integer.toString(10 * due), "kith.timezone", "Europe/Amsterdam"));
    try (Kith kith = new Kith(config, Clock.fixed(now, ZoneOffset.UTC))) {
      long t0 = System.nanoTime();
      kith.database().inTransaction(c -> {
        insertContacts(c, contacts, due, now);
        return null;
      });
      double loadS = (System.nanoTime() - t0) / 1e9;
      print("loaded %,d contacts (%,d due) in %.1f s (%,.0f rows/s)", contacts, due, loadS, contacts / loadS);

      long t1 = System.nanoTime();
      SweepResult first = new Sweep(kith).run(now);
      double sweepS = (System.nanoTime() - t1) / 1e9;
      assertThat(first.created()).isEqualTo(due);
      print("sweep 1: %,d reminders created in %.3f s = %,.0f reminders/s", first.created(), sweepS, first.created() / sweepS);

      long t2 = System.nanoTime();
      SweepResult second = new Sweep(kith).run(now.plus(Duration.ofMinutes(1)));
      double idleS = (System.nanoTime() - t2) / 1e9;
      assertThat(second.created()).isZero();
      print("sweep 2 (nothing new, %,d open reminders): %.3f s", due, idleS);
      assertThat(count(kith, "SELECT COUNT(*) FROM reminder")).isEqualTo(due);
    } finally {
      deleteTree(home);
    }
  }

  /** The same path once on a small database, so the figure is not the JIT's first impression. */
  static void warmUp() throws Exception {
    Path home = Files.createTempDirectory("kith-bench-warm");
    Instant now = Instant.parse("2025-03-05T09:00:00Z");
    KithConfig config = KithConfig.of(home, Map.of("kith.budget.per-week", "100000"));
    try (Kith kith = new Kith(config, Clock.fixed(now, ZoneOffset.UTC))) {
      for (int round = 0; round < 3; round++) {
        int r = round;
        kith.database().inTransaction(c -> {
          insertContacts(c, 20_000, 5_000, now.plus(Duration.ofDays(40L * r)));
          return null;
        });
        new Sweep(kith).run(now.plus(Duration.ofDays(40L * r)));
      }
    } finally {
      deleteTree(home);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** Batched JDBC: every contact has a monthly cadence; {@code due} of them are overdue by up to 30 days. */
  static void insertContacts(Connection c, int contacts, int due, Instant now) throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO contact (name, cadence, last_interaction, created_at, updated_at) VALUES (?, 'P1M', ?, ?, ?)")) {
      int step = Math.max(1, contacts / Math.max(1, due));
      for (int i = 0; i < contacts; i++) {
        boolean isDue = i % step == 0 && i / step < due;
        Instant next = isDue ? now.minusSeconds(60L + (i % 2_592_000)) : now.plus(Duration.ofDays(1 + i % 30));
        ps.setString(1, "Contact " + i);
        Sql.setInstant(ps, 2, next.minus(Duration.ofDays(30)));
        Sql.setInstant(ps, 3, now.minus(Duration.ofDays(400)));
        Sql.setInstant(ps, 4, now.minus(Duration.ofDays(400)));
        ps.addBatch();
        if (i % 5_000 == 4_999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    // each new contact is due 30 days after its last interaction (the next computed above)
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO contact_due (contact_id, next_due) SELECT id, last_interaction + INTERVAL '30' DAY FROM contact c"
            + " WHERE NOT EXISTS (SELECT 1 FROM contact_due d WHERE d.contact_id = c.id)")) {
      ps.executeUpdate();
    }
  }

  static long count(Kith kith, String sql) {
    return kith.database().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  static void print(String format, Object... args) {
    System.out.println("[bench] " + String.format(format, args));
  }

  static void deleteTree(Path p) throws Exception {
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
