package app.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.notify.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --once, feed-url and export --format ics through the real command line. */
class DeliveryCliTest {

  static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

  @TempDir Path home;

  long[] seed() {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.systemUTC())) {
      Rows rows = new Rows(kith.database(), T0.minusSeconds(86400));
      long ann = rows.contact("Ann Archer", "ann@acme.test", "Acme", "CTO", "Met at a conference");
      rows.event("evt@test", "Partner lunch", T0.plusSeconds(3 * 3600), T0.plusSeconds(5 * 3600), "Cafe", null,
          Map.of("ann@acme.test", ann));
      long prep = rows.reminder("prepare", "prepare:evt@test:", null, "evt@test", "Partner lunch", T0.minusSeconds(60));
      long kit = rows.reminder("keep-in-touch", "kit:ann", ann, null, "Ann Archer", Instant.parse("2025-03-03T07:00:00Z"));
      return new long[] {prep, kit};
    }
  }

  @Test
  void runOnceDeliversToTheOutboxFoldersAndSaysSoInJson() throws Exception {
    long[] ids = seed();
    Cli cli = new Cli(home);
    Cli.Result r = cli.run("--now", "2025-03-03T11:00+01:00", "--json", "run", "--once");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode j = Output.mapper().readTree(r.out());
    assertThat(j.at("/imported/received").asInt()).isZero();
    assertThat(j.at("/reminders/created").isInt()).isTrue();
    assertThat(j.at("/emails/sent").asInt()).isZero();
    assertThat(j.at("/emails/written").asInt()).isEqualTo(2);
    assertThat(j.at("/emails/failed").asInt()).isZero();
    assertThat(j.at("/calendar/written").asInt()).isEqualTo(2);
    try (var files = Files.list(home.resolve("outbox/mail"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(2);
    }
    assertThat(home.resolve("outbox/calendar/reminder-" + ids[0] + ".ics")).exists();
    assertThat(home.resolve("outbox/calendar/reminder-" + ids[1] + ".ics")).exists();

    // a second pass at the same instant adds nothing
    Cli.Result again = cli.run("--now", "2025-03-03T11:00+01:00", "--json", "run", "--once");
    JsonNode j2 = Output.mapper().readTree(again.out());
    assertThat(j2.at("/emails/written").asInt()).isZero();
    assertThat(j2.at("/calendar/written").asInt()).isZero();

    // done: the file becomes a cancellation, the feed drops the entry
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.systemUTC())) {
      new Rows(kith.database(), T0).setStatus(ids[1], "done");
    }
    Cli.Result third = cli.run("--now", "2025-03-03T12:00+01:00", "run", "--once");
    assertThat(third.exitCode()).isZero();
    assertThat(third.out()).contains("calendar: 1 files written");
    assertThat(Files.readString(home.resolve("outbox/calendar/reminder-" + ids[1] + ".ics"))).contains("STATUS:CANCELLED");

    Path out = home.resolve("export.ics");
    // export applies the rules at now first, as due and agenda do: the same morning, not today's date
    Cli.Result export = cli.run("--now", "2025-03-03T12:00+01:00", "export", "--format", "ics", "--out", out.toString());
    assertThat(export.exitCode()).as(export.toString()).isZero();
    String ics = Files.readString(out);
    app.kith.feed.ReminderCalendarTest.assertStrictLines(ics);
    var events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
    assertThat(events).hasSize(1);
    assertThat(ics).contains("UID:reminder-" + ids[0] + "@kith").doesNotContain("reminder-" + ids[1] + "@kith");
    assertThat(cli.run("--now", "2025-03-03T12:00+01:00", "export", "--format", "ics").out()).isEqualTo(ics);
  }

  @Test
  void aFileThatCannotBeReadMakesRunOnceExitWithOne() throws Exception {
    Files.createDirectories(home.resolve("inbox/contacts"));
    Files.writeString(home.resolve("inbox/contacts/notes.txt"), "just words\n");
    Cli.Result r = new Cli(home).run("--now", "2025-03-03T11:00+01:00", "--json", "run", "--once");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(home.resolve("inbox/contacts/.error/notes.txt")).exists();
    assertThat(Output.mapper().readTree(r.out()).has("emails")).isTrue();
    // which file, why, and where it went, on stderr (stdout is the JSON)
    assertThat(r.err()).contains("kith: notes.txt: rejected, moved to .error/: not a format Kith reads");

    Files.writeString(home.resolve("inbox/contacts/some.csv"), "Name,Email\nAda Lovelace,ada@example.org\n,\n,,x\n");
    Cli.Result partial = new Cli(home).run("--now", "2025-03-03T11:00+01:00", "run", "--once");
    assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(1);
    assertThat(partial.err()).contains("kith: some.csv: 1 of 2 records rejected; the reasons are in its report in .done/");
    assertThat(home.resolve("inbox/contacts/.done/some.csv.report.json")).exists();
  }

  @Test
  void feedUrlIsStableUntilRotated() {
    Cli cli = new Cli(home);
    String first = cli.run("feed-url").out().strip();
    assertThat(first).matches("http://127\\.0\\.0\\.1:8080/calendar/[A-Za-z0-9_-]{27}\\.ics");
    assertThat(cli.run("feed-url").out().strip()).isEqualTo(first);
    Cli.Result rotated = cli.run("feed-url", "--rotate");
    assertThat(rotated.exitCode()).isZero();
    assertThat(rotated.out().strip()).isNotEqualTo(first).startsWith("http://127.0.0.1:8080/calendar/");
    assertThat(rotated.err()).doesNotContain(first.substring(first.lastIndexOf('/') + 1));
  }
}
