package app.kith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.notify.Dispatcher;
import app.kith.notify.Relay;
import app.kith.schedule.Sweep;
import app.kith.schedule.SweepResult;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A command, not a test (tag {@code benchmark}): the sweep, the dispatcher and the relay on the
 * local PostgreSQL, with one node and with three. A "node" here is a {@link Kith} instance of its
 * own in this JVM (its own connection pool, its own relay owner name), run on a thread of its own;
 * they meet only in the database, as separate processes do.
 *
 * <pre>mvn -q -B -o test -Dtest=ClusterBenchmark -Dkith.test.excluded=none</pre>
 *
 * Sizes: {@code -Dbench.reminders=50000} (sweep), {@code -Dbench.emails=3000} (dispatch and relay).
 * Figures go to stdout and {@code target/surefire-reports/app.kith.cluster.ClusterBenchmark-output.txt}.
 */
@Tag("benchmark")
class ClusterBenchmark {

  static final int REMINDERS = Integer.getInteger("bench.reminders", 50_000);
  static final int EMAILS = Integer.getInteger("bench.emails", 3_000);

  @Test
  void sweepDispatchAndRelayOnPostgres() throws Exception {
    assumeThat(PostgresSchema.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    print("load average before: %s", loadAverage());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    try (PostgresSchema schema = PostgresSchema.create("kith_bench")) {
      List<Kith> nodes = nodes(schema, 3, Map.of());
      try {
        // keep-in-touch: contacts whose cadence has come due (budget raised for the measurement)
        seedContacts(schema, REMINDERS, now);
        sweep(nodes.subList(0, 1), now, REMINDERS, "keep-in-touch");
        reset(schema, "DELETE FROM reminder");
        sweep(nodes.subList(0, 1), now, REMINDERS, "keep-in-touch (second run, warm)");
        reset(schema, "DELETE FROM reminder");
        sweep(nodes, now, REMINDERS, "keep-in-touch");
        reset(schema, "DELETE FROM reminder", "DELETE FROM contact_due", "UPDATE contact SET cadence = NULL");
        // prepare: events starting within hours, each one's brief due at once
        seedEvents(schema, REMINDERS, now);
        sweep(nodes.subList(0, 1), now, REMINDERS, "prepare");
        reset(schema, "DELETE FROM reminder");
        sweep(nodes, now, REMINDERS, "prepare");
      } finally {
        nodes.forEach(Kith::close);
      }
    }

    GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (PostgresSchema schema = PostgresSchema.create("kith_bench_mail")) {
      Map<String, String> mail = new HashMap<>();
      mail.put("kith.smtp.host", "127.0.0.1");
      mail.put("kith.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
      List<Kith> nodes = nodes(schema, 3, mail);
      try {
        seedEvents(schema, EMAILS, now);
        assertThat(new Sweep(nodes.get(0)).run(now).created()).isEqualTo(EMAILS);
        dispatch(nodes.subList(0, 1), schema, now);
        relay(nodes.subList(0, 1), schema, smtp, now);
        reset(schema, "DELETE FROM outbox_reminder", "DELETE FROM outbox", "UPDATE reminder SET notified_at = NULL");
        smtp.purgeEmailFromAllMailboxes();
        dispatch(nodes, schema, now);
        relay(nodes, schema, smtp, now);
      } finally {
        nodes.forEach(Kith::close);
        smtp.stop();
      }
    }
    print("load average after: %s", loadAverage());
  }

  /** Every node sweeps at the same moment; the one that gets the lock row does the work. */
  private static void sweep(List<Kith> nodes, Instant now, int expected, String what) throws Exception {
    AtomicInteger skipped = new AtomicInteger();
    long[] ms = new long[1];
    List<SweepResult> results =
        together(nodes, kith -> {
          long t = System.nanoTime();
          SweepResult r = new Sweep(kith).run(now);
          if (r.created() == 0) {
            skipped.incrementAndGet();
          } else {
            ms[0] = (System.nanoTime() - t) / 1_000_000;
          }
          return r;
        });
    int created = results.stream().mapToInt(SweepResult::created).sum();
    assertThat(created).as(what + " reminders created").isEqualTo(expected);
    print("sweep %-34s %d node(s): %,d reminders in %,d ms = %,.0f reminders/s (%d sweep(s) found the lock taken and skipped)",
        what, nodes.size(), created, ms[0], created * 1000.0 / Math.max(1, ms[0]), skipped.get());
  }

  /** The dispatcher turns due briefs into outbox rows (one transaction per brief). */
  private static void dispatch(List<Kith> nodes, PostgresSchema schema, Instant now) throws Exception {
    long t = System.nanoTime();
    List<Integer> per =
        together(nodes, kith -> {
          int n = 0;
          Dispatcher d = new Dispatcher(kith);
          while (true) {
            int b = d.run(now).briefs();
            n += b;
            if (b == 0 && count(schema, "SELECT COUNT(*) FROM outbox") >= EMAILS) {
              return n;
            }
          }
        });
    long ms = (System.nanoTime() - t) / 1_000_000;
    assertThat(count(schema, "SELECT COUNT(*) FROM outbox")).isEqualTo(EMAILS);
    print("dispatch %d node(s): %,d briefs composed into the outbox in %,d ms = %,.0f/s (per node %s)",
        nodes.size(), EMAILS, ms, EMAILS * 1000.0 / Math.max(1, ms), per);
  }

  /** The relay claims outbox rows with a lease and sends them to the local SMTP server. */
  private static void relay(List<Kith> nodes, PostgresSchema schema, GreenMail smtp, Instant now) throws Exception {
    long t = System.nanoTime();
    List<Integer> per =
        together(nodes, kith -> {
          int n = 0;
          Relay r = new Relay(kith);
          while (true) {
            int s = r.run(now).sent();
            n += s;
            if (s == 0 && count(schema, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'") == 0) {
              return n;
            }
          }
        });
    long ms = (System.nanoTime() - t) / 1_000_000;
    int received = smtp.getReceivedMessages().length;
    assertThat(count(schema, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isEqualTo(EMAILS);
    assertThat(received).as("emails received").isEqualTo(EMAILS);
    print("relay %d node(s): %,d emails sent to GreenMail SMTP in %,d ms = %,.0f emails/s (per node %s)",
        nodes.size(), received, ms, received * 1000.0 / Math.max(1, ms), per);
  }

  interface Work<T> {
    T on(Kith kith) throws Exception;
  }

  /** Runs the work on every node at once, each on a thread of its own, and waits for all. */
  private static <T> List<T> together(List<Kith> nodes, Work<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Kith k : nodes) {
        Callable<T> c = () -> {
          start.await();
          return work.on(k);
        };
        futures.add(pool.submit(c));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Kith> nodes(PostgresSchema schema, int n, Map<String, String> extra) throws Exception {
    List<Kith> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> cfg = new HashMap<>();
      cfg.put("kith.db.url", PostgresSchema.URL);
      cfg.put("kith.db.username", PostgresSchema.USER);
      cfg.put("kith.db.schema", schema.name());
      cfg.put("kith.db.pool-size", "4");
      cfg.put("kith.cluster.enabled", "true");
      cfg.put("kith.timezone", "UTC");
      cfg.put("kith.owner.email", "me@example.com");
      cfg.put("kith.quiet-hours", "");
      cfg.put("kith.budget.per-week", Integer.toString(10 * REMINDERS));
      cfg.putAll(extra);
      Path home = Files.createTempDirectory("kith-bench-node" + i);
      Kith kith = new Kith(KithConfig.of(home, cfg), Clock.systemUTC());
      kith.database(); // opens the pool and migrates (the first node) before any timing
      nodes.add(kith);
    }
    return nodes;
  }

  /** Contacts with a monthly cadence, due within the last hours. */
  private static void seedContacts(PostgresSchema schema, int n, Instant now) throws Exception {
    try (Connection c = schema.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO contact (name, cadence, last_interaction, created_at, updated_at)"
                    + " SELECT 'Contact ' || g, 'P1M', CAST(? AS TIMESTAMP) - (g * INTERVAL '1 second') - INTERVAL '30 days',"
                    + " ?, ? FROM generate_series(1, ?) g")) {
      Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
      for (int i = 1; i <= 3; i++) {
        ps.setTimestamp(i, at);
      }
      ps.setInt(4, n);
      ps.executeUpdate();
    }
    try (Connection c = schema.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO contact_due (contact_id, next_due) SELECT id, last_interaction + INTERVAL '30 days'"
                    + " FROM contact WHERE cadence IS NOT NULL")) {
      ps.executeUpdate();
    }
  }

  /** Mine, single events starting within hours: each one's brief is due at once. */
  private static void seedEvents(PostgresSchema schema, int n, Instant now) throws Exception {
    try (Connection c = schema.connect()) {
      Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO calendar_event (uid, recurrence_id, status, summary, start_at, end_at, mine, updated_at)"
                  + " SELECT 'bench-' || g || '@test', '', 'CONFIRMED', 'Meeting ' || g,"
                  + " CAST(? AS TIMESTAMP) + INTERVAL '3 hours' + (g * INTERVAL '1 second'), CAST(? AS TIMESTAMP) + INTERVAL '4 hours' + (g * INTERVAL '1 second'),"
                  + " TRUE, ? FROM generate_series(1, ?) g")) {
        ps.setTimestamp(1, at);
        ps.setTimestamp(2, at);
        ps.setTimestamp(3, at);
        ps.setInt(4, n);
        ps.executeUpdate();
      }
      c.createStatement()
          .executeUpdate(
              "INSERT INTO occurrence (event_id, uid, recurrence_id, start_at, end_at)"
                  + " SELECT id, uid, recurrence_id, start_at, end_at FROM calendar_event WHERE uid LIKE 'bench-%'");
      c.createStatement().execute("ANALYZE calendar_event, occurrence");
    }
  }

  private static void reset(PostgresSchema schema, String... sql) throws Exception {
    try (Connection c = schema.connect()) {
      for (String s : sql) {
        c.createStatement().executeUpdate(s);
      }
      c.createStatement().execute("VACUUM ANALYZE contact, reminder, outbox, outbox_reminder");
    }
  }

  private static int count(PostgresSchema schema, String sql) throws Exception {
    try (Connection c = schema.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void print(String format, Object... args) {
    System.out.println("bench cluster: " + String.format(format, args));
  }
}
