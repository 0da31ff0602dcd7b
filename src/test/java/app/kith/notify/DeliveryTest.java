package app.kith.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dispatcher and relay on a real H2 database, delivering to .eml files (no SMTP host). */
class DeliveryTest {

  static final Instant MONDAY_1800 = Instant.parse("2025-03-03T17:00:00Z"); // 18:00 in Amsterdam
  static final Instant TUESDAY_1900 = Instant.parse("2025-03-04T18:00:00Z");

  @TempDir Path home;
  Kith kith;
  Rows rows;
  long ann;
  long bob;

  static Map<String, String> settings() {
    Map<String, String> m = new HashMap<>();
    m.put("kith.owner.email", "me@example.com");
    m.put("kith.owner.name", "Sam Owner");
    m.put("kith.timezone", "Europe/Amsterdam");
    m.put("kith.owner.pitch", "I help small teams ship calmer software.");
    m.put("kith.owner.goal", "two good conversations");
    return m;
  }

  @BeforeEach
  void setUp() {
    kith = new Kith(KithConfig.of(home, settings()), Clock.fixed(MONDAY_1800, ZoneOffset.UTC));
    rows = new Rows(kith.database(), Instant.parse("2025-01-01T00:00:00Z"));
    ann = rows.contact("Ann Archer", "ann@acme.test", "Acme", "Software Engineer", "Loves sailing; ask about the boat.");
    rows.source(ann, "linkedin-csv:Connections.csv"); // as the LinkedIn importer writes it
    rows.interaction(ann, Instant.parse("2025-01-20T12:00:00Z"), "meeting", "Coffee at Ground Control");
    bob = rows.contact("<b>Bob & Co</b>", "bob@new.test", null, "Founder", null);
  }

  @AfterEach
  void tearDown() {
    kith.close();
  }

  long invitation(String summary) {
    Map<String, Long> people = new LinkedHashMap<>();
    people.put("ann@acme.test", ann);
    people.put("bob@new.test", bob);
    people.put("me@example.com", null);
    rows.event("evt-1@test", summary, TUESDAY_1900, TUESDAY_1900.plusSeconds(7200), "Pakhuis de Zwijger, Amsterdam",
        "https://meet.example.org/abc?x=1&y=2", people);
    return rows.reminder("prepare", "prepare:evt-1@test:", null, "evt-1@test", summary, MONDAY_1800);
  }

  @Test
  void aBriefHoldsWhatProductSaysAndIsWrittenOnce() {
    long id = invitation("Founders & Friends <meetup>");
    Dispatcher d = new Dispatcher(kith);
    assertThat(d.run(MONDAY_1800)).isEqualTo(new Dispatcher.Result(1, 0));
    assertThat(d.run(MONDAY_1800.plusSeconds(60))).isEqualTo(new Dispatcher.Result(0, 0));

    List<Map<String, Object>> out = rows.outbox();
    assertThat(out).hasSize(1);
    Map<String, Object> brief = out.get(0);
    assertThat(brief.get("recipient")).isEqualTo("me@example.com");
    assertThat(brief.get("not_before")).isEqualTo(MONDAY_1800);
    assertThat(brief.get("idempotency_key")).isEqualTo("brief:" + id + ":" + MONDAY_1800.getEpochSecond());
    assertThat(brief.get("message_id")).isEqualTo(MessageIds.of((String) brief.get("idempotency_key"), "me@example.com"));
    assertThat((String) brief.get("subject")).isEqualTo("Prepare: Founders & Friends <meetup>, Tue 4 Mar 19:00");
    String text = (String) brief.get("body_text");
    assertThat(text)
        .contains("When: Tuesday 4 March 2025, 19:00-21:00 (Europe/Amsterdam)")
        .contains("Where: Pakhuis de Zwijger, Amsterdam")
        .contains("Join: https://meet.example.org/abc?x=1&y=2")
        .contains("Ann Archer <ann@acme.test> - Software Engineer at Acme")
        .contains("How you met: LinkedIn connection")
        .contains("Last time: Monday 20 January 2025, meeting: Coffee at Ground Control")
        .contains("Notes: Loves sailing; ask about the boat.")
        .contains("<b>Bob & Co</b> <bob@new.test> - Founder")
        .contains("two good conversations")
        .contains("I help small teams ship calmer software.")
        .contains("stepping out for a break is fine")
        .doesNotContain("me@example.com");
    int known = text.indexOf("People you know");
    int fresh = text.indexOf("New to you");
    assertThat(text.indexOf("Ann Archer")).isBetween(known, fresh);
    assertThat(text.indexOf("Bob & Co")).isGreaterThan(fresh);
    String starters = text.substring(text.indexOf("Conversation starters"), text.indexOf("Your pitch"));
    assertThat(starters.lines().filter(l -> l.startsWith("  - ")).count()).isEqualTo(3);
    assertThat(starters).containsAnyOf("What made you start it", "problem you've enjoyed", "Which tool or practice");

    String html = (String) brief.get("body_html");
    assertThat(html).contains("&lt;b&gt;Bob &amp; Co&lt;/b&gt;").doesNotContain("<b>Bob")
        .contains("Founders &amp; Friends &lt;meetup&gt;")
        .contains("<a href=\"https://meet.example.org/abc?x=1&amp;y=2\">");
    assertThat((String) brief.get("ics")).contains("UID:reminder-" + id + "@kith");
    assertThat(rows.count("SELECT COUNT(*) FROM outbox_reminder")).isEqualTo(1);
    assertThat(rows.count("SELECT COUNT(*) FROM reminder WHERE notified_at IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void quietHoursHoldABriefUntilMorning() {
    long late = rows.reminder("prepare", "prepare:late", null, null, "Late invitation", Instant.parse("2025-03-03T21:30:00Z"));
    new Dispatcher(kith).run(Instant.parse("2025-03-03T21:30:00Z")); // 22:30 in Amsterdam
    assertThat(rows.outbox()).singleElement()
        .satisfies(m -> assertThat(m.get("not_before")).isEqualTo(Instant.parse("2025-03-04T07:00:00Z")));
    // the relay sends nothing before then
    assertThat(new Relay(kith).run(Instant.parse("2025-03-03T23:00:00Z"))).isEqualTo(Relay.Result.NONE);
    assertThat(new Relay(kith).run(Instant.parse("2025-03-04T06:59:00Z")).written()).isZero();
    assertThat(new Relay(kith).run(Instant.parse("2025-03-04T07:00:00Z")).written()).isEqualTo(1);
    assertThat(late).isPositive();
  }

  @Test
  void followUpsAndKeepInTouchAreBatchedIntoOneDigestADay() {
    invitation("Spring meetup");
    Instant wednesday0800 = Instant.parse("2025-03-05T07:00:00Z");
    rows.reminder("follow-up", "follow-up:evt-1@test::bob", bob, "evt-1@test", "Follow up with Bob", wednesday0800);
    rows.reminder("keep-in-touch", "keep-in-touch:ann:1", ann, null, "Ann Archer", wednesday0800);
    rows.reminder("follow-up", "follow-up:evt-1@test:", null, "evt-1@test", "Who did you meet?", wednesday0800);
    Dispatcher d = new Dispatcher(kith);
    assertThat(d.run(wednesday0800.minusSeconds(60)).digests()).isZero(); // 07:59: not yet
    assertThat(d.run(wednesday0800).digests()).isEqualTo(1);
    assertThat(d.run(wednesday0800.plusSeconds(1800)).digests()).isZero(); // one a day

    Map<String, Object> digest = rows.outbox().stream().filter(m -> m.get("kind").equals("digest")).findFirst().orElseThrow();
    assertThat(digest.get("idempotency_key")).isEqualTo("digest:2025-03-05");
    assertThat((String) digest.get("subject"))
        .isEqualTo("Kith digest for Wednesday 5 March 2025: 2 follow-ups, 1 to keep in touch with");
    String text = (String) digest.get("body_text");
    assertThat(text).contains("Follow up").contains("Met at Spring meetup on Tuesday 4 March 2025.")
        .contains("Hi <b>Bob,").contains("Thank you for the conversation at Spring meetup")
        .contains("Who did you meet at Spring meetup")
        .contains("Keep in touch").contains("Ann Archer <ann@acme.test>")
        .contains("Last time: Monday 20 January 2025, meeting: Coffee at Ground Control")
        .contains("Notes: Loves sailing");
    assertThat(rows.count("SELECT COUNT(*) FROM outbox_reminder r JOIN outbox o ON o.id = r.outbox_id WHERE o.kind = 'digest'"))
        .isEqualTo(3);

    // a follow-up that turns up after today's digest waits for tomorrow's; nothing due: no digest
    rows.reminder("follow-up", "follow-up:late", bob, "evt-1@test", "Late", wednesday0800);
    assertThat(d.run(wednesday0800.plusSeconds(3600)).digests()).isZero();
    assertThat(d.run(wednesday0800.plusSeconds(86400)).digests()).isEqualTo(1);
    assertThat(d.run(wednesday0800.plusSeconds(2 * 86400)).digests()).isZero();
    assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'")).isEqualTo(2);
  }

  @Test
  void aDigestMissedWhileStoppedIsNotSentTwiceTheNextMorning() {
    rows.reminder("keep-in-touch", "kit:ann:old", ann, null, "Ann", Instant.parse("2025-03-04T07:00:00Z"));
    rows.reminder("follow-up", "fu:bob", bob, null, "Bob", Instant.parse("2025-03-05T07:00:00Z"));
    Dispatcher d = new Dispatcher(kith);
    // Kith was stopped on Tuesday morning and starts again on Wednesday at 07:30, inside quiet hours
    assertThat(d.run(Instant.parse("2025-03-05T06:30:00Z")).digests()).isZero();
    assertThat(d.run(Instant.parse("2025-03-05T07:00:00Z")).digests()).isEqualTo(1);
    assertThat(rows.outbox()).singleElement().satisfies(m -> {
      assertThat(m.get("idempotency_key")).isEqualTo("digest:2025-03-05");
      assertThat((String) m.get("subject")).endsWith("1 follow-up, 1 to keep in touch with");
    });
  }

  @Test
  void noBriefForAnEventThatHasAlreadyBegun() {
    invitation("Yesterday's dinner");
    assertThat(new Dispatcher(kith).run(TUESDAY_1900.plusSeconds(60)).briefs()).isZero();
    assertThat(rows.outbox()).isEmpty();
    assertThat(rows.count("SELECT COUNT(*) FROM reminder WHERE notified_at IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void theDigestTimeIsLocalAcrossDaylightSavingTime() {
    Dispatcher d = new Dispatcher(kith);
    assertThat(d.digestAt(Instant.parse("2025-03-29T12:00:00Z"))).isEqualTo(Instant.parse("2025-03-29T07:00:00Z"));
    assertThat(d.digestAt(Instant.parse("2025-03-30T12:00:00Z"))).isEqualTo(Instant.parse("2025-03-30T06:00:00Z"));
    assertThat(d.digestAt(Instant.parse("2025-03-30T05:59:00Z"))).isEqualTo(Instant.parse("2025-03-29T07:00:00Z"));
  }

  @Test
  void nothingDueMeansNoDigest() {
    rows.reminder("keep-in-touch", "keep-in-touch:ann:later", ann, null, "Ann", Instant.parse("2025-03-10T07:00:00Z"));
    assertThat(new Dispatcher(kith).run(Instant.parse("2025-03-05T07:00:00Z"))).isEqualTo(new Dispatcher.Result(0, 0));
    assertThat(rows.outbox()).isEmpty();
  }

  @Test
  void withoutSmtpEmailsAreWrittenAsEmlFilesThatCarryNoInjectedHeaderOrRecipient() throws Exception {
    invitation("Launch\r\nBcc: evil@example.org\r\nX-Evil: 1");
    kith.close();
    Map<String, String> s = settings();
    s.put("kith.owner.name", "Sam\r\nBcc: evil2@example.org");
    kith = new Kith(KithConfig.of(home, s), Clock.fixed(MONDAY_1800, ZoneOffset.UTC));
    rows = new Rows(kith.database(), MONDAY_1800);
    Delivery delivery = new Delivery(kith);
    Delivery.Result r = delivery.run(MONDAY_1800);
    assertThat(r.relayed()).isEqualTo(new Relay.Result(0, 1, 0));
    assertThat(r.calendarWritten()).isEqualTo(1);
    assertThat(delivery.run(MONDAY_1800.plusSeconds(30)).relayed()).isEqualTo(Relay.Result.NONE);

    long outboxId = (Long) rows.outbox().get(0).get("id");
    Path eml = home.resolve("outbox/mail").resolve(String.format("%08d.eml", outboxId));
    assertThat(eml).exists();
    try (Stream files = new Stream(home.resolve("outbox/mail"))) {
      assertThat(files.names()).containsExactly(eml.getFileName().toString());
    }
    byte[] raw = Files.readAllBytes(eml);
    assertThat(new String(raw, java.nio.charset.StandardCharsets.US_ASCII).replace("\r\n", "")).doesNotContain("\n");
    MimeMessage m;
    try (InputStream in = Files.newInputStream(eml)) {
      m = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(m.getAllRecipients()).hasSize(1);
    assertThat(m.getAllRecipients()[0].toString()).contains("<me@example.com>").doesNotContain("\n");
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getHeader("X-Evil")).isNull();
    assertThat(m.getSubject()).isEqualTo("Prepare: Launch Bcc: evil@example.org X-Evil: 1, Tue 4 Mar 19:00");
    assertThat(m.getMessageID()).isEqualTo(rows.outbox().get(0).get("message_id"));
    assertThat(m.getHeader("Date")).containsExactly("Mon, 3 Mar 2025 18:00:00 +0100");
    assertThat(m.getSentDate().toInstant()).isEqualTo(MONDAY_1800);
    List<String> names = new ArrayList<>();
    for (Header h : Collections.list(m.getAllHeaders())) {
      names.add(h.getName());
    }
    assertThat(names).containsOnly("Date", "From", "To", "Message-ID", "Subject", "MIME-Version", "Content-Type",
        "Auto-Submitted");
    assertMultipart(m);
    assertThat(rows.outbox().get(0).get("status")).isEqualTo("sent");
  }

  /** multipart/mixed [ multipart/alternative [ text/plain, text/html ], text/calendar attachment that parses ]. */
  static void assertMultipart(MimeMessage m) throws Exception {
    assertThat(m.getContentType()).startsWith("multipart/mixed");
    Multipart mixed = (Multipart) m.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    Multipart alt = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html");
    Part ics = mixed.getBodyPart(1);
    assertThat(ics.getContentType()).startsWith("text/calendar");
    assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(ics.getFileName()).isEqualTo("kith-reminder.ics");
    String body;
    try (InputStream in = ics.getInputStream()) {
      body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var cal = new CalendarBuilder().build(new StringReader(body));
    assertThat(cal.getComponents("VEVENT")).isNotEmpty();
  }

  /** The names of the visible files of a folder. */
  record Stream(Path folder) implements AutoCloseable {
    List<String> names() throws java.io.IOException {
      try (var s = Files.list(folder)) {
        return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
      }
    }

    @Override
    public void close() {}
  }
}
