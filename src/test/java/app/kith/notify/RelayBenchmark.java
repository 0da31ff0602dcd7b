package app.kith.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.feed.ReminderCalendar;
import app.kith.store.Sql;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (a command, not a test; excluded from the normal run): the relay draining N outbox
 * messages to a local GreenMail SMTP server, next to a plain Jakarta Mail loop sending the same
 * messages over one connection to the same server in the same run. Target: relay at least 80% of
 * the plain loop. Run:
 *
 * <pre>mvn -B -o test -Dkith.test.excluded=none -Dtest=RelayBenchmark -Dkith.bench.emails=2000</pre>
 *
 * The figures go to stdout (target/surefire-reports/app.kith.notify.RelayBenchmark-output.txt) and
 * to target/benchmark-relay.txt.
 */
@Tag("benchmark")
class RelayBenchmark {

  static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

  @TempDir Path home;

  @Test
  void relayNextToAPlainJakartaMailLoop() throws Exception {
    int n = Integer.getInteger("kith.bench.emails", 2000);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> cfg = new HashMap<>(DeliveryTest.settings());
    cfg.put("kith.smtp.host", "127.0.0.1");
    cfg.put("kith.smtp.port", Integer.toString(port));
    cfg.put("kith.quiet-hours", "");
    try (Kith kith = new Kith(KithConfig.of(home, cfg), Clock.fixed(NOW, ZoneOffset.UTC))) {
      Mail mail = sample();
      // warm both paths up
      plainLoop(port, mail, 200);
      fill(kith, mail, 200, "warm");
      new Relay(kith).run(NOW);
      smtp.purgeEmailFromAllMailboxes();

      // alternate the two, three rounds each, and compare the medians: the machine is shared
      int rounds = Integer.getInteger("kith.bench.rounds", 3);
      double[] plain = new double[rounds];
      double[] relay = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        plain[round] = plainLoop(port, mail, n);
        smtp.purgeEmailFromAllMailboxes();
        fill(kith, mail, n, "bench" + round);
        long t0 = System.nanoTime();
        Relay.Result r = new Relay(kith).run(NOW);
        relay[round] = n / ((System.nanoTime() - t0) / 1e9);
        assertThat(r.sent()).isEqualTo(n);
        assertThat(smtp.getReceivedMessages()).hasSize(n);
        smtp.purgeEmailFromAllMailboxes();
      }
      double plainMedian = median(plain);
      double relayMedian = median(relay);
      String report = String.format(
          "relay benchmark, %d emails to GreenMail on 127.0.0.1, median of %d alternating rounds:%n"
              + "  plain Jakarta Mail loop: %.0f emails/s %s%n"
              + "  Kith relay (claim, build, send, mark sent): %.0f emails/s %s%n  relay / plain: %.0f%% (target >= 80%%)%n",
          n, rounds, plainMedian, java.util.Arrays.toString(round(plain)), relayMedian,
          java.util.Arrays.toString(round(relay)), 100 * relayMedian / plainMedian);
      System.out.print(report);
      Files.writeString(Path.of("target", "benchmark-relay.txt"), report);
    } finally {
      smtp.stop();
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static long[] round(double[] v) {
    return java.util.Arrays.stream(v).mapToLong(Math::round).toArray();
  }

  static Mail sample() {
    ReminderCalendar.Entry e = new ReminderCalendar.Entry(1, "prepare", "Partner lunch", NOW, "due", NOW, null, null);
    MailBody b = new MailBody();
    b.para("Your brief for Partner lunch.").heading("When and where").item("When: Tuesday 4 March 2025, 19:00-21:00");
    for (int i = 0; i < 5; i++) {
      b.item("Person " + i + " <p" + i + "@example.org> - Engineer at Acme\nHow you met: LinkedIn\nNotes: likes sailing");
    }
    b.heading("Your pitch").quote("I help small teams ship calmer software.");
    return new Mail("Prepare: Partner lunch, Tue 4 Mar 19:00", b.text(), b.html(), ReminderCalendar.calendar(List.of(e)));
  }

  /** The baseline: the same messages, built and sent by hand over one connection. */
  static double plainLoop(int port, Mail mail, int n) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", Integer.toString(port));
    Session session = Session.getInstance(p);
    InternetAddress to = new InternetAddress("me@example.com");
    long t0 = System.nanoTime();
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      for (int i = 0; i < n; i++) {
        Outbox.Row row = new Outbox.Row(i, "k" + i, "<plain-" + i + "@bench>", "brief", "me@example.com", mail.subject(),
            mail.text(), mail.html(), mail.ics(), 0, NOW);
        MimeMessage m = MimeMessages.build(session, row, to, to, NOW);
        t.sendMessage(m, m.getAllRecipients());
      }
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  static void fill(Kith kith, Mail mail, int n, String prefix) {
    kith.database().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO outbox (idempotency_key, message_id, kind, recipient, subject, body_text, body_html, ics,"
              + " not_before, status, attempts, next_attempt_at, created_at) VALUES (?, ?, 'brief', 'me@example.com', ?, ?, ?, ?, ?, 'pending', 0, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          String key = prefix + ":" + i;
          ps.setString(1, key);
          ps.setString(2, MessageIds.of(key, "me@example.com"));
          ps.setString(3, mail.subject());
          ps.setString(4, mail.text());
          ps.setString(5, mail.html());
          ps.setString(6, mail.ics());
          Sql.setInstant(ps, 7, NOW);
          Sql.setInstant(ps, 8, NOW);
          Sql.setInstant(ps, 9, NOW);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }
}
