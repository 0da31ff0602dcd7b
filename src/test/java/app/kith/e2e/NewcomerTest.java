package app.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.cli.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer meets on a clean checkout: the demo, the messages, the exit codes. */
class NewcomerTest {

  @TempDir Path home;

  @Test
  void theDemoShowsSomethingOnAnyDayAFollowUpFromYesterdayAndAnEventToPrepareFor() throws Exception {
    Cli cli = new Cli(home);
    ObjectMapper json = new ObjectMapper();
    String now = "2027-06-15T12:00+02:00"; // long after the dates written in examples/
    Cli.Result r = cli.run("--now", now, "--json", "run", "--demo", "--once");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode pass = json.readTree(r.out());
    assertThat(pass.get("imported").get("rejected").asInt()).isZero();
    assertThat(pass.get("imported").get("received").asInt()).isEqualTo(9); // 4 + 3 contacts, 2 events
    assertThat(pass.get("emails").get("written").asInt()).isEqualTo(1); // today's digest
    assertThat(r.err()).contains("demo: invitation.ics");

    JsonNode due = json.readTree(cli.run("--now", now, "--json", "due").out());
    assertThat(due).hasSize(1);
    assertThat(due.get(0).get("kind").asText()).isEqualTo("follow-up");
    assertThat(due.get(0).get("contact").get("name").asText()).isEqualTo("Lena Fischer");
    JsonNode agenda = json.readTree(cli.run("--now", now, "--json", "agenda").out());
    assertThat(agenda).anyMatch(i -> i.get("kind").asText().equals("prepare")
        && i.get("dueAt").asText().equals("2027-06-17T16:00:00Z")); // 18:00 the evening before
    assertThat(agenda).anyMatch(i -> i.get("kind").asText().equals("event")
        && i.get("event").get("start").asText().equals("2027-06-18T16:30:00Z")); // 18:30 in Amsterdam
  }

  @Test
  void theCalendarExportedRightAfterAnImportHoldsItsReminders() throws Exception {
    Cli cli = new Cli(home);
    String now = "2026-11-29T12:00+01:00"; // the examples as written: coffee yesterday, meetup on 2 December
    assertThat(cli.run("--now", now, "import", "examples/contacts", "examples/calendar").exitCode()).isZero();
    Cli.Result r = cli.run("--now", now, "export", "--format", "ics");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    var cal = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(r.out()));
    assertThat(cal.getComponents("VEVENT")).hasSize(2); // follow up with Lena, prepare for the meetup
    assertThat(r.out()).contains("Lena Fischer").contains("Prepare for Product people meetup");
  }

  @Test
  void aBusyHttpPortStopsRunWithOneSentenceInsteadOfAStackTraceAndAHang() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Cli cli = new Cli(home).env("KITH_HTTP_PORT", Integer.toString(taken.getLocalPort()));
      Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run("run"));
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("kith: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("Set kith.http.port").doesNotContain("\tat ").doesNotContain("starting on");
    }
  }

  @Test
  void aDatabaseHeldByAnotherProcessIsNamedAsSuchInOneSentence() throws Exception {
    Cli cli = new Cli(home);
    assertThat(cli.run("due").exitCode()).isZero(); // creates the database
    // another process holding the H2 file looks, to H2, like a lock on it
    try (FileChannel ch = FileChannel.open(home.resolve("kith.mv.db"), StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      Cli.Result r = cli.run("--json", "contacts");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip())
          .isEqualTo("kith: the database is in use by another Kith process (stop `kith run` first, or give another --home)");
    }
  }

  @Test
  void aSecondRunOnTheSameHomeIsToldTheHomeIsInUseRatherThanThePort() throws Exception {
    Cli cli = new Cli(home);
    assertThat(cli.run("due").exitCode()).isZero(); // creates the database
    // the first `kith run` holds both the database and the port
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FileChannel ch = FileChannel.open(home.resolve("kith.mv.db"), StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> cli.env("KITH_HTTP_PORT", Integer.toString(taken.getLocalPort())).run("run"));
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("the database is in use by another Kith process").doesNotContain("cannot listen");
    }
  }
}
