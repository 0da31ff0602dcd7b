package app.kith.e2e;

import static app.kith.e2e.Files4Week.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.app.KithService;
import app.kith.config.KithConfig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as it runs: Camel routes, Quartz triggers and the outbox relay against a real SMTP
 * server (GreenMail), on a clock the test moves. An invitation dropped in the calendar inbox becomes
 * one brief in the owner's mailbox at 18:00 the evening before, whatever happens to the SMTP server
 * or the service in between.
 */
class ServiceEndToEndTest {

  static final Instant MONDAY_1700 = Instant.parse("2025-03-03T16:00:00Z"); // Amsterdam is UTC+1
  static final Instant MONDAY_1800 = Instant.parse("2025-03-03T17:00:00Z");

  @TempDir Path home;
  int smtpPort;
  GreenMail smtp;
  final MutableClock clock = new MutableClock(MONDAY_1700);

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  GreenMail startSmtp() {
    GreenMail g = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  @BeforeEach
  void setUp() throws Exception {
    smtpPort = freePort();
    smtp = startSmtp();
  }

  @AfterEach
  void tearDown() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  Kith kith() throws Exception {
    Map<String, String> s = new HashMap<>();
    s.put("kith.owner.email", OWNER);
    s.put("kith.owner.name", "Robin de Vries");
    s.put("kith.timezone", "Europe/Amsterdam");
    s.put("kith.owner.pitch", "I help hospitals plan night shifts that people can live with.");
    s.put("kith.smtp.host", "127.0.0.1");
    s.put("kith.smtp.port", Integer.toString(smtpPort));
    s.put("kith.smtp.connect-timeout-ms", "2000");
    s.put("kith.smtp.timeout-ms", "5000");
    s.put("kith.outbox.poll-ms", "250");
    s.put("kith.outbox.retry-base", "PT1S");
    s.put("kith.schedule.sweep-cron", "* * * * * ?");
    s.put("kith.inbox.poll-ms", "200");
    s.put("kith.inbox.settle-ms", "1000");
    s.put("kith.http.port", Integer.toString(freePort()));
    return new Kith(KithConfig.of(home, s), clock);
  }

  KithService start(Kith kith) throws Exception {
    KithService service = new KithService(kith, Optional.of(Path.of("").toAbsolutePath()));
    service.start();
    return service;
  }

  void dropInvitation(String name, String ics) throws Exception {
    Path dir = home.resolve("inbox/calendar");
    Files.createDirectories(dir);
    Path tmp = home.resolve(name + ".tmp");
    Files.writeString(tmp, ics);
    Files.move(tmp, dir.resolve(name)); // appears whole
  }

  static int count(Kith kith, String sql) throws Exception {
    return kith.database().inTransaction(c -> {
      try (ResultSet rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  /** The invitation is read and its brief is scheduled for 18:00; nothing is sent before then. */
  void briefScheduled(Kith kith, int briefs) {
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> count(kith, "SELECT COUNT(*) FROM reminder WHERE kind = 'prepare' AND status = 'due'") == briefs);
    // several sweeps and relay passes later, still nothing sent: it is 17:00
    Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
        .until(() -> smtp.getReceivedMessages().length == 0);
  }

  static void assertBrief(MimeMessage m) throws Exception {
    Email e = Email.of(m);
    assertThat(m.getAllRecipients()).hasSize(1);
    assertThat(e.to()).containsExactly("Robin de Vries <" + OWNER + ">");
    assertThat(m.getHeader("Cc")).isNull();
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(e.subject()).isEqualTo("Prepare: Pilot kick-off, Tue 4 Mar 10:00");
    assertThat(e.text()).contains("10:00-11:00").contains(Files4Week.TEAMS).contains("Nils Nieuwenhuis")
        .contains("I help hospitals plan night shifts");
    assertThat(e.html()).contains("Nils Nieuwenhuis");
    assertThat(e.events()).hasSize(1);
    VEvent entry = e.events().get(0);
    assertThat(entry.getUid().orElseThrow().getValue()).matches("reminder-\\d+@kith");
    assertThat(entry.getProperty("TRANSP").orElseThrow().getValue()).isEqualTo("TRANSPARENT");
  }

  @Test
  void anInvitationDroppedInTheInboxBecomesOneBriefInTheOwnersMailboxAtSixTheEveningBefore() throws Exception {
    try (Kith kith = kith()) {
      KithService service = start(kith);
      try {
        dropInvitation("kickoff.ics", Files4Week.KICKOFF_ICS);
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> Files.exists(home.resolve("inbox/calendar/.done/kickoff.ics.report.json")));
        briefScheduled(kith, 1);

        clock.set(MONDAY_1800.plusSeconds(5));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
            .until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage got = smtp.getReceivedMessages()[0];
        assertBrief(got);
        assertThat(smtp.getReceivedMessagesForDomain("example.com")).isEmpty(); // not to Amara
        assertThat(smtp.getReceivedMessagesForDomain("newco.test")).isEmpty(); // not to Nils
      } finally {
        service.stop();
      }
    }
  }

  @Test
  void theSmtpServerDownAtTheDueTimeTheBriefArrivesOnceWhenItIsBack() throws Exception {
    try (Kith kith = kith()) {
      KithService service = start(kith);
      try {
        dropInvitation("kickoff.ics", Files4Week.KICKOFF_ICS);
        briefScheduled(kith, 1);

        smtp.stop();
        clock.set(MONDAY_1800.plusSeconds(5));
        // the relay tries, fails, and keeps the message for later
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> count(kith, "SELECT COUNT(*) FROM outbox WHERE attempts >= 1 AND status <> 'sent'") == 1);
        clock.advance(Duration.ofMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> count(kith, "SELECT COUNT(*) FROM outbox WHERE attempts >= 2 AND status <> 'sent'") == 1);

        smtp = startSmtp();
        clock.advance(Duration.ofMinutes(5)); // past the backoff
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
            .until(() -> smtp.getReceivedMessages().length == 1);
        assertBrief(smtp.getReceivedMessages()[0]);
        assertThat(count(kith, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isEqualTo(1);
      } finally {
        service.stop();
      }
    }
  }

  @Test
  void aServiceStoppedAcrossTheDueTimeSendsEachBriefOnceWhenStartedAgain() throws Exception {
    try (Kith kith = kith()) {
      KithService service = start(kith);
      try {
        dropInvitation("kickoff.ics", Files4Week.KICKOFF_ICS);
        dropInvitation("lunch.ics", Files4Week.lunch("REQUEST", 0, "CONFIRMED").replace("20250306T", "20250304T"));
        briefScheduled(kith, 2);
      } finally {
        service.stop();
      }
    }
    // stopped means stopped: no Quartz scheduler left running for the next start to pick up
    org.quartz.Scheduler left = org.quartz.impl.SchedulerRepository.getInstance().lookup("kith");
    assertThat(left == null || left.isShutdown()).as("scheduler still running after stop").isTrue();
    // down from 17:00 to 19:30: both briefs fell due at 18:00
    clock.set(MONDAY_1800.plus(Duration.ofMinutes(90)));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    try (Kith kith = kith()) {
      KithService service = start(kith);
      try {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
            .until(() -> smtp.getReceivedMessages().length == 2);
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
          try {
            return m.getSubject();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })).containsExactlyInAnyOrder("Prepare: Pilot kick-off, Tue 4 Mar 10:00", "Prepare: Partner lunch, Tue 4 Mar 12:00");
        assertThat(count(kith, "SELECT COUNT(*) FROM reminder WHERE kind = 'prepare'")).isEqualTo(2);
      } finally {
        service.stop();
      }
    }
  }
}
