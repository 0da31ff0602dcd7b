package app.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import app.kith.store.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** due, agenda, done, snooze, log and cadence through the real command line, with --now. */
class ReminderCommandsTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  @TempDir Path home;

  static Instant local(String t) {
    return LocalDateTime.parse(t).atZone(ZONE).toInstant();
  }

  /** Sunday 2025-03-02: a meetup on Monday evening, and Ana and Anabel with email addresses. */
  void seed() {
    KithConfig config = KithConfig.of(home, Map.of("kith.timezone", "Europe/Amsterdam", "kith.owner.email", "me@example.com"));
    try (Kith kith = new Kith(config, Clock.fixed(local("2025-03-01T12:00"), ZONE))) {
      kith.database().inTransaction(c -> {
        long e;
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO calendar_event (uid, summary, location, organizer_email, start_at, end_at, mine, updated_at)"
                + " VALUES ('meetup@x', 'Monday meetup', 'Cafe', 'host@x.org', ?, ?, TRUE, ?)", new String[] {"id"})) {
          Sql.setInstant(ps, 1, local("2025-03-03T19:00"));
          Sql.setInstant(ps, 2, local("2025-03-03T21:00"));
          Sql.setInstant(ps, 3, local("2025-03-01T12:00"));
          ps.executeUpdate();
          try (ResultSet k = ps.getGeneratedKeys()) {
            k.next();
            e = k.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO occurrence (event_id, uid, start_at, end_at) VALUES (?, 'meetup@x', ?, ?)")) {
          ps.setLong(1, e);
          Sql.setInstant(ps, 2, local("2025-03-03T19:00"));
          Sql.setInstant(ps, 3, local("2025-03-03T21:00"));
          ps.executeUpdate();
        }
        for (String[] p : new String[][] {{"Ana Lima", "ana@lima.dev"}, {"Anabel", "anabel@x.org"}, {"Anabel", "anabel@y.org"}}) {
          long id;
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO contact (name, email, email_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
              new String[] {"id"})) {
            ps.setString(1, p[0]);
            ps.setString(2, p[1]);
            ps.setString(3, p[1]);
            Sql.setInstant(ps, 4, local("2025-01-01T12:00"));
            Sql.setInstant(ps, 5, local("2025-01-01T12:00"));
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
              k.next();
              id = k.getLong(1);
            }
          }
          new Interactions(new Cadence(kith.config())).refresh(c, id, local("2025-01-01T12:00"));
        }
        return null;
      });
    }
  }

  JsonNode json(Cli.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Output.mapper().readTree(r.out());
  }

  @Test
  void dueAnswersForTheMomentOfNowAndTheBriefHasTheContractShape() throws Exception {
    seed();
    Cli cli = new Cli(home);
    assertThat(json(cli.run("--now", "2025-03-02T17:59+01:00", "--json", "due"))).isEmpty();
    JsonNode due = json(cli.run("--now", "2025-03-02T18:00+01:00", "--json", "due"));
    assertThat(due).hasSize(1);
    JsonNode r = due.get(0);
    assertThat(r.get("id").asLong()).isPositive();
    assertThat(r.get("kind").asText()).isEqualTo("prepare");
    assertThat(r.get("dueAt").asText()).isEqualTo("2025-03-02T17:00:00Z");
    assertThat(r.get("title").asText()).isEqualTo("Prepare for Monday meetup");
    assertThat(r.get("status").asText()).isEqualTo("due");
    assertThat(r.get("contact").isNull()).isTrue();
    assertThat(r.get("event").get("uid").asText()).isEqualTo("meetup@x");
    assertThat(r.get("event").get("summary").asText()).isEqualTo("Monday meetup");
    assertThat(r.get("event").get("start").asText()).isEqualTo("2025-03-03T18:00:00Z");
    assertThat(fieldNames(r)).containsExactly("id", "kind", "dueAt", "title", "status", "contact", "event");

    var text = cli.run("--now", "2025-03-02T18:00+01:00", "due");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("#" + r.get("id").asLong(), "prepare", "Sun 2025-03-02 18:00", "Prepare for Monday meetup");
    assertThat(cli.run("--now", "2025-03-02T17:00+01:00", "due").out()).contains("Nothing is due.");
  }

  @Test
  void snoozeHidesAReminderUntilItsTimeAndDoneClosesIt() throws Exception {
    seed();
    Cli cli = new Cli(home);
    long id = json(cli.run("--now", "2025-03-02T18:00+01:00", "--json", "due")).get(0).get("id").asLong();
    JsonNode snoozed = json(cli.run("--now", "2025-03-02T18:00+01:00", "--json", "snooze", Long.toString(id), "--for", "2h"));
    assertThat(snoozed.get("status").asText()).isEqualTo("snoozed");
    assertThat(json(cli.run("--now", "2025-03-02T19:59+01:00", "--json", "due"))).isEmpty();
    JsonNode back = json(cli.run("--now", "2025-03-02T20:00+01:00", "--json", "due"));
    assertThat(back).hasSize(1);
    assertThat(back.get(0).get("dueAt").asText()).isEqualTo("2025-03-02T19:00:00Z");

    var until = cli.run("--now", "2025-03-02T20:00+01:00", "snooze", Long.toString(id), "--until", "2025-03-03T09:00+01:00");
    assertThat(until.exitCode()).as(until.toString()).isZero();
    assertThat(until.out()).contains("until Mon 2025-03-03 09:00");

    var done = cli.run("--now", "2025-03-03T09:30+01:00", "done", Long.toString(id));
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.out()).startsWith("Done: #" + id + " Prepare for Monday meetup.");
    assertThat(json(cli.run("--now", "2025-03-03T09:30+01:00", "--json", "due"))).isEmpty();
    assertThat(cli.run("--now", "2025-03-03T09:30+01:00", "snooze", Long.toString(id), "--for", "1d").err())
        .contains("is done; only a due or snoozed reminder can be snoozed");
  }

  @Test
  void unknownIdsAndBadDurationsAreOneClearSentenceWithExitTwo() {
    seed();
    Cli cli = new Cli(home);
    var r = cli.run("done", "999");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("kith: there is no reminder 999 (see `kith due` or `kith agenda` for the ids)\n");
    var s = cli.run("snooze", "999", "--for", "tomorrow");
    assertThat(s.exitCode()).isEqualTo(2);
    assertThat(s.err()).startsWith("kith: --for must be a positive duration like PT2H");
    var both = cli.run("snooze", "1");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(cli.run("--now", "2025-03-02T18:00+01:00", "snooze", "1", "--until", "2025-03-01T09:00Z").err())
        .contains("a snooze must end in the future");
  }

  @Test
  void logRecordsAnInteractionAndCadenceSetsTheNextDue() throws Exception {
    seed();
    Cli cli = new Cli(home);
    JsonNode set = json(cli.run("--now", "2025-03-02T12:00+01:00", "--json", "cadence", "ana@lima.dev", "close"));
    assertThat(set.get("contact").get("name").asText()).isEqualTo("Ana Lima");
    assertThat(set.get("cadence").asText()).isEqualTo("P14D");
    // added 2025-01-01 12:00 + 14 days -> the next digest, 2025-01-16 08:00 (+01:00)
    assertThat(set.get("nextDue").asText()).isEqualTo("2025-01-16T07:00:00Z");
    JsonNode due = json(cli.run("--now", "2025-03-02T12:00+01:00", "--json", "due"));
    assertThat(due).hasSize(1);
    assertThat(due.get(0).get("kind").asText()).isEqualTo("keep-in-touch");
    assertThat(due.get(0).get("contact").get("email").asText()).isEqualTo("ana@lima.dev");

    JsonNode logged = json(cli.run("--now", "2025-03-02T12:30+01:00", "--json", "log", "Ana Lima", "--kind", "email", "--note", "sent the deck"));
    assertThat(logged.get("interaction").get("kind").asText()).isEqualTo("email");
    assertThat(logged.get("nextDue").asText()).isEqualTo("2025-03-17T07:00:00Z");
    assertThat(json(cli.run("--now", "2025-03-02T12:30+01:00", "--json", "due"))).isEmpty(); // closed by the email

    var text = cli.run("--now", "2025-03-02T12:30+01:00", "cadence", "1", "P45D");
    assertThat(text.out()).contains("Keep in touch with Ana Lima every P45D; next");
    JsonNode none = json(cli.run("--now", "2025-03-02T12:30+01:00", "--json", "cadence", "1", "none"));
    assertThat(none.get("cadence").isNull()).isTrue();
    assertThat(none.get("nextDue").isNull()).isTrue();

    var ambiguous = cli.run("log", "anabel");
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("'anabel' matches 2 contacts", "anabel@x.org", "give the id or the email address");
    assertThat(cli.run("log", "nobody@nowhere.org").err()).isEqualTo("kith: no contact has the email address nobody@nowhere.org (see `kith contacts`)\n");
    assertThat(cli.run("cadence", "4242", "close").err()).contains("there is no contact with id 4242");
    assertThat(cli.run("cadence", "1", "weekly").err()).contains("cadence must be close, regular, casual, none or an ISO-8601 period");
    assertThat(cli.run("log", "1", "--kind", "telepathy").err()).contains("--kind must be meeting, email, call, message or note");
    assertThat(cli.run("--now", "2025-03-02T12:30+01:00", "log", "1", "--at", "2025-04-01T00:00Z").err()).contains("is in the future");
  }

  @Test
  void agendaListsUpcomingEventsAndRemindersInTimeOrder() throws Exception {
    seed();
    Cli cli = new Cli(home);
    JsonNode agenda = json(cli.run("--now", "2025-03-01T12:00+01:00", "--json", "agenda", "--days", "3"));
    assertThat(agenda).hasSize(2);
    assertThat(agenda.get(0).get("kind").asText()).isEqualTo("prepare");
    assertThat(agenda.get(0).get("dueAt").asText()).isEqualTo("2025-03-02T17:00:00Z");
    JsonNode event = agenda.get(1);
    assertThat(event.get("kind").asText()).isEqualTo("event");
    assertThat(event.get("id").isNull()).isTrue();
    assertThat(event.get("status").asText()).isEqualTo("upcoming");
    assertThat(event.get("dueAt").asText()).isEqualTo("2025-03-03T18:00:00Z");
    assertThat(event.get("event").get("location").asText()).isEqualTo("Cafe");
    assertThat(json(cli.run("--now", "2025-03-01T12:00+01:00", "--json", "agenda", "--days", "1"))).isEmpty();
    var text = cli.run("--now", "2025-03-01T12:00+01:00", "agenda");
    assertThat(text.out()).contains("Mon 2025-03-03 19:00  Monday meetup @ Cafe", "Sun 2025-03-02 18:00  Prepare for Monday meetup");
    assertThat(cli.run("agenda", "--days", "0").err()).contains("--days must be between 1 and 366");
  }

  static java.util.List<String> fieldNames(JsonNode n) {
    java.util.List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
