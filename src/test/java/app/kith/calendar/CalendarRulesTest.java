package app.kith.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.kith.app.Kith;
import app.kith.cli.Cli;
import app.kith.cli.Output;
import app.kith.config.KithConfig;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Importers;
import app.kith.ingest.calendar.CalendarContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar rules, each with a fixed clock and the owner in Europe/Amsterdam. */
class CalendarRulesTest {
  // PostgreSQL runs the same rules: see CalendarRulesPostgresTest

  static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  @TempDir Path home;
  Kith kith;
  int files;

  /** The settings of the installation under test (the PostgreSQL tier adds its database). */
  protected Map<String, String> settings() {
    return Map.of("kith.owner.email", "me@example.com", "kith.timezone", "Europe/Amsterdam");
  }

  Kith kith() {
    if (kith == null) {
      kith = new Kith(KithConfig.of(home, settings()), Clock.fixed(NOW, ZoneOffset.UTC));
    }
    return kith;
  }

  @AfterEach
  void close() {
    if (kith != null) {
      kith.close();
    }
  }

  FileReport load(String... lines) throws Exception {
    return loadBytes(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), "x" + (++files) + ".ics");
  }

  FileReport loadBytes(byte[] bytes, String name) throws Exception {
    Path f = home.resolve(name);
    Files.write(f, bytes);
    return Importers.standard(kith()).importFile(f, new ImportRequest(name, name, false));
  }

  static String[] cal(String method, String... body) {
    List<String> l = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"));
    if (method != null) {
      l.add("METHOD:" + method);
    }
    l.addAll(List.of(body));
    l.add("END:VCALENDAR");
    return l.toArray(String[]::new);
  }

  List<EventQuery.Row> events(String from, String to) {
    CalendarContext ctx = CalendarContext.of(kith());
    return kith().database().inTransaction(c -> new EventQuery(ctx.store())
        .between(c, Instant.parse(from), Instant.parse(to)));
  }

  List<Instant> starts(String from, String to) {
    return events(from, to).stream().map(EventQuery.Row::start).toList();
  }

  @Test
  void weeklyMeetingKeepsItsLocalTimeAcrossEuropeanDst() throws Exception {
    var r = load(cal(null, "BEGIN:VEVENT", "UID:w1", "DTSTAMP:20260101T000000Z", "SUMMARY:Sync",
        "DTSTART;TZID=Europe/Amsterdam:20260319T090000", "DTEND;TZID=Europe/Amsterdam:20260319T093000",
        "RRULE:FREQ=WEEKLY;COUNT=3", "END:VEVENT"));
    assertThat(r.created()).isEqualTo(1);
    assertThat(starts("2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z")).containsExactly(
        Instant.parse("2026-03-19T08:00:00Z"), Instant.parse("2026-03-26T08:00:00Z"), Instant.parse("2026-04-02T07:00:00Z"));
  }

  @Test
  void usDstAndWindowsZoneNamesWithoutVtimezone() throws Exception {
    load(cal(null, "BEGIN:VEVENT", "UID:us1", "SUMMARY:Standup", "DTSTART;TZID=Eastern Standard Time:20260305T093000",
        "DURATION:PT15M", "RRULE:FREQ=DAILY;COUNT=5", "END:VEVENT"));
    assertThat(starts("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).containsExactly(
        Instant.parse("2026-03-05T14:30:00Z"), Instant.parse("2026-03-06T14:30:00Z"), Instant.parse("2026-03-07T14:30:00Z"),
        Instant.parse("2026-03-08T13:30:00Z"), Instant.parse("2026-03-09T13:30:00Z"));
    load(cal(null, "BEGIN:VEVENT", "UID:wz", "SUMMARY:Berlin", "DTSTART;TZID=\"W. Europe Standard Time\":20260701T100000",
        "DTEND;TZID=\"W. Europe Standard Time\":20260701T110000", "END:VEVENT"));
    load(cal(null, "BEGIN:VEVENT", "UID:od", "SUMMARY:Sydney",
        "DTSTART;TZID=\"(UTC+10:00) Canberra, Melbourne, Sydney\":20260701T100000", "DURATION:PT1H", "END:VEVENT"));
    assertThat(starts("2026-06-30T00:00:00Z", "2026-07-02T00:00:00Z"))
        .containsExactly(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-07-01T08:00:00Z"));
  }

  @Test
  void unknownZoneIsReadInTheOwnersZoneWithANoteNeverUtc() throws Exception {
    var r = load(cal(null, "BEGIN:VEVENT", "UID:u1", "SUMMARY:X", "DTSTART;TZID=Mars/Olympus:20260701T100000",
        "DURATION:PT1H", "END:VEVENT"));
    assertThat(r.problems()).anyMatch(p -> p.reason().contains("unknown time zone"));
    assertThat(starts("2026-06-30T00:00:00Z", "2026-07-02T00:00:00Z")).containsExactly(Instant.parse("2026-07-01T08:00:00Z"));
  }

  @Test
  void aHugeDescriptionIsCutWithANoteAndItsJoinLinkKept() throws Exception {
    String agenda = "Agenda ".repeat(200_000) + " https://meet.google.com/abc-defg-hij";
    var r = load(cal(null, "BEGIN:VEVENT", "UID:big1", "SUMMARY:" + "S".repeat(2500), "DTSTART:20260701T100000Z",
        "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=30", "DESCRIPTION:" + agenda, "END:VEVENT"));
    assertThat(r.problems()).anyMatch(p -> p.reason().equals("DESCRIPTION of " + agenda.length() + " characters cut to 32768"))
        .anyMatch(p -> p.reason().equals("SUMMARY of 2500 characters cut to 2000"));
    List<EventQuery.Row> rows = events("2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z");
    assertThat(rows).hasSize(30).allSatisfy(e -> {
      assertThat(e.description()).hasSize(EventReader.MAX_DESCRIPTION);
      assertThat(e.summary()).hasSize(2000);
    });
    String joinUrl = kith().database().inTransaction(c -> {
      try (var rs = c.createStatement().executeQuery("SELECT join_url FROM calendar_event WHERE uid = 'big1'")) {
        rs.next();
        return rs.getString(1);
      }
    });
    assertThat(joinUrl).isEqualTo("https://meet.google.com/abc-defg-hij");
  }

  @Test
  void theSameOverrideTwiceInOneFileIsOneRowAndALaterVersionUpdatesIt() throws Exception {
    String[] master = {"BEGIN:VEVENT", "UID:o1", "DTSTAMP:20260101T000000Z", "SUMMARY:Daily", "DTSTART:20260301T090000Z",
        "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=5", "END:VEVENT"};
    String[] moved = {"BEGIN:VEVENT", "UID:o1", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID:20260302T090000Z",
        "SUMMARY:Moved", "DTSTART:20260302T110000Z", "DURATION:PT30M", "END:VEVENT"};
    String[] movedAgain = {"BEGIN:VEVENT", "UID:o1", "DTSTAMP:20260102T000000Z", "RECURRENCE-ID:20260302T090000Z",
        "SUMMARY:Moved again", "DTSTART:20260302T140000Z", "DURATION:PT30M", "END:VEVENT"};
    List<String> body = new ArrayList<>(List.of(master));
    body.addAll(List.of(moved));
    body.addAll(List.of(moved));
    body.addAll(List.of(movedAgain));
    var r = load(cal(null, body.toArray(String[]::new)));
    assertThat(r.received()).isEqualTo(4);
    assertThat(List.of(r.created(), r.unchanged(), r.merged())).as(r.toString()).containsExactly(2, 1, 1);
    assertThat(events("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).singleElement()
        .satisfies(e -> assertThat(e.summary()).isEqualTo("Moved again"));
  }

  @Test
  void overrideBeforeItsMasterWithUtcRecurrenceId() throws Exception {
    var r = load(cal(null,
        "BEGIN:VEVENT", "UID:s1", "SUMMARY:Moved", "RECURRENCE-ID:20260302T080000Z",
        "DTSTART;TZID=Europe/Berlin:20260302T140000", "DTEND;TZID=Europe/Berlin:20260302T150000", "END:VEVENT",
        "BEGIN:VEVENT", "UID:s1", "SUMMARY:Weekly", "DTSTART;TZID=Europe/Berlin:20260223T090000",
        "DTEND;TZID=Europe/Berlin:20260223T100000", "RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;TZID=Europe/Berlin:20260309T090000",
        "END:VEVENT"));
    assertThat(r.created()).isEqualTo(2);
    var rows = events("2026-02-01T00:00:00Z", "2026-04-01T00:00:00Z");
    assertThat(rows).extracting(EventQuery.Row::summary).containsExactly("Weekly", "Moved");
    assertThat(rows.get(1).start()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
    assertThat(rows.get(1).recurrenceId()).isEqualTo("20260302T080000Z");
  }

  @Test
  void runawayRulesReturnAtOnce() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
      var r = load(cal(null,
          "BEGIN:VEVENT", "UID:sec", "SUMMARY:S", "DTSTART:20200101T000000Z", "RRULE:FREQ=SECONDLY", "END:VEVENT",
          "BEGIN:VEVENT", "UID:cnt", "SUMMARY:C", "DTSTART:20250101T000000Z", "RRULE:FREQ=DAILY;COUNT=1000000000", "END:VEVENT",
          "BEGIN:VEVENT", "UID:none", "SUMMARY:N", "DTSTART:20250101T000000Z", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
          "END:VEVENT",
          "BEGIN:VEVENT", "UID:min", "SUMMARY:M", "DTSTART:20260115T000000Z", "RRULE:FREQ=MINUTELY", "END:VEVENT"));
      assertThat(r.created()).isEqualTo(4);
      events("2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z");
    });
  }

  @Test
  void reimportChangesNothingAndStaleSequenceIsIgnored() throws Exception {
    String[] v1 = cal("REQUEST", "BEGIN:VEVENT", "UID:inv", "SEQUENCE:1", "DTSTAMP:20260101T000000Z", "SUMMARY:Coffee",
        "ORGANIZER;CN=Ann:mailto:ann@example.org", "ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com",
        "ATTENDEE;CN=Bob Roe;PARTSTAT=NEEDS-ACTION:mailto:bob@example.org",
        "DTSTART:20260120T100000Z", "DTEND:20260120T110000Z", "END:VEVENT");
    assertThat(load(v1).created()).isEqualTo(1);
    var again = load(v1);
    assertThat(again.created() + again.merged()).isZero();
    assertThat(again.unchanged()).isEqualTo(1);
    var older = load(cal("REQUEST", "BEGIN:VEVENT", "UID:inv", "SEQUENCE:0", "DTSTAMP:20260102T000000Z",
        "SUMMARY:Old", "DTSTART:20260120T120000Z", "END:VEVENT"));
    assertThat(older.unchanged()).isEqualTo(1);
    assertThat(older.problems()).anyMatch(p -> p.reason().contains("older"));
    assertThat(events("2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z")).extracting(EventQuery.Row::summary)
        .containsExactly("Coffee");
  }

  @Test
  void cancelOnlyFromTheOrganizerAndReplyUpdatesOneAttendee() throws Exception {
    load(cal("REQUEST", "BEGIN:VEVENT", "UID:c1", "SEQUENCE:0", "SUMMARY:Series",
        "ORGANIZER:mailto:ann@example.org", "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.org",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com",
        "DTSTART;TZID=Europe/Amsterdam:20260202T100000", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=4", "END:VEVENT"));
    var forged = load(cal("CANCEL", "BEGIN:VEVENT", "UID:c1", "SEQUENCE:1", "ORGANIZER:mailto:mallory@example.net",
        "END:VEVENT"));
    assertThat(forged.problems()).anyMatch(p -> p.reason().contains("not from the organizer"));
    assertThat(events("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")).hasSize(4);
    var one = load(cal("CANCEL", "BEGIN:VEVENT", "UID:c1", "SEQUENCE:1", "ORGANIZER:mailto:ANN@example.org",
        "RECURRENCE-ID;TZID=Europe/Amsterdam:20260209T100000", "END:VEVENT"));
    assertThat(one.merged()).isEqualTo(1);
    assertThat(starts("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")).doesNotContain(Instant.parse("2026-02-09T09:00:00Z"))
        .hasSize(3);
    var reply = load(cal("REPLY", "BEGIN:VEVENT", "UID:c1", "SEQUENCE:0",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.org", "END:VEVENT"));
    assertThat(reply.merged()).isEqualTo(1);
    assertThat(events("2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z").get(0).attendees())
        .anyMatch(a -> a.email().equals("bob@example.org") && "DECLINED".equals(a.partstat()));
    var unknown = load(cal("CANCEL", "BEGIN:VEVENT", "UID:nobody", "END:VEVENT"));
    assertThat(unknown.problems()).anyMatch(p -> p.reason().contains("does not know"));
    var all = load(cal("CANCEL", "BEGIN:VEVENT", "UID:c1", "SEQUENCE:2", "ORGANIZER:mailto:ann@example.org", "END:VEVENT"));
    assertThat(all.merged()).isEqualTo(1);
    assertThat(events("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")).isEmpty();
  }

  @Test
  void allDayFormsHaveExclusiveEnds() throws Exception {
    load(cal(null, "BEGIN:VEVENT", "UID:ad", "SUMMARY:Offsite", "DTSTART;VALUE=DATE:20260610",
        "DTEND;VALUE=DATE:20260612", "END:VEVENT",
        "BEGIN:VEVENT", "UID:cdo", "SUMMARY:Holiday", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        "DTSTART;TZID=W. Europe Standard Time:20260615T000000", "DTEND;TZID=W. Europe Standard Time:20260616T000000",
        "END:VEVENT"));
    var rows = events("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).allDay()).isTrue();
    assertThat(rows.get(0).startDate()).hasToString("2026-06-10");
    assertThat(rows.get(0).endDate()).hasToString("2026-06-12");
    assertThat(rows.get(0).start()).isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
    assertThat(rows.get(1).allDay()).isTrue();
    assertThat(rows.get(1).endDate()).hasToString("2026-06-16");
  }

  @Test
  void peopleBecomeContactsAndPastMeetingsAreInteractions() throws Exception {
    load(cal("REQUEST", "BEGIN:VEVENT", "UID:m1", "SUMMARY:Tea with Bob", "ORGANIZER:mailto:me@example.com",
        "ATTENDEE;CN=Bob Roe;PARTSTAT=ACCEPTED:mailto:Bob@Example.org",
        "ATTENDEE;CN=Carol;PARTSTAT=DECLINED:mailto:carol@example.org",
        "ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@example.org",
        "LOCATION:https://meet.google.com/abc-defg-hij",
        "DTSTART:20260110T100000Z", "DTEND:20260110T110000Z", "END:VEVENT"));
    kith().database().inTransaction(c -> {
      try (var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT c.name, s.source, c.since, c.last_interaction FROM contact c"
              + " JOIN contact_sources s ON s.contact_id = c.id ORDER BY c.name")) {
        List<String> got = new ArrayList<>();
        while (rs.next()) {
          got.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|" + (rs.getObject(4) != null));
        }
        assertThat(got).containsExactly("Bob Roe|met at Tea with Bob|2026-01-10|true", "Carol|met at Tea with Bob|2026-01-10|false");
      }
      return null;
    });
    var row = events("2026-01-10T00:00:00Z", "2026-01-11T00:00:00Z").get(0);
    assertThat(row.joinUrl()).isEqualTo("https://meet.google.com/abc-defg-hij");
  }

  /** Meetings are recorded in bulk (batches of 2,000, key lookups of 500): counts and refreshes must still hold. */
  @Test
  void aLongPastSeriesRecordsEachMeetingOnceAndRefreshesEachContact() throws Exception {
    String[] people = new String[7];
    for (int i = 0; i < people.length; i++) {
      people[i] = "ATTENDEE;CN=P" + i + ";PARTSTAT=ACCEPTED:mailto:p" + i + "@example.org";
    }
    java.util.function.IntFunction<String[]> series = count -> {
      List<String> l = new ArrayList<>(List.of("BEGIN:VEVENT", "UID:daily", "SEQUENCE:" + count, "SUMMARY:Daily",
          "ORGANIZER:mailto:me@example.com", "DTSTART:20250301T090000Z", "DTEND:20250301T093000Z",
          "RRULE:FREQ=DAILY;COUNT=" + count));
      l.addAll(List.of(people));
      l.add("END:VEVENT");
      return cal(null, l.toArray(String[]::new));
    };
    assertThat(load(series.apply(320)).created()).isEqualTo(1); // last one 2026-01-14 09:00Z
    assertThat(interactions()).isEqualTo(320 * 7);
    assertThat(load(series.apply(320)).unchanged()).isEqualTo(1);
    assertThat(interactions()).isEqualTo(320 * 7);
    kith().database().inTransaction(c -> {
      try (var st = c.createStatement()) {
        st.executeUpdate("UPDATE contact SET cadence = 'P1M' WHERE id = (SELECT contact_id FROM contact_emails"
            + " WHERE email_key = 'p0@example.org')");
      }
      return null;
    });
    // one more day (2026-01-15 09:00-09:30Z, before now): seven new meetings, the others stay as they were
    assertThat(load(series.apply(321)).merged()).isEqualTo(1);
    assertThat(interactions()).isEqualTo(321 * 7);
    kith().database().inTransaction(c -> {
      try (var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT e.email_key, c.last_interaction, d.next_due FROM contact c"
              + " JOIN contact_emails e ON e.contact_id = c.id LEFT JOIN contact_due d ON d.contact_id = c.id ORDER BY e.email_key")) {
        int n = 0;
        while (rs.next()) {
          n++;
          assertThat(rs.getObject(2, java.time.LocalDateTime.class)).hasToString("2026-01-15T09:00");
          if (rs.getString(1).equals("p0@example.org")) {
            assertThat(rs.getObject(3, java.time.LocalDateTime.class)).isAfter("2026-02-15T09:00");
          } else {
            assertThat(rs.getObject(3)).isNull();
          }
        }
        assertThat(n).isEqualTo(7);
      }
      return null;
    });
  }

  long interactions() {
    return kith().database().inTransaction(c -> {
      try (var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT source_key) FROM interaction WHERE kind = 'meeting'")) {
        rs.next();
        assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
        return rs.getLong(1);
      }
    });
  }

  @Test
  void messageWithInlineAndAttachedCalendarIsAppliedOnce() throws Exception {
    String ics = String.join("\r\n", cal("REQUEST", "BEGIN:VEVENT", "UID:mail1", "SUMMARY:Lunch",
        "DTSTART:20260301T120000Z", "DTEND:20260301T130000Z", "END:VEVENT")) + "\r\n";
    String b64 = java.util.Base64.getMimeEncoder().encodeToString(ics.getBytes(StandardCharsets.UTF_8));
    String eml = String.join("\r\n", "From: Ann <ann@example.org>", "To: me@example.com", "Subject: Lunch",
        "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b1\"", "", "--b1",
        "Content-Type: TEXT/CALENDAR; method=REQUEST; charset=UTF-8", "", ics, "--b1",
        "Content-Type: application/ics; name=\"../../etc/invite.ics\"", "Content-Transfer-Encoding: base64",
        "Content-Disposition: attachment; filename=\"../../etc/invite.ics\"", "", b64, "--b1--", "");
    var r = loadBytes(eml.getBytes(StandardCharsets.UTF_8), "m.eml");
    assertThat(r.format()).isEqualTo("email");
    assertThat(r.received()).isEqualTo(1);
    assertThat(r.created()).isEqualTo(1);
    var none = loadBytes("From: a@b.c\r\nTo: d@e.f\r\nSubject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8), "n.eml");
    assertThat(none.status()).isEqualTo(FileReport.REJECTED);
    // a message without a calendar is mail in's: from someone who is not the owner it changes nothing
    assertThat(none.problems().get(0).reason()).contains("who is not the owner");
  }

  @Test
  void brokenFileIsRejectedWithItsLineAndLeavesNothing() throws Exception {
    var r = load("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:ok1", "SUMMARY:Fine",
        "DTSTART:20260301T120000Z", "END:VEVENT", "BEGIN:VEVENT", "UID:bad", "this line is garbage",
        "DTSTART;;VALUE=DATE-TIME:20260301T120000Z", "END:VEVENT", "END:VCALENDAR");
    assertThat(r.status()).isEqualTo(FileReport.REJECTED);
    assertThat(r.problems().get(0).where()).startsWith("line ");
    assertThat(events("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void foldSplittingAUtf8CharacterAndWindows1252() throws Exception {
    byte[] head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:f1\r\nDTSTART:20260301T120000Z\r\nSUMMARY:Caf"
        .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII);
    var out = new java.io.ByteArrayOutputStream();
    out.write(head);
    out.write(0xC3);
    out.write("\r\n ".getBytes(StandardCharsets.US_ASCII));
    out.write(0xA9);
    out.write(tail);
    loadBytes(out.toByteArray(), "fold.ics");
    out.reset();
    out.write(head);
    out.write(0xE9); // é in windows-1252
    out.write(tail);
    var latin = loadBytes(out.toByteArray(), "latin.ics");
    assertThat(latin.problems()).anyMatch(p -> p.reason().contains("windows-1252"));
    assertThat(latin.unchanged()).as("the same text once decoded").isEqualTo(1);
    assertThat(events("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z")).extracting(EventQuery.Row::summary)
        .containsExactly("Café");
  }

  @Test
  void eventsJsonThroughTheCli() throws Exception {
    load(cal(null, "BEGIN:VEVENT", "UID:j1", "SUMMARY:Review", "DTSTART;TZID=Europe/Amsterdam:20260120T090000",
        "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2", "END:VEVENT"));
    kith().close();
    kith = null;
    Cli cli = new Cli(home);
    settings().forEach((k, v) -> cli.env(KithConfig.envName(k), v));
    var res = cli
        .run("--now", "2026-01-15T10:00:00Z", "--json", "events", "--from", "2026-01-20", "--to", "2026-01-21");
    assertThat(res.exitCode()).as(res.toString()).isZero();
    JsonNode list = Output.mapper().readTree(res.out());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("start").asText()).isEqualTo("2026-01-20T08:00:00Z");
    assertThat(list.get(0).get("end").asText()).isEqualTo("2026-01-20T09:00:00Z");
    assertThat(list.get(0).get("recurrenceId").asText()).isEqualTo("20260120T080000Z");
    assertThat(list.get(0).get("allDay").asBoolean()).isFalse();
    assertThat(list.get(1).get("uid").asText()).isEqualTo("j1");
  }

  @Test
  void weeklyByDayWithUntilExpandsFully() throws Exception {
    // regression: iCal4j's lazy stream yields nothing for BYDAY rules; every instance must be there
    load(cal(null, "BEGIN:VEVENT", "UID:bd", "SUMMARY:TuTh", "DTSTART;VALUE=DATE:20260219", "DTEND;VALUE=DATE:20260220",
        "RRULE:FREQ=WEEKLY;UNTIL=20260305T220000Z;BYDAY=TU,TH;WKST=MO", "END:VEVENT",
        "BEGIN:VEVENT", "UID:bt", "SUMMARY:Timed", "DTSTART;TZID=America/New_York:20260302T170000", "DURATION:PT1H",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260311T220000Z", "END:VEVENT"));
    assertThat(events("2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z")).extracting(r -> r.startDate().toString())
        .containsExactly("2026-02-19", "2026-02-24", "2026-02-26");
    // timed series at 17:00 New York (22:00Z, then 21:00Z after the US change on 8 March), and the
    // all-day series on 3 and 5 March (midnight in the owner's zone, Amsterdam)
    assertThat(starts("2026-03-02T00:00:00Z", "2026-03-20T00:00:00Z")).containsExactly(
        Instant.parse("2026-03-02T22:00:00Z"), Instant.parse("2026-03-02T23:00:00Z"),
        Instant.parse("2026-03-04T22:00:00Z"), Instant.parse("2026-03-04T23:00:00Z"),
        Instant.parse("2026-03-09T21:00:00Z"), Instant.parse("2026-03-11T21:00:00Z"));
  }

  @Test
  void floatingTimesFollowTheCalendarsOwnZoneAndANewSeriesVersionDropsOldExceptions() throws Exception {
    load("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "X-WR-TIMEZONE:America/New_York",
        "BEGIN:VEVENT", "UID:fl", "SUMMARY:Floating", "DTSTART:20260701T090000", "DURATION:PT1H", "END:VEVENT",
        "END:VCALENDAR");
    assertThat(starts("2026-07-01T00:00:00Z", "2026-07-02T00:00:00Z")).containsExactly(Instant.parse("2026-07-01T13:00:00Z"));

    load(cal("REQUEST", "BEGIN:VEVENT", "UID:sv", "SEQUENCE:0", "SUMMARY:Series", "DTSTART:20260706T090000Z",
        "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT",
        "BEGIN:VEVENT", "UID:sv", "SEQUENCE:0", "SUMMARY:Moved", "RECURRENCE-ID:20260707T090000Z",
        "DTSTART:20260707T150000Z", "DURATION:PT1H", "END:VEVENT"));
    assertThat(events("2026-07-06T00:00:00Z", "2026-07-09T00:00:00Z")).extracting(EventQuery.Row::summary)
        .containsExactly("Series", "Moved", "Series");
    var v2 = load(cal("REQUEST", "BEGIN:VEVENT", "UID:sv", "SEQUENCE:1", "SUMMARY:Series v2", "DTSTART:20260706T100000Z",
        "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT"));
    assertThat(v2.merged()).isEqualTo(1);
    assertThat(starts("2026-07-06T00:00:00Z", "2026-07-09T00:00:00Z")).containsExactly(Instant.parse("2026-07-06T10:00:00Z"),
        Instant.parse("2026-07-07T10:00:00Z"), Instant.parse("2026-07-08T10:00:00Z"));
  }

  @Test
  void replyForOneOccurrenceAndLargeInvitationsAndDryRun() throws Exception {
    List<String> body = new ArrayList<>(List.of("BEGIN:VEVENT", "UID:big", "SUMMARY:All hands",
        "ORGANIZER:mailto:ceo@example.org", "DTSTART:20260706T090000Z", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=3"));
    for (int i = 0; i < 20; i++) {
      body.add("ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:person" + i + "@example.org");
    }
    body.add("END:VEVENT");
    Path dry = home.resolve("dry.ics");
    Files.writeString(dry, String.join("\r\n", cal("REQUEST", body.toArray(String[]::new))));
    var wouldBe = Importers.standard(kith()).importFile(dry, new ImportRequest("dry.ics", "dry.ics", true));
    assertThat(wouldBe.created()).isEqualTo(1);
    assertThat(events("2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z")).isEmpty();

    load(cal("REQUEST", body.toArray(String[]::new)));
    assertThat(events("2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z")).hasSize(3);
    int contacts = kith().database().inTransaction(c -> {
      try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM contact")) {
        rs.next();
        return rs.getInt(1);
      }
    });
    assertThat(contacts).as("more than 15 people: no contacts made").isZero();

    var reply = load(cal("REPLY", "BEGIN:VEVENT", "UID:big", "RECURRENCE-ID:20260713T090000Z",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:person3@example.org", "END:VEVENT"));
    assertThat(reply.merged()).isEqualTo(1);
    var rows = events("2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z");
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(r -> r.attendees().stream().filter(a -> a.email().equals("person3@example.org"))
        .findFirst().orElseThrow().partstat()).containsExactly("NEEDS-ACTION", "DECLINED", "NEEDS-ACTION");
    assertThat(rows.get(1).start()).isEqualTo(Instant.parse("2026-07-13T09:00:00Z"));
  }
}
