package app.kith.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kith.config.KithConfig;
import app.kith.ingest.mail.Mails;
import app.kith.ingest.mail.RecordingReplyActions;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail-imap route against a real IMAP server (GreenMail), with the whole service running. */
class MailImapRouteTest {

  @TempDir Path home;
  int imapPort;
  GreenMail greenMail;
  GreenMailUser user;
  Kith kith;
  KithService service;
  org.apache.camel.CamelContext context;

  @BeforeEach
  void setUp() throws Exception {
    RecordingReplyActions.CALLS.clear();
    imapPort = KithServiceTest.freePort();
    startMailServer();
  }

  void startMailServer() {
    greenMail = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    greenMail.start();
    user = greenMail.setUser("kith@example.com", "kith", "secret");
  }

  void startKith(Map<String, String> extra) throws Exception {
    startKith(extra, k -> {});
  }

  /** Starts the service; {@code prepare} runs on the database before any route polls. */
  void startKith(Map<String, String> extra, java.util.function.Consumer<Kith> prepare) throws Exception {
    Map<String, String> cfg = new HashMap<>();
    cfg.put("kith.http.port", Integer.toString(KithServiceTest.freePort()));
    cfg.put("kith.inbox.poll-ms", "200");
    cfg.put("kith.inbox.settle-ms", "1000");
    cfg.put("kith.owner.email", "me@example.com");
    cfg.put("kith.imap.host", "127.0.0.1");
    cfg.put("kith.imap.port", Integer.toString(imapPort));
    cfg.put("kith.imap.username", "kith");
    cfg.put("kith.imap.password", "secret");
    cfg.put("kith.imap.ssl", "false");
    cfg.put("kith.imap.poll-ms", "200");
    cfg.put("camel.beans.replyActions", "#class:" + RecordingReplyActions.class.getName());
    cfg.putAll(extra);
    kith = new Kith(KithConfig.of(home, cfg), Clock.systemUTC());
    prepare.accept(kith);
    service = new KithService(kith, Optional.of(Path.of("").toAbsolutePath()));
    context = service.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      service.stop();
    }
    if (kith != null) {
      kith.close();
    }
    greenMail.stop();
    org.awaitility.Awaitility.reset();
  }

  void deliver(byte[] raw) throws Exception {
    user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
  }

  /** status and reason of every message read, in order. */
  List<String> receipts() {
    return kith.database().inTransaction(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT message_key, status, reason FROM mail_receipt ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getString(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
        }
      }
      return out;
    });
  }

  List<String> awaitReceipts(int n) {
    await().atMost(Duration.ofSeconds(30)).until(() -> receipts().size() >= n);
    return receipts();
  }

  /** Subjects and flags of the messages in a server folder ({@code S} seen, {@code D} deleted). */
  List<String> folder(String name) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", imapPort, "kith", "secret");
    try {
      Folder f = store.getFolder(name);
      if (!f.exists()) {
        return List.of();
      }
      f.open(Folder.READ_ONLY);
      List<String> out = new ArrayList<>();
      for (Message m : f.getMessages()) {
        out.add(m.getSubject() + (m.isSet(Flags.Flag.SEEN) ? " S" : "") + (m.isSet(Flags.Flag.DELETED) ? " D" : ""));
      }
      f.close(false);
      return out;
    } finally {
      store.close();
    }
  }

  @Test
  void aBccdAndAForwardedMessageRecordEmailInteractionsAndAreMarkedSeenOnlyAfterwards() throws Exception {
    startKith(Map.of());
    long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    long alice = Mails.contact(kith.database(), "Alice", "alice@example.org");
    deliver(Mails.plain("bcc1@mail", "me@example.com", "bob@example.org", null, "Lunch", "Shall we?"));
    deliver(Mails.plain("fwd1@mail", "me@example.com", "kith@example.com", null, "Fwd: Coffee",
        "---------- Forwarded message ---------\nFrom: Alice <alice@example.org>\nDate: Fri, 28 Feb 2025 16:00:00 +0000\n"
            + "Subject: Coffee\nTo: me@example.com\n\nCoffee?"));

    assertThat(awaitReceipts(2)).containsExactlyInAnyOrder("bcc1@mail imported", "fwd1@mail imported");
    assertThat(Mails.interactions(kith.database())).containsExactlyInAnyOrder(
        "email " + bob + " 2025-03-03T08:30:00Z email:bcc1@mail:" + bob + " Lunch",
        "email " + alice + " 2025-02-28T16:00:00Z email:fwd1@mail:" + alice + " Coffee");
    await().atMost(Duration.ofSeconds(10)).until(() -> folder("INBOX").stream().allMatch(s -> s.endsWith(" S")));
    assertThat(folder("INBOX")).containsExactlyInAnyOrder("Lunch S", "Fwd: Coffee S");
  }

  @Test
  void theSameMessageDeliveredTwiceIsProcessedOnce() throws Exception {
    byte[] raw = Mails.plain("twice@mail", "me@example.com", "bob@example.org", null, "Twice", "hello");
    deliver(raw);
    deliver(raw); // both copies in the first poll
    long[] ids = new long[1];
    startKith(Map.of(), k -> ids[0] = Mails.contact(k.database(), "Bob", "bob@example.org"));
    long bob = ids[0];
    await().atMost(Duration.ofSeconds(20)).until(() -> folder("INBOX").equals(List.of("Twice S", "Twice S")));
    deliver(raw); // and once more later
    await().atMost(Duration.ofSeconds(20)).until(() -> folder("INBOX").equals(List.of("Twice S", "Twice S", "Twice S")));
    assertThat(receipts()).containsExactly("twice@mail imported");
    assertThat(Mails.interactions(kith.database())).containsExactly("email " + bob + " 2025-03-03T08:30:00Z email:twice@mail:" + bob + " Twice");
  }

  @Test
  void repliesToKithActOnTheirReminder() throws Exception {
    startKith(Map.of());
    long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    long r1 = Mails.reminder(kith.database(), bob, "keep-in-touch:bob");
    Mails.outbox(kith.database(), "<brief-1@kith.local>", r1);
    deliver(Mails.reply("re1@mail", "me@example.com", "brief-1@kith.local", "done"));
    awaitReceipts(1);
    deliver(Mails.reply("re2@mail", "me@example.com", "brief-1@kith.local", "snooze 3d"));
    awaitReceipts(2);
    deliver(Mails.reply("re3@mail", "me@example.com", "brief-1@kith.local", "note: met his sister at the conference"));
    assertThat(awaitReceipts(3)).containsExactly("re1@mail imported", "re2@mail imported", "re3@mail imported");
    assertThat(RecordingReplyActions.CALLS).containsExactly("done " + r1, "snooze " + r1 + " 2025-03-06T08:30:00Z");
    assertThat(Mails.notes(kith.database(), bob)).isEqualTo("met his sister at the conference");
  }

  @Test
  void malformedSpoofedAndUnknownMessagesAreQuarantinedWithTheirReason() throws Exception {
    startKith(Map.of());
    deliver(Mails.bytes("Message-ID: <broken@mail>\nFrom: me@example.com\nTo: bob@example.org\nSubject: Broken\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"zz\"\n\nno boundary ever comes\nhello\n"));
    deliver(Mails.withAttachment("spoof@mail", "mallory@evil.example", "Invitation", "text/calendar; method=REQUEST", null,
        Mails.invitation("evt-spoof", "boss@example.com")));

    assertThat(awaitReceipts(2)).containsExactlyInAnyOrder(
        "broken@mail quarantined malformed MIME message: Missing start boundary",
        "spoof@mail quarantined invitation held: the sender mallory@evil.example is neither the owner nor its organizer (boss@example.com)");
    await().atMost(Duration.ofSeconds(10)).until(() -> folder("Kith-Quarantine").size() == 2);
    assertThat(folder("Kith-Quarantine")).extracting(s -> s.replace(" S", "")).containsExactlyInAnyOrder("Broken", "Invitation");
    assertThat(folder("INBOX")).allSatisfy(s -> assertThat(s).endsWith(" D"));
    Integer events = kith.database().inTransaction(c -> {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM calendar_event")) {
        rs.next();
        return rs.getInt(1);
      }
    });
    assertThat(events).isZero();
  }

  @Test
  void aMessageOverTheSizeLimitIsQuarantinedWithoutBeingRead() throws Exception {
    startKith(Map.of("kith.mail.max-bytes", "5000"));
    deliver(Mails.plain("huge@mail", "me@example.com", "bob@example.org", null, "Huge", "y".repeat(20_000)));
    assertThat(awaitReceipts(1)).singleElement().asString()
        .startsWith("huge@mail quarantined the message is ").endsWith("over the limit of 5000 (kith.mail.max-bytes)");
    await().atMost(Duration.ofSeconds(10)).until(() -> folder("Kith-Quarantine").size() == 1);
  }

  @Test
  void headersInAMessageSteerNothing() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(KithServiceTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      startKith(Map.of());
      long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
      String escape = "kith-escape-" + System.nanoTime() + ".txt";
      deliver(Mails.plain("steer@mail", "me@example.com", "bob@example.org", null, "Steer", "hi",
          "CamelFileName: ../../" + escape, "mail.smtp.host: 127.0.0.1", "mail.smtp.port: " + smtp.getSmtp().getPort(),
          "moveTo: Trash", "delete: true", "copyTo: Elsewhere", "CamelHttpUri: http://127.0.0.1:1/"));
      assertThat(awaitReceipts(1)).containsExactly("steer@mail imported");
      assertThat(Mails.interactions(kith.database())).hasSize(1).allSatisfy(i -> assertThat(i).contains("email:steer@mail:" + bob));
      await().atMost(Duration.ofSeconds(10)).until(() -> folder("INBOX").equals(List.of("Steer S")));
      assertThat(folder("Trash")).isEmpty();
      assertThat(folder("Elsewhere")).isEmpty();
      assertThat(smtp.getReceivedMessages()).isEmpty();
      for (Path root : List.of(home, home.getParent(), Path.of("").toAbsolutePath())) {
        try (Stream<Path> files = Files.walk(root, 3)) {
          assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(escape);
        }
      }
    } finally {
      smtp.stop();
    }
  }

  @Test
  void nothingIsLostWhileTheServerIsDown() throws Exception {
    startKith(Map.of());
    long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    deliver(Mails.plain("before@mail", "me@example.com", "bob@example.org", null, "Before", "one"));
    assertThat(awaitReceipts(1)).containsExactly("before@mail imported");

    greenMail.stop(); // the server goes away mid-run; Kith keeps polling and failing
    byte[] during = Mails.plain("during@mail", "me@example.com", "bob@example.org", null, "During", "two");
    await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> true);
    startMailServer(); // back, with the message that arrived meanwhile (and the old one again)
    deliver(Mails.plain("before@mail", "me@example.com", "bob@example.org", null, "Before", "one"));
    deliver(during);

    assertThat(awaitReceipts(2)).containsExactly("before@mail imported", "during@mail imported");
    await().atMost(Duration.ofSeconds(10)).until(() -> folder("INBOX").equals(List.of("Before S", "During S")));
    assertThat(Mails.interactions(kith.database())).hasSize(2);
  }

  @Test
  void aMessageDroppedInTheMailInboxGoesThroughTheSamePipeline() throws Exception {
    startKith(Map.of("kith.imap.host", ""));
    long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    Files.write(home.resolve("inbox/mail/lunch.eml"), Mails.plain("drop@mail", "me@example.com", "bob@example.org", null, "Lunch", "hi"));
    Path report = home.resolve("inbox/mail/.done/lunch.eml.report.json");
    await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
    assertThat(Files.readString(report)).contains("\"format\" : \"email\"").contains("\"created\" : 1");
    assertThat(Mails.interactions(kith.database())).singleElement().asString().contains("email:drop@mail:" + bob);
  }

  @Test
  void aConnectionDroppedInTheMiddleOfADownloadLosesNothing() throws Exception {
    // GreenMail's handler thread fails loudly on the broken pipe we cause; that is the point here
    org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    try (CuttingProxy proxy = new CuttingProxy(imapPort, 40_000, 2)) {
      startKith(Map.of("kith.imap.port", Integer.toString(proxy.port())));
      long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
      deliver(Mails.plain("big@mail", "me@example.com", "bob@example.org", null, "Big", "x".repeat(200_000)));
      assertThat(awaitReceipts(1)).containsExactly("big@mail imported");
      assertThat(proxy.cutsDone.get()).isEqualTo(2);
      assertThat(Mails.interactions(kith.database())).singleElement().asString().contains("email:big@mail:" + bob);
      await().atMost(Duration.ofSeconds(10)).until(() -> folder("INBOX").equals(List.of("Big S")));
    }
  }

  @Test
  void anInvitationAndAContactFileFromTheOwnerReachCalendarIngestAndContactImport() throws Exception {
    startKith(Map.of());
    deliver(Mails.withAttachment("inv@mail", "me@example.com", "Invitation", "text/calendar; method=REQUEST", null,
        Mails.invitation("evt-owner", "boss@example.com")));
    deliver(Mails.withAttachment("card@mail", "me@example.com", "Card", "text/x-vcard", "../erin.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Erin Example\nEMAIL:erin@example.org\nEND:VCARD"));
    awaitReceipts(2);
    Map<String, String> reports = kith.database().inTransaction(c -> {
      Map<String, String> out = new HashMap<>();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT message_key, report FROM mail_receipt")) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    });
    // calendar ingest and contact import stored the records; never a hold or a trust refusal
    assertThat(count("SELECT COUNT(*) FROM calendar_event WHERE uid = 'evt-owner'")).as(reports.get("inv@mail")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM contact_emails WHERE email_key = 'erin@example.org'"))
        .as(reports.get("card@mail")).isEqualTo(1);
    assertThat(reports.values()).noneMatch(r -> r.contains("held") || r.contains("not the owner"));
  }

  int count(String sql) {
    return kith.database().inTransaction(c -> {
      try (ResultSet rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  @Test
  void aFailedPollIsOneLineNamingTheMailboxWithoutThePassword() throws Exception {
    startKith(Map.of("kith.imap.password", "wrong-Pa55word"));
    MailboxPollFailures failures = context.getRegistry().lookupByNameAndType("mailboxPollFailures", MailboxPollFailures.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> failures.last() != null);
    assertThat(failures.last())
        .startsWith("mailbox imap://127.0.0.1:" + imapPort + "/INBOX: cannot poll (")
        .doesNotContain("wrong-Pa55word")
        .doesNotContain("\n");
  }

  @Test
  void theRouteStaysOffWithoutAHost() throws Exception {
    startKith(Map.of("kith.imap.host", ""));
    assertThat(service.start().getRouteController().getRouteStatus("mail-imap").isStopped()).isTrue();
  }
}
