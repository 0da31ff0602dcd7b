package app.kith.e2e;

import static app.kith.e2e.Files4Week.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import app.kith.cli.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week in the life of a user, through the real command line only: settings in kith.properties,
 * exports and invitations as their producers write them, {@code run --once} at chosen instants, and
 * the emails and calendar files read as the user would read them. Europe/Amsterdam is UTC+1 all week.
 */
class ScriptedWeekTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  Cli cli;
  final List<String> seenMail = new ArrayList<>();

  Cli.Result ok(String now, String... args) {
    List<String> all = new ArrayList<>(List.of("--now", now));
    all.addAll(List.of(args));
    Cli.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  JsonNode json(String now, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(List.of(args));
    return JSON.readTree(ok(now, all.toArray(String[]::new)).out());
  }

  /** {@code run --once --json} at a local Amsterdam time of the week. */
  JsonNode runOnce(String now) throws Exception {
    return json(now, "run", "--once");
  }

  /** The emails written since the last call, oldest first. */
  List<Email> newMail() throws Exception {
    List<Email> fresh = new ArrayList<>();
    try (Stream<Path> s = Files.list(home.resolve("outbox/mail"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
        if (!seenMail.contains(p.getFileName().toString())) {
          seenMail.add(p.getFileName().toString());
          fresh.add(Email.read(p));
        }
      }
    }
    return fresh;
  }

  void drop(String folder, String name, String content) throws Exception {
    Path dir = home.resolve(folder);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  JsonNode reminder(JsonNode list, String kind, String contactName) {
    for (JsonNode r : list) {
      if (r.get("kind").asText().equals(kind)
          && (contactName == null ? r.get("contact").isNull()
              : !r.get("contact").isNull() && r.get("contact").get("name").asText().equals(contactName))) {
        return r;
      }
    }
    throw new AssertionError("no " + kind + " for " + contactName + " in " + list.toPrettyString());
  }

  /** UIDs of the reminder entries that are not cancelled, in outbox/calendar. */
  Set<String> openCalendarFiles() throws Exception {
    Set<String> uids = new TreeSet<>();
    try (Stream<Path> s = Files.list(home.resolve("outbox/calendar"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".ics")).toList()) {
        Calendar c = new CalendarBuilder().build(new StringReader(Files.readString(p)));
        for (VEvent e : c.<VEvent>getComponents("VEVENT")) {
          if (!"CANCELLED".equals(e.getProperty("STATUS").map(st -> st.getValue()).orElse(""))) {
            uids.add(e.getUid().orElseThrow().getValue());
          }
        }
      }
    }
    return uids;
  }

  Set<String> exportedUids(String now) throws Exception {
    Path out = home.resolve("export.ics");
    ok(now, "export", "--format", "ics", "--out", out.toString());
    Calendar c = new CalendarBuilder().build(new StringReader(Files.readString(out)));
    Set<String> uids = new TreeSet<>();
    for (VEvent e : c.<VEvent>getComponents("VEVENT")) {
      if (!"CANCELLED".equals(e.getProperty("STATUS").map(st -> st.getValue()).orElse(""))) {
        uids.add(e.getUid().orElseThrow().getValue());
      }
    }
    return uids;
  }

  @Test
  void aWeekInTheLifeOfAUser() throws Exception {
    cli = new Cli(home);
    Files.createDirectories(home);
    Files.writeString(home.resolve("kith.properties"),
        "kith.owner.email = " + OWNER + "\n"
            + "kith.owner.name = Robin de Vries\n"
            + "kith.timezone = Europe/Amsterdam\n"
            + "kith.owner.pitch = I help hospitals plan night shifts that people can live with.\n");

    // ---- Sunday 2 March: bring the network in, give two people a cadence, drop the invitations
    String sunday = "2025-03-02T12:00+01:00";
    Path csv = home.resolve("downloads/Connections.csv");
    Path vcf = home.resolve("downloads/phone.vcf");
    Files.createDirectories(csv.getParent());
    Files.writeString(csv, Files4Week.CONNECTIONS_CSV);
    Files.writeString(vcf, Files4Week.PHONE_VCF);
    JsonNode imported = json(sunday, "import", csv.toString(), vcf.toString());
    assertThat(imported.get("files").get(0).get("format").asText()).isEqualTo("linkedin-csv");
    assertThat(imported.get("files").get(1).get("format").asText()).isEqualTo("vcard-3.0");
    assertThat(imported.get("totals").get("created").asInt()).isEqualTo(4); // Amara, José, Mei, Sofia
    assertThat(imported.get("totals").get("merged").asInt()).isEqualTo(1); // Amara from the phone

    // Amara and I had coffee in February: she is someone I know
    ok(sunday, "log", "amara.okafor@example.com", "--kind", "meeting", "--at", "2025-02-10T12:00+01:00",
        "--note", "Coffee in Leeds, talked about rota tools");
    // José: a call on 19 February and a cadence of two weeks: due at Wednesday's digest
    ok(sunday, "log", "José Ramírez", "--kind", "call", "--at", "2025-02-19T08:00+01:00");
    JsonNode jose = json(sunday, "cadence", "José Ramírez", "P14D");
    assertThat(jose.get("nextDue").asText()).isEqualTo("2025-03-05T07:00:00Z");
    JsonNode sofia = json(sunday, "cadence", "sofia.berg@example.net", "casual");
    assertThat(sofia.get("cadence").asText()).isEqualTo("P3M");
    assertThat(sofia.get("nextDue").asText()).startsWith("2025-06-0");

    drop("inbox/calendar", "Pilot kick-off.ics", Files4Week.KICKOFF_ICS);
    drop("inbox/calendar", "standup.ics", Files4Week.STANDUP_ICS);
    drop("inbox/calendar", "lunch.ics", Files4Week.lunch("REQUEST", 0, "CONFIRMED"));

    // ---- Monday 17:59: the invitations are read, nothing is sent yet
    JsonNode pass = runOnce("2025-03-03T17:59+01:00");
    assertThat(pass.get("imported").get("received").asInt()).isEqualTo(3);
    assertThat(pass.get("imported").get("rejected").asInt()).isZero();
    assertThat(pass.get("emails").get("written").asInt()).isZero();
    assertThat(newMail()).isEmpty();
    assertThat(home.resolve("inbox/calendar/.done/Pilot kick-off.ics.report.json")).exists();

    // ---- Monday 18:00: the brief for Tuesday's kick-off, and none for the stand-up series
    pass = runOnce("2025-03-03T18:00+01:00");
    assertThat(pass.get("emails").get("written").asInt()).isEqualTo(1);
    List<Email> mail = newMail();
    assertThat(mail).hasSize(1);
    Email brief = mail.get(0);
    System.out.println(brief.subject() + "\n" + brief.text());
    assertThat(brief.to()).containsExactly("Robin de Vries <" + OWNER + ">");
    assertThat(brief.subject()).isEqualTo("Prepare: Pilot kick-off, Tue 4 Mar 10:00");
    assertThat(brief.text())
        .contains("10:00").contains("11:00").doesNotContain("09:00") // my zone, not UTC
        .contains("Boardroom 4.12")
        .contains(Files4Week.TEAMS)
        .contains("Amara Okafor").contains("How you met: LinkedIn connection; address book (phone.vcf)")
        .contains("Last time: Monday 10 February 2025, meeting: Coffee in Leeds")
        .contains("Nils Nieuwenhuis")
        .contains("one or two meaningful connections")
        .contains("I help hospitals plan night shifts that people can live with.")
        .contains("stepping out for a break is fine");
    String known = section(brief.text(), "People you know", "New to you");
    String fresh = section(brief.text(), "New to you", "Your goal");
    assertThat(known).contains("Amara Okafor").doesNotContain("Nils");
    assertThat(fresh).contains("Nils Nieuwenhuis").doesNotContain("Amara").doesNotContain("Boardroom");
    assertThat(starters(brief.text())).hasSize(3);
    assertThat(brief.html()).contains("Amara Okafor").contains("Nils Nieuwenhuis").contains(Files4Week.TEAMS)
        .contains("I help hospitals plan night shifts");
    assertThat(brief.events()).hasSize(1);
    assertThat(brief.events().get(0).getUid().orElseThrow().getValue()).startsWith("reminder-");

    // ---- Tuesday 08:00: nothing is due, so no digest
    pass = runOnce("2025-03-04T08:00+01:00");
    assertThat(pass.get("emails").get("written").asInt()).isZero();
    assertThat(newMail()).isEmpty();

    // ---- Tuesday 22:30: a breakfast appears for Wednesday 09:00; its brief is due at once but waits out the quiet hours
    drop("inbox/calendar", "breakfast.ics", Files4Week.BREAKFAST_ICS);
    pass = runOnce("2025-03-04T22:30+01:00");
    assertThat(pass.get("imported").get("created").asInt()).isEqualTo(1);
    assertThat(pass.get("emails").get("written").asInt()).isZero();
    pass = runOnce("2025-03-05T07:59+01:00");
    assertThat(pass.get("emails").get("written").asInt()).isZero();
    assertThat(newMail()).isEmpty();

    // ---- Wednesday 08:00: the digest (a follow-up for Nils only, José to keep in touch with) and the breakfast brief
    pass = runOnce("2025-03-05T08:00+01:00");
    assertThat(pass.get("emails").get("written").asInt()).isEqualTo(2);
    mail = newMail();
    Email digest = mail.stream().filter(m -> m.subject().startsWith("Kith digest")).findFirst().orElseThrow();
    Email breakfast = mail.stream().filter(m -> m.subject().startsWith("Prepare:")).findFirst().orElseThrow();
    System.out.println(digest.subject() + "\n" + digest.text());
    assertThat(breakfast.subject()).isEqualTo("Prepare: Founders breakfast, Wed 5 Mar 09:00");
    assertThat(digest.subject()).isEqualTo("Kith digest for Wednesday 5 March 2025: 1 follow-up, 1 to keep in touch with");
    assertThat(digest.text())
        .contains("Nils Nieuwenhuis").contains("Pilot kick-off")
        .contains("José Ramírez")
        .doesNotContain("Amara") // known before the meeting: no follow-up
        .doesNotContain("Boardroom") // a room
        .doesNotContain("Kees"); // the stand-up is a series
    assertThat(digest.events()).hasSize(2);

    JsonNode due = json("2025-03-05T09:00+01:00", "due");
    for (JsonNode r : due) {
      assertThat(r.fieldNames()).toIterable()
          .containsExactly("id", "kind", "dueAt", "title", "status", "contact", "event");
    }
    JsonNode nils = reminder(due, "follow-up", "Nils Nieuwenhuis");
    assertThat(nils.get("dueAt").asText()).isEqualTo("2025-03-05T07:00:00Z");
    assertThat(nils.get("status").asText()).isEqualTo("due");
    assertThat(nils.get("contact").get("email").asText()).isEqualTo("nils@newco.test");
    assertThat(nils.get("event").get("uid").asText()).isEqualTo(Files4Week.KICKOFF_UID);
    assertThat(nils.get("event").get("summary").asText()).isEqualTo("Pilot kick-off");
    assertThat(nils.get("event").get("start").asText()).isEqualTo("2025-03-04T09:00:00Z");
    JsonNode joseDue = reminder(due, "keep-in-touch", "José Ramírez");
    assertThat(joseDue.get("event").isNull()).isTrue();
    assertThat(due.findValuesAsText("kind")).doesNotContain("prepare-but-not-this");
    assertThat(due).noneMatch(r -> !r.get("contact").isNull()
        && Set.of("Amara Okafor", "Kees Bakker", "Boardroom 4.12").contains(r.get("contact").get("name").asText()));

    // I wrote to José: the email resets his clock and closes the reminder
    JsonNode logged = json("2025-03-05T09:05+01:00", "log", "jose.ramirez@example.org", "--kind", "email");
    assertThat(logged.get("nextDue").asText()).isEqualTo("2025-03-20T07:00:00Z"); // 19 March 09:05 + first digest after
    // Nils: later
    JsonNode snoozed = json("2025-03-05T09:06+01:00", "snooze", nils.get("id").asText(), "--until", "2025-03-06T08:00+01:00");
    assertThat(snoozed.get("status").asText()).isEqualTo("snoozed");
    due = json("2025-03-05T09:10+01:00", "due");
    assertThat(due.findValuesAsText("title").toString()).doesNotContain("José").doesNotContain("Nils");

    // ---- Wednesday 10:00: the organizer cancels Thursday's lunch (an Outlook cancellation in the mail inbox)
    JsonNode agenda = json("2025-03-05T09:50+01:00", "agenda", "--days", "3");
    assertThat(agenda.findValuesAsText("title")).anyMatch(t -> t.contains("Partner lunch"));
    // a single event has no recurrence id: null, as in events --json (it was "")
    assertThat(agenda).anyMatch(i -> i.get("kind").asText().equals("event")
        && i.get("title").asText().equals("Partner lunch") && i.get("event").get("recurrenceId").isNull());
    long lunchId = 0;
    for (JsonNode i : agenda) {
      if (i.get("kind").asText().equals("prepare") && i.get("title").asText().contains("Partner lunch")) {
        lunchId = i.get("id").asLong();
      }
    }
    assertThat(lunchId).isPositive();
    assertThat(Files.readString(home.resolve("outbox/calendar/reminder-" + lunchId + ".ics"))).doesNotContain("STATUS:CANCELLED");
    drop("inbox/mail", "cancel.eml", Files4Week.cancelEml());
    pass = runOnce("2025-03-05T10:00+01:00");
    assertThat(pass.get("imported").get("received").asInt()).isEqualTo(1);
    assertThat(pass.get("imported").get("rejected").asInt()).isZero();
    agenda = json("2025-03-05T10:01+01:00", "agenda", "--days", "7");
    for (JsonNode item : agenda) {
      assertThat(item.fieldNames()).toIterable()
          .containsExactly("id", "kind", "dueAt", "title", "status", "contact", "event");
    }
    assertThat(agenda.toString()).doesNotContain("Partner lunch");
    // its calendar entry is withdrawn too: calendar apps drop it
    assertThat(Files.readString(home.resolve("outbox/calendar/reminder-" + lunchId + ".ics"))).contains("STATUS:CANCELLED");
    assertThat(agenda).anyMatch(i -> i.get("kind").asText().equals("event")
        && i.get("event").get("summary").asText().equals("Team stand-up") && i.get("id").isNull()
        && i.get("dueAt").asText().equals("2025-03-11T08:00:00Z") && i.get("status").asText().equals("upcoming")
        && i.get("event").get("recurrenceId").asText().equals("20250311T080000Z")); // as events --json has it

    // the calendar files and the export hold exactly the open reminders
    Set<String> open = new TreeSet<>();
    JsonNode all = json("2025-03-05T10:02+01:00", "agenda", "--days", "30");
    for (JsonNode i : all) {
      if (!i.get("kind").asText().equals("event")) {
        open.add("reminder-" + i.get("id").asText() + "@kith");
      }
    }
    assertThat(open).contains("reminder-" + nils.get("id").asText() + "@kith")
        .doesNotContain("reminder-" + joseDue.get("id").asText() + "@kith");
    assertThat(openCalendarFiles()).isEqualTo(open);
    assertThat(exportedUids("2025-03-05T10:03+01:00")).isEqualTo(open);

    // ---- Wednesday 18:00: no brief for the cancelled lunch
    pass = runOnce("2025-03-05T18:00+01:00");
    assertThat(pass.get("emails").get("written").asInt()).isZero();
    assertThat(newMail()).isEmpty();

    // ---- Thursday 08:00: Nils is back in the digest, with the breakfast's "who did you meet?"
    pass = runOnce("2025-03-06T08:00+01:00");
    mail = newMail();
    assertThat(mail).hasSize(1);
    System.out.println(mail.get(0).subject() + "\n" + mail.get(0).text());
    assertThat(mail.get(0).text()).contains("Nils Nieuwenhuis").contains("Who did you meet at Founders breakfast");
    JsonNode done = json("2025-03-06T08:30+01:00", "done", nils.get("id").asText());
    assertThat(done.get("status").asText()).isEqualTo("done");
    runOnce("2025-03-06T08:31+01:00");
    assertThat(openCalendarFiles()).doesNotContain("reminder-" + nils.get("id").asText() + "@kith");
    assertThat(exportedUids("2025-03-06T08:32+01:00")).isEqualTo(openCalendarFiles());
  }

  @Test
  void anInvitationMovedToWednesdayMovesItsBrief() throws Exception {
    cli = new Cli(home);
    Files.createDirectories(home);
    Files.writeString(home.resolve("kith.properties"),
        "kith.owner.email = " + OWNER + "\nkith.timezone = Europe/Amsterdam\n");
    drop("inbox/calendar", "kickoff.ics", Files4Week.KICKOFF_ICS);
    assertThat(runOnce("2025-03-03T12:00+01:00").get("reminders").get("created").asInt()).isEqualTo(1);

    // Outlook sends the update: SEQUENCE 1, a day later
    String moved = Files4Week.KICKOFF_ICS.replace("SEQUENCE:0", "SEQUENCE:1")
        .replace("DTSTAMP:20250228T090000Z", "DTSTAMP:20250303T120000Z")
        .replace("20250304T100000", "20250305T100000").replace("20250304T110000", "20250305T110000");
    drop("inbox/calendar", "kickoff-update.ics", moved);
    JsonNode pass = runOnce("2025-03-03T13:00+01:00");
    assertThat(pass.get("imported").get("merged").asInt()).isEqualTo(1);
    JsonNode due = json("2025-03-03T13:01+01:00", "agenda", "--days", "3");
    JsonNode brief = reminder(due, "prepare", null);
    assertThat(brief.get("dueAt").asText()).isEqualTo("2025-03-04T17:00:00Z"); // Tuesday 18:00
    assertThat(Files.readString(home.resolve("outbox/calendar/reminder-" + brief.get("id").asText() + ".ics")))
        .contains("DTSTART:20250304T170000Z");

    assertThat(runOnce("2025-03-03T18:00+01:00").get("emails").get("written").asInt()).isZero();
    assertThat(newMail()).isEmpty();
    assertThat(runOnce("2025-03-04T18:00+01:00").get("emails").get("written").asInt()).isEqualTo(1);
    List<Email> mail = newMail();
    assertThat(mail).hasSize(1);
    assertThat(mail.get(0).subject()).isEqualTo("Prepare: Pilot kick-off, Wed 5 Mar 10:00");
    assertThat(mail.get(0).text()).contains("Wednesday 5 March 2025, 10:00-11:00");
  }

  static String section(String text, String from, String to) {
    int a = text.indexOf(from);
    int b = text.indexOf(to, a + 1);
    assertThat(a).as(from + " in\n" + text).isNotNegative();
    assertThat(b).as(to + " in\n" + text).isGreaterThan(a);
    return text.substring(a + from.length(), b);
  }

  static List<String> starters(String text) {
    return section(text, "Conversation starters", "Your pitch").lines()
        .map(String::strip).filter(l -> l.startsWith("- ")).toList();
  }
}
