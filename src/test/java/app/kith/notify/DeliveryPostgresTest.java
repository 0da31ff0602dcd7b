package app.kith.notify;

import app.kith.testing.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.feed.ReminderCalendar;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same SQL on PostgreSQL: dispatch, and two relays (as on two nodes) claiming with SKIP LOCKED. */
@Tag("postgres")
class DeliveryPostgresTest {

  static final String PG_URL = TestPostgres.URL;
  static final Instant T0 = Instant.parse("2025-03-05T07:00:00Z");

  @TempDir Path home;


  @Test
  void dispatchAndTwoRelaysOnPostgresql() throws Exception {
    assumeThat(TestPostgres.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    String schema = TestPostgres.schemaName("kith_notify");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> cfg = new HashMap<>(DeliveryTest.settings());
    cfg.put("kith.db.url", PG_URL);
    cfg.put("kith.db.username", "postgres");
    cfg.put("kith.db.schema", schema);
    cfg.put("kith.smtp.host", "127.0.0.1");
    cfg.put("kith.smtp.port", Integer.toString(port));
    cfg.put("kith.outbox.batch", "5");
    try (Kith kith = new Kith(KithConfig.of(home, cfg), Clock.fixed(T0, ZoneOffset.UTC))) {
      Rows rows = new Rows(kith.database(), T0.minusSeconds(86400));
      long ann = rows.contact("Ann", "ann@acme.test", "Acme", "CTO", "notes");
      rows.interaction(ann, T0.minusSeconds(40 * 86400), "email", "hello");
      rows.event("e@pg", "PG meetup", T0.plusSeconds(86400), T0.plusSeconds(90000), "Hall", null, Map.of("ann@acme.test", ann));
      rows.reminder("prepare", "prepare:e@pg", null, "e@pg", "PG meetup", T0);
      rows.reminder("keep-in-touch", "kit:ann", ann, null, "Ann", T0);
      assertThat(new Dispatcher(kith).run(T0)).isEqualTo(new Dispatcher.Result(1, 1));
      assertThat(new Dispatcher(kith).run(T0)).isEqualTo(new Dispatcher.Result(0, 0));
      RelayBenchmark.fill(kith, RelayBenchmark.sample(), 100, "pg");

      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Relay.Result> a = pool.submit(() -> new Relay(kith).run(T0));
        Future<Relay.Result> b = pool.submit(() -> new Relay(kith).run(T0));
        assertThat(a.get().sent() + b.get().sent()).isEqualTo(102);
      } finally {
        pool.shutdown();
      }
      Set<String> ids = new HashSet<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        ids.add(m.getMessageID());
      }
      assertThat(smtp.getReceivedMessages()).hasSize(102);
      assertThat(ids).hasSize(102);
      assertThat(new ReminderCalendar(kith).feed()).contains("UID:reminder-");
    } finally {
      smtp.stop();
      TestPostgres.drop(schema);
    }
  }
}
