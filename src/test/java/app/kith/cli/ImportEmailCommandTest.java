package app.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.ingest.mail.Mails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kith import x.eml} runs the same mail-in pipeline as the mailbox. */
class ImportEmailCommandTest {

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void importingAMessageRecordsItsConversationOnceAndRejectsAMalformedOne() throws Exception {
    long bob;
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.systemUTC())) {
      bob = Mails.contact(kith.database(), "Bob", "bob@example.org");
    }
    Path eml = files.resolve("lunch.eml");
    Files.write(eml, Mails.plain("cli1@mail", "me@example.com", "bob@example.org", null, "Lunch", "Shall we?"));
    Cli cli = new Cli(home).env("KITH_OWNER_EMAIL", "me@example.com");

    Cli.Result first = cli.run("--json", "import", eml.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("\"format\" : \"email\"").contains("\"status\" : \"imported\"").contains("\"created\" : 1");

    Cli.Result again = cli.run("--json", "import", eml.toString());
    assertThat(again.out()).contains("\"created\" : 0").contains("\"unchanged\" : 1");

    Path broken = files.resolve("broken.eml");
    Files.write(broken, Mails.bytes("Message-ID: <b@mail>\nFrom: me@example.com\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"q\"\n\nno boundary ever comes\nx\n"));
    Cli.Result bad = cli.run("import", broken.toString());
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
    assertThat(bad.out()).contains("rejected as email").contains("malformed MIME message");

    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.systemUTC())) {
      assertThat(Mails.interactions(kith.database())).singleElement().asString().contains("email:cli1@mail:" + bob);
    }
  }
}
