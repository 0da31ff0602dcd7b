package app.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KithCommandTest {

  @TempDir Path home;

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    var r = new Cli(home).runRaw("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("import", "contacts", "events", "due", "agenda", "done", "snooze", "log", "cadence", "export", "feed-url", "run")
        .contains("--home", "--now", "--json")
        .contains("2  nothing could be done");
  }

  @Test
  void everyCommandPrintsTheVersion() {
    var root = new Cli(home).runRaw("--version");
    assertThat(root.out()).startsWith("kith ");
    for (String command : new String[] {"run", "import", "contacts"}) {
      var r = new Cli(home).runRaw(command, "-V");
      assertThat(r.exitCode()).as(command).isZero();
      assertThat(r.out()).as(command).isEqualTo(root.out());
    }
  }

  @Test
  void aNewHomeIsNamedOnStderrOnce() {
    Path fresh = home.resolve("typo");
    var first = new Cli(fresh).run("contacts");
    assertThat(first.exitCode()).isZero();
    assertThat(first.err()).contains("no home at " + fresh.toAbsolutePath() + " yet");
    var second = new Cli(fresh).run("contacts");
    assertThat(second.err()).doesNotContain("no home");
  }

  @Test
  void unknownOptionIsBadUsageWithExitTwoAndNoStackTrace() {
    var r = new Cli(home).run("--frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").doesNotContain("at app.kith");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void malformedNowIsOneClearSentence() {
    var r = new Cli(home).run("--now", "next tuesday", "contacts");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("kith: --now must be an ISO-8601 instant").doesNotContain("Exception");
  }

  @Test
  void aHomeThatIsAFileIsOneClearSentence() throws Exception {
    Path file = home.resolve("not-a-folder");
    java.nio.file.Files.writeString(file, "x");
    var r = new Cli(file).run("contacts");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("kith: the home " + file + " is a file, not a folder (give another --home)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void nowAcceptsAnOffsetOrZ() {
    assertThat(KithCommand.parseInstant("2025-03-02T18:00+01:00", "--now")).hasToString("2025-03-02T17:00:00Z");
    assertThat(KithCommand.parseInstant("2025-03-03T09:00Z", "--now")).hasToString("2025-03-03T09:00:00Z");
  }

  @Test
  void homeComesFromTheOptionThenTheEnvironmentThenData() {
    var root = new KithCommand(java.util.Map.of("KITH_HOME", "/x/y"), java.util.Optional.empty());
    assertThat(root.homeDir()).isEqualTo(Path.of("/x/y"));
    var plain = new KithCommand(java.util.Map.of(), java.util.Optional.empty());
    assertThat(plain.homeDir()).isEqualTo(Path.of("data"));
  }
}
