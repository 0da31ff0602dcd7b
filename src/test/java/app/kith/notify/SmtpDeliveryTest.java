package app.kith.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay against a real SMTP server (GreenMail), including the server going away and coming back. */
class SmtpDeliveryTest {

  static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z"); // 11:00 in Amsterdam, outside quiet hours

  @TempDir Path home;
  int port;
  GreenMail smtp;
  Kith kith;
  Rows rows;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  GreenMail startSmtp() {
    GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  @BeforeEach
  void setUp() throws Exception {
    port = freePort();
    smtp = startSmtp();
    Map<String, String> s = new HashMap<>(DeliveryTest.settings());
    s.put("kith.smtp.host", "127.0.0.1");
    s.put("kith.smtp.port", Integer.toString(port));
    s.put("kith.smtp.connect-timeout-ms", "2000");
    kith = new Kith(KithConfig.of(home, s), Clock.fixed(T0, ZoneOffset.UTC));
    rows = new Rows(kith.database(), T0.minusSeconds(86400));
  }

  @AfterEach
  void tearDown() {
    if (smtp != null) {
      smtp.stop();
    }
    kith.close();
  }

  long brief(String summary, Instant due) {
    String uid = "evt-" + summary.hashCode() + "@test";
    long ann = rows.contact("Ann " + summary.hashCode(), null, "Acme", null, null);
    rows.event(uid, summary, due.plusSeconds(86400), due.plusSeconds(90000), "Room 1", null, Map.of("ann" + summary.hashCode() + "@acme.test", ann));
    return rows.reminder("prepare", "prepare:" + uid, null, uid, summary, due);
  }

  @Test
  void briefsAndTheDigestArriveWithTheirPartsAndNoInjectedRecipient() throws Exception {
    brief("Launch\r\nBcc: evil@example.org", T0);
    long c = rows.contact("Bo\r\nCc: evil@example.org", "bo@new.test", null, null, null);
    rows.reminder("keep-in-touch", "kit:bo", c, null, "Bo", Instant.parse("2025-03-03T07:00:00Z"));
    Delivery.Result r = new Delivery(kith).run(T0);
    assertThat(r.dispatched()).isEqualTo(new Dispatcher.Result(1, 1));
    assertThat(r.relayed()).isEqualTo(new Relay.Result(2, 0, 0));

    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(2); // one delivery each: no Bcc/Cc recipient was added
    assertThat(smtp.getReceivedMessagesForDomain("example.org")).isEmpty();
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : got) {
      assertThat(m.getAllRecipients()).hasSize(1);
      assertThat(m.getAllRecipients()[0].toString()).endsWith("<me@example.com>");
      assertThat(m.getHeader("Bcc")).isNull();
      assertThat(m.getHeader("Cc")).isNull();
      assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
      assertThat(m.getMessageID()).matches("<[0-9a-f]{32}\\.kith@example\\.com>");
      DeliveryTest.assertMultipart(m);
      subjects.add(m.getSubject());
    }
    assertThat(subjects).containsExactlyInAnyOrder(
        "Prepare: Launch Bcc: evil@example.org, Tue 4 Mar 11:00",
        "Kith digest for Monday 3 March 2025: 1 to keep in touch with");
    List<String> ids = rows.outbox().stream().map(m -> (String) m.get("message_id")).toList();
    assertThat(List.of(got[0].getMessageID(), got[1].getMessageID())).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(rows.outbox()).allSatisfy(m -> {
      assertThat(m.get("status")).isEqualTo("sent");
      assertThat(m.get("sent_at")).isEqualTo(T0);
    });
  }

  @Test
  void twoRelaysDrainingOneOutboxSendEachMessageOnce() throws Exception {
    RelayBenchmark.fill(kith, RelayBenchmark.sample(), 300, "pair");
    kith.close();
    Map<String, String> s = new HashMap<>(DeliveryTest.settings());
    s.put("kith.smtp.host", "127.0.0.1");
    s.put("kith.smtp.port", Integer.toString(port));
    s.put("kith.outbox.batch", "7");
    kith = new Kith(KithConfig.of(home, s), Clock.fixed(T0, ZoneOffset.UTC));
    rows = new Rows(kith.database(), T0);
    Relay a = new Relay(kith);
    Relay b = new Relay(kith);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var fa = pool.submit(() -> a.run(T0));
      var fb = pool.submit(() -> b.run(T0));
      Relay.Result ra = fa.get();
      Relay.Result rb = fb.get();
      assertThat(ra.sent() + rb.sent()).isEqualTo(300);
      assertThat(ra.failed() + rb.failed()).isZero();
    } finally {
      pool.shutdown();
    }
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(300);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (MimeMessage m : got) {
      ids.add(m.getMessageID());
    }
    assertThat(ids).hasSize(300);
    assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND lease_owner IS NULL")).isEqualTo(300);
  }

  /** A clock that moves a minute each time it is read: a very slow SMTP server, as the relay sees it. */
  static final class SlowClock extends Clock {
    private Instant t;

    SlowClock(Instant start) {
      this.t = start;
    }

    @Override
    public synchronized Instant instant() {
      t = t.plusSeconds(60);
      return t;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aRelayStopsBeforeItsLeaseRunsOutAndGivesTheRestBack() throws Exception {
    RelayBenchmark.fill(kith, RelayBenchmark.sample(), 8, "slow");
    kith.close();
    Map<String, String> s = new HashMap<>(DeliveryTest.settings());
    s.put("kith.smtp.host", "127.0.0.1");
    s.put("kith.smtp.port", Integer.toString(port));
    s.put("kith.outbox.lease", "PT5M");
    kith = new Kith(KithConfig.of(home, s), new SlowClock(T0));
    rows = new Rows(kith.database(), T0);
    Relay.Result first = new Relay(kith).run(T0);
    assertThat(first.sent()).isBetween(1, 7);
    assertThat(first.failed()).isZero();
    assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND lease_owner IS NULL AND attempts = 0"))
        .isEqualTo(8 - first.sent());
    int rest = 0;
    for (int i = 0; i < 8 && rest < 8 - first.sent(); i++) {
      rest += new Relay(kith).run(T0).sent();
    }
    assertThat(rest).isEqualTo(8 - first.sent());
    assertThat(smtp.getReceivedMessages()).hasSize(8);
  }

  @Test
  void aConnectionDroppedByARestartedServerIsReplacedOnce() throws Exception {
    Mail mail = RelayBenchmark.sample();
    try (SmtpSink sink = new SmtpSink(kith.config())) {
      jakarta.mail.internet.InternetAddress me = Recipient.owner(kith.config());
      for (int i = 0; i < 2; i++) {
        if (i == 1) {
          smtp.stop(); // mid-way: the open connection dies with the server
          smtp = startSmtp();
        }
        Outbox.Row row = new Outbox.Row(i, "k" + i, "<r" + i + ".kith@example.com>", "brief", "me@example.com",
            mail.subject(), mail.text(), mail.html(), mail.ics(), 0, T0);
        sink.deliver(i, MimeMessages.build(sink.session(), row, me, me, T0));
      }
    }
    assertThat(smtp.getReceivedMessages()).singleElement()
        .satisfies(m -> assertThat(m.getMessageID()).isEqualTo("<r1.kith@example.com>"));
  }

  @Test
  void smtpDownForAWhileLosesNothingAndSendsNothingTwice() throws Exception {
    for (int i = 0; i < 3; i++) {
      brief("first " + i, T0);
    }
    Delivery delivery = new Delivery(kith);
    assertThat(delivery.run(T0).relayed()).isEqualTo(new Relay.Result(3, 0, 0));
    assertThat(smtp.getReceivedMessages()).hasSize(3);

    smtp.stop();
    Instant t1 = T0.plusSeconds(600);
    for (int i = 0; i < 4; i++) {
      brief("second " + i, t1);
    }
    Delivery.Result down = delivery.run(t1);
    assertThat(down.dispatched().briefs()).isEqualTo(4);
    assertThat(down.relayed()).isEqualTo(new Relay.Result(0, 0, 4));
    assertThat(rows.outbox()).filteredOn(m -> m.get("status").equals("pending")).hasSize(4)
        .allSatisfy(m -> assertThat(m.get("attempts")).isEqualTo(1));
    // within the backoff nothing is retried; after it, still down: another attempt each
    assertThat(delivery.run(t1.plusSeconds(10)).relayed()).isEqualTo(Relay.Result.NONE);
    assertThat(delivery.run(t1.plusSeconds(31)).relayed()).isEqualTo(new Relay.Result(0, 0, 4));

    smtp = startSmtp(); // back, empty
    assertThat(delivery.run(t1.plusSeconds(60)).relayed()).isEqualTo(Relay.Result.NONE); // 2nd backoff is 60 s from t1+31
    Delivery.Result back = delivery.run(t1.plusSeconds(95));
    assertThat(back.relayed()).isEqualTo(new Relay.Result(4, 0, 0));
    assertThat(delivery.run(t1.plusSeconds(200)).relayed()).isEqualTo(Relay.Result.NONE);

    MimeMessage[] after = smtp.getReceivedMessages();
    assertThat(after).hasSize(4);
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : after) {
      subjects.add(m.getSubject());
    }
    assertThat(subjects).allMatch(s -> s.startsWith("Prepare: second ")).doesNotHaveDuplicates();
    assertThat(rows.outbox()).hasSize(7).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("sent"));
  }
}
