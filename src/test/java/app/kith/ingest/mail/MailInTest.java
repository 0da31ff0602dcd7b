package app.kith.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailInTest {

  @TempDir Path home;
  Kith kith;
  RecordingReplyActions actions = new RecordingReplyActions();
  MailIn mailIn;

  static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  void open(Map<String, String> extra) {
    Map<String, String> cfg = new HashMap<>(Map.of("kith.owner.email", "Me@Example.com", "kith.owner.aliases", "me@work.example"));
    cfg.putAll(extra);
    kith = new Kith(KithConfig.of(home, cfg), Clock.fixed(NOW, ZoneOffset.UTC));
    mailIn = new MailIn(kith, actions);
  }

  @BeforeEach
  void setUp() {
    RecordingReplyActions.CALLS.clear();
    open(Map.of());
  }

  @AfterEach
  void tearDown() {
    kith.close();
  }

  FileReport process(byte[] raw) {
    return mailIn.process(raw, new ImportRequest("test.eml", "test.eml", false));
  }

  static String problems(FileReport r) {
    return r.problems().stream().map(p -> p.where() + ": " + p.reason()).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void aBccdMessageRecordsAnEmailWithEachKnownPartyOnceAndReportsTheUnknown() {
    long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    byte[] raw = Mails.plain("m1@mail", "Me <me@example.com>", "Bob <Bob@Example.org>", "carol@example.net", "Lunch?", "Shall we?");

    FileReport r = process(raw);

    assertThat(r.status()).isEqualTo(FileReport.PARTIAL);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.problems()).containsExactly(new Problem("party carol@example.net", "not a contact (kith.mail.create-contacts is off)"));
    assertThat(Mails.interactions(kith.database()))
        .containsExactly("email " + bob + " 2025-03-03T08:30:00Z email:m1@mail:" + bob + " Lunch?");

    FileReport again = process(raw);
    assertThat(again.created()).isZero();
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(Mails.interactions(kith.database())).hasSize(1);
  }

  @Test
  void unknownPartiesBecomeContactsOnlyWhenConfigured() {
    kith.close();
    open(Map.of("kith.mail.create-contacts", "true"));
    FileReport r = process(Mails.plain("m2@mail", "me@work.example", "Carol Jones <carol@example.net>", null, "Hi", "Hello"));
    assertThat(r.status()).isEqualTo(FileReport.IMPORTED);
    assertThat(r.created()).isEqualTo(1);
    assertThat(Mails.interactions(kith.database())).singleElement().asString().contains("email:m2@mail:");
    String name = kith.database().inTransaction(c -> {
      try (var rs = c.createStatement().executeQuery(
          "SELECT c.name FROM contact c JOIN contact_emails e ON e.contact_id = c.id WHERE e.email_key = 'carol@example.net'")) {
        return rs.next() ? rs.getString(1) : null;
      }
    });
    assertThat(name).isEqualTo("Carol Jones");
  }

  @Test
  void aForwardRecordsTheOriginalsPartiesFromTheForwardedBlock() {
    long alice = Mails.contact(kith.database(), "Alice", "alice@example.org");
    String body = "FYI\n\n---------- Forwarded message ---------\nFrom: Alice Smith <alice@example.org>\n"
        + "Date: Fri, 28 Feb 2025 16:00:00 +0000\nSubject: Coffee next week\nTo: Me <me@example.com>\n\nHi! Coffee?\n";
    FileReport r = process(Mails.plain("fw1@mail", "me@example.com", "kith@example.com", null, "Fwd: Coffee next week", body));
    assertThat(r.status()).as(problems(r)).isEqualTo(FileReport.IMPORTED);
    assertThat(Mails.interactions(kith.database()))
        .containsExactly("email " + alice + " 2025-02-28T16:00:00Z email:fw1@mail:" + alice + " Coffee next week");
  }

  @Test
  void anOutlookForwardIsReadToo() {
    long dan = Mails.contact(kith.database(), "Dan", "dan@corp.example");
    String body = "see below\n\n-----Original Message-----\nFrom: Dan Brown [mailto:dan@corp.example]\n"
        + "Sent: Friday, February 28, 2025 4:00 PM\nTo: Me\nSubject: Intro\n\nHello\n";
    FileReport r = process(Mails.plain("fw2@mail", "me@example.com", "kith@example.com", null, "FW: Intro", body));
    assertThat(r.created()).as(problems(r)).isEqualTo(1);
    assertThat(Mails.interactions(kith.database())).singleElement().asString().startsWith("email " + dan + " 2025-03-03T08:30:00Z");
  }

  @Test
  void aForwardAsAnAttachedMessageRecordsTheOriginalsParties() {
    long alice = Mails.contact(kith.database(), "Alice", "alice@example.org");
    byte[] raw = Mails.bytes("Message-ID: <fw3@mail>\nDate: " + Mails.DATE + "\nFrom: me@example.com\nTo: kith@example.com\n"
        + "Subject: Fwd: Plans\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nfyi\n"
        + "--x\nContent-Type: message/rfc822\n\nMessage-ID: <orig@mail>\nDate: Thu, 27 Feb 2025 10:00:00 +0000\n"
        + "From: Alice <alice@example.org>\nTo: me@example.com\nCc: nobody@else.example\nSubject: Plans\n\nLet's meet.\n--x--\n");
    FileReport r = process(raw);
    assertThat(r.created()).as(problems(r)).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(1); // nobody@else.example is not a contact
    assertThat(Mails.interactions(kith.database()))
        .containsExactly("email " + alice + " 2025-02-27T10:00:00Z email:fw3@mail:" + alice + " Plans");
  }

  @Test
  void repliesToKithActOnTheirReminder() {
    long bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    long r1 = Mails.reminder(kith.database(), bob, "k1");
    Mails.outbox(kith.database(), "<brief-1@kith.local>", r1);

    assertThat(process(Mails.reply("re1@mail", "me@example.com", "brief-1@kith.local", "Done")).merged()).isEqualTo(1);
    assertThat(process(Mails.reply("re2@mail", "Me <me@work.example>", "brief-1@kith.local", "snooze 3d")).merged()).isEqualTo(1);
    assertThat(process(Mails.reply("re3@mail", "me@example.com", "brief-1@kith.local", "snooze PT2H")).merged()).isEqualTo(1);
    assertThat(RecordingReplyActions.CALLS).containsExactly(
        "done " + r1, "snooze " + r1 + " 2025-03-06T08:30:00Z", "snooze " + r1 + " 2025-03-03T10:30:00Z");

    FileReport note = process(Mails.reply("re4@mail", "me@example.com", "brief-1@kith.local", "note: loves sailing\nasked about Lisbon"));
    assertThat(note.created()).isEqualTo(1);
    assertThat(Mails.notes(kith.database(), bob)).isEqualTo("loves sailing\nasked about Lisbon");
    assertThat(Mails.interactions(kith.database())).singleElement().asString()
        .startsWith("note " + bob + " 2025-03-03T08:30:00Z note:re4@mail loves sailing");
    // read again (a crash before the mailbox was told): nothing doubles
    assertThat(process(Mails.reply("re4@mail", "me@example.com", "brief-1@kith.local", "note: loves sailing\nasked about Lisbon")).unchanged())
        .isEqualTo(1);
    assertThat(Mails.notes(kith.database(), bob)).isEqualTo("loves sailing\nasked about Lisbon");
  }

  @Test
  void anHtmlOnlyReplyIsReadByItsText() {
    long r1 = Mails.reminder(kith.database(), null, "k-html");
    Mails.outbox(kith.database(), "<brief-html@kith.local>", r1);
    byte[] raw = Mails.bytes("Message-ID: <h1@mail>\nDate: " + Mails.DATE + "\nFrom: me@example.com\nTo: kith@example.com\n"
        + "In-Reply-To: <brief-html@kith.local>\nSubject: Re: x\nMIME-Version: 1.0\n"
        + "Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        + "<html><body><div dir=3D\"ltr\">snooze&nbsp;2 hours</div><blockquote>Reach out to Bob</blockquote></body></html>\n");
    assertThat(process(raw).merged()).isEqualTo(1);
    assertThat(RecordingReplyActions.CALLS).containsExactly("snooze " + r1 + " 2025-03-03T10:30:00Z");
  }

  @Test
  void aReplyToADigestMustNameItsReminder() {
    long a = Mails.reminder(kith.database(), null, "ka");
    long b = Mails.reminder(kith.database(), null, "kb");
    Mails.outbox(kith.database(), "digest-1@kith.local", a, b);

    FileReport vague = process(Mails.reply("d1@mail", "me@example.com", "digest-1@kith.local", "done"));
    assertThat(vague.isRejected()).isTrue();
    assertThat(problems(vague)).contains("several reminders (" + a + ", " + b + ")");

    assertThat(process(Mails.reply("d2@mail", "me@example.com", "digest-1@kith.local", "done " + b)).merged()).isEqualTo(1);
    assertThat(process(Mails.reply("d3@mail", "me@example.com", "digest-1@kith.local", "snooze #" + a + " 1w")).merged()).isEqualTo(1);
    FileReport other = process(Mails.reply("d4@mail", "me@example.com", "digest-1@kith.local", "done 999999"));
    assertThat(problems(other)).contains("reminder 999999 is not one of the message you replied to");
    assertThat(RecordingReplyActions.CALLS).containsExactly("done " + b, "snooze " + a + " 2025-03-10T08:30:00Z");
  }

  @Test
  void anythingElseInAReplyIsIgnoredWithAReason() {
    long r1 = Mails.reminder(kith.database(), null, "k1");
    Mails.outbox(kith.database(), "<brief-2@kith.local>", r1);
    FileReport chat = process(Mails.reply("x1@mail", "me@example.com", "brief-2@kith.local", "Thanks, will do it tomorrow"));
    assertThat(chat.isRejected()).isTrue();
    assertThat(problems(chat)).contains("is not something Kith does");
    FileReport tooLong = process(Mails.reply("x2@mail", "me@example.com", "brief-2@kith.local", "snooze 5000d"));
    assertThat(tooLong.isRejected()).isTrue();
    FileReport stranger = process(Mails.reply("x3@mail", "mallory@evil.example", "brief-2@kith.local", "done"));
    assertThat(problems(stranger)).contains("not the owner");
    FileReport noContact = process(Mails.reply("x4@mail", "me@example.com", "brief-2@kith.local", "note: hello"));
    assertThat(problems(noContact)).contains("not about one contact");
    assertThat(RecordingReplyActions.CALLS).isEmpty();
  }

  @Test
  void anInvitationFromSomeoneWhoIsNeitherTheOwnerNorItsOrganizerIsHeld() {
    byte[] raw = Mails.withAttachment("inv1@mail", "mallory@evil.example", "Invitation", "text/calendar; method=REQUEST",
        null, Mails.invitation("evt-1", "boss@example.com"));
    FileReport r = process(raw);
    assertThat(r.isRejected()).isTrue();
    assertThat(r.received()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(problems(r)).contains("invitation held: the sender mallory@evil.example is neither the owner nor its organizer (boss@example.com)");
  }

  @Test
  void anInvitationFromItsOrganizerOrTheOwnerGoesToCalendarIngest() {
    for (String from : new String[] {"boss@example.com", "me@example.com"}) {
      byte[] raw = Mails.withAttachment("inv-" + from + "@mail", from, "Invitation", "application/octet-stream", "invite.ics",
          Mails.invitation("evt-2", "boss@example.com"));
      FileReport r = process(raw);
      assertThat(problems(r)).doesNotContain("held");
      assertThat(reachedCalendar(r)).as(problems(r)).isTrue();
    }
  }

  /** Calendar ingest stored the event. */
  boolean reachedCalendar(FileReport r) {
    Integer events = kith.database().inTransaction(c -> {
      try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM calendar_event WHERE uid = 'evt-2'")) {
        rs.next();
        return rs.getInt(1);
      }
    });
    return events > 0;
  }

  @Test
  void aCalendarPartTooLargeToReadSaysSoRatherThanThatThereWasNone() {
    String inv = Mails.invitation("evt-big", "boss@example.com");
    String big = inv.replace("END:VEVENT", "DESCRIPTION:" + "x".repeat(11 * 1024 * 1024) + "\r\nEND:VEVENT");
    FileReport r = process(Mails.withAttachment("big-inv@mail", "boss@example.com", "Invitation", "text/calendar", "invite.ics", big));
    assertThat(r.isRejected()).isTrue();
    assertThat(problems(r)).contains("a calendar part is larger than 10 MiB; it is not read").doesNotContain("no calendar");
  }

  @Test
  void aCalendarDisguisedAsAnotherAttachmentIsStillCheckedAndHeld() {
    byte[] raw = Mails.withAttachment("inv3@mail", "mallory@evil.example", "Notes", "application/octet-stream", "notes.vcf",
        Mails.invitation("evt-3", "boss@example.com"));
    FileReport r = process(raw);
    assertThat(r.isRejected()).isTrue();
    assertThat(problems(r)).contains("invitation held");
  }

  @Test
  void contactAttachmentsFromStrangersAreIgnoredAndFromTheOwnerGoToContactImportWithoutUsingTheirName() throws Exception {
    String card = "BEGIN:VCARD\nVERSION:3.0\nFN:Erin Example\nEMAIL:erin@example.org\nEND:VCARD";
    FileReport stranger = process(Mails.withAttachment("v1@mail", "mallory@evil.example", "card", "text/vcard", "erin.vcf", card));
    assertThat(problems(stranger)).contains("contact files from mallory@evil.example, who is not the owner");

    String evil = "../../../../tmp/kith-evil-" + System.nanoTime() + ".vcf";
    FileReport owner = process(Mails.withAttachment("v2@mail", "me@example.com", "card", "text/vcard", evil, card));
    assertThat(owner.problems()).allSatisfy(p -> assertThat(p.where()).startsWith("attachment kith-evil-"));
    assertThat(Path.of(evil.replace("../", "/").replaceAll("^/+", "/"))).doesNotExist();
    assertThat(Files.list(home).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("kith-evil"));
    // contact import read the attachment: Erin is created
    assertThat(owner.created()).as(problems(owner)).isEqualTo(1);
  }

  @Test
  void malformedAndOversizedMessagesAreRejectedWithAReason() {
    byte[] noEnd = Mails.bytes("Message-ID: <bad@mail>\nFrom: me@example.com\nTo: bob@example.org\nSubject: x\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"zz\"\n\nno boundary ever comes\nhello\n");
    assertThat(problems(process(noEnd))).contains("malformed MIME message");

    StringBuilder deep = new StringBuilder("Message-ID: <deep@mail>\nFrom: me@example.com\nMIME-Version: 1.0\n");
    for (int i = 0; i < 15; i++) {
      deep.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append("\n");
    }
    deep.append("Content-Type: text/plain\n\nx\n");
    for (int i = 14; i >= 0; i--) {
      deep.append("--b").append(i).append("--\n");
    }
    assertThat(problems(process(Mails.bytes(deep.toString())))).contains("nests deeper than 10");

    // refused from the bytes, before a MIME parser reads every part; the parts a walk counts refuse the rest
    assertThat(MessageParts.boundaryLines(many(5000, "b"))).isEqualTo(5000);
    assertThat(problems(process(many(5000, "b")))).contains("the message has more than 200 parts (kith.mail.max-parts)");
    assertThat(MessageParts.boundaryLines(many(150, "=_Part_1"))).isEqualTo(150);
    assertThat(problems(process(many(150, "=_Part_1")))).doesNotContain("parts (kith.mail.max-parts)");

    kith.close();
    open(Map.of("kith.mail.max-bytes", "100"));
    FileReport big = process(Mails.plain("big@mail", "me@example.com", "bob@example.org", null, "x", "y".repeat(200)));
    assertThat(problems(big)).contains("over the limit of 100 (kith.mail.max-bytes)");

    assertThat(problems(process("From: \nSubject: nobody\n\nhi\n".getBytes(StandardCharsets.US_ASCII)))).contains("no readable sender");
  }

  /** A message from the owner with {@code n} plain-text parts under one boundary. */
  static byte[] many(int n, String boundary) {
    StringBuilder b = new StringBuilder("Message-ID: <many-" + n + "@mail>\r\nFrom: me@example.com\r\nTo: bob@example.org\r\n"
        + "Subject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n\r\n");
    for (int i = 0; i < n; i++) {
      b.append("--").append(boundary).append("\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
    }
    return Mails.bytes(b.append("--").append(boundary).append("--\r\n").toString());
  }

  @Test
  void plainMailFromStrangersActsOnNothing() {
    Mails.contact(kith.database(), "Bob", "bob@example.org");
    FileReport r = process(Mails.plain("s1@mail", "bob@example.org", "me@example.com", null, "Hi", "Hello"));
    assertThat(r.isRejected()).isTrue();
    assertThat(problems(r)).contains("who is not the owner");
    assertThat(Mails.interactions(kith.database())).isEmpty();
  }

  @Test
  void dryRunWritesNothing() {
    Mails.contact(kith.database(), "Bob", "bob@example.org");
    FileReport r = mailIn.process(Mails.plain("dry@mail", "me@example.com", "bob@example.org", null, "Hi", "Hello"),
        new ImportRequest("x.eml", "x.eml", true));
    assertThat(r.created()).isEqualTo(1);
    assertThat(Mails.interactions(kith.database())).isEmpty();
  }

  @Test
  void messagesAreToldFromContactFilesAndCalendarsByTheirContent() {
    assertThat(MailFileImporter.looksLikeMessage(Mails.plain("a@b", "me@example.com", "x@y.z", null, "s", "b"))).isTrue();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes("Received: from x by y\n  id 1\nFrom: a@b.c\nSubject: s\n\nbody"))).isTrue();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n"))).isFalse();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes(Mails.invitation("u", "o@p.q")))).isFalse();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes("Name,Email\nA,a@b.c\n"))).isFalse();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes("Envelope-to: k@x.y\nX-Spam: no\nSubject: s\n\nbody"))).isTrue();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes("Subject: notes\nTopic: none\n\nbody"))).isFalse();
    assertThat(MailFileImporter.looksLikeMessage(Mails.bytes("Notes:\n\"When exporting...\"\n\nFirst Name,Last Name\n"))).isFalse();
  }
}
