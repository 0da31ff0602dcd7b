package app.kith.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.cli.Output;
import app.kith.config.KithConfig;
import app.kith.contacts.ContactStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox-contacts route of the running service: files in, .done/ or .error/ out. */
class InboxContactsRouteTest {

  @TempDir Path home;

  @Test
  void aDroppedVcardIsImportedAndMovedWithItsReportAndABadFileWithItsReason() throws Exception {
    int port = KithServiceTest.freePort();
    KithConfig config = KithConfig.of(home, Map.of("kith.http.port", Integer.toString(port), "kith.inbox.poll-ms", "200", "kith.inbox.settle-ms", "1000"));
    try (Kith kith = new Kith(config, Clock.systemUTC())) {
      KithService service = new KithService(kith, Optional.of(Path.of("").toAbsolutePath()));
      service.start();
      try {
        Path inbox = home.resolve("inbox/contacts");
        Files.copy(Path.of("examples/contacts/phone-export.vcf"), inbox.resolve("phone-export.vcf"));
        Files.writeString(inbox.resolve("nested.vcf"),
            "BEGIN:VCARD\nVERSION:2.1\nN:outer\nBEGIN:VCARD\nVERSION:2.1\nN:inner\nEND:VCARD\nEND:VCARD\n");
        Files.write(inbox.resolve("empty.csv"), new byte[0]);
        Files.write(inbox.resolve("program.csv"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, '@', 'x'});

        Path report = inbox.resolve(".done/phone-export.vcf.report.json");
        Path error = inbox.resolve(".error/nested.vcf.error.json");
        Path empty = inbox.resolve(".error/empty.csv.error.json");
        Path program = inbox.resolve(".error/program.csv.error.json");
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> Files.exists(report) && Files.exists(error) && Files.exists(empty) && Files.exists(program));
        assertThat(Output.mapper().readTree(Files.readString(empty)).get("reason").asText()).isEqualTo("the file is empty");
        assertThat(Output.mapper().readTree(Files.readString(program)).get("reason").asText()).startsWith("not a format Kith reads");

        assertThat(inbox.resolve(".done/phone-export.vcf")).exists();
        assertThat(inbox.resolve("phone-export.vcf")).doesNotExist();
        JsonNode r = Output.mapper().readTree(Files.readString(report));
        assertThat(r.get("format").asText()).isEqualTo("vcard-3.0");
        assertThat(r.get("status").asText()).isEqualTo("imported");
        assertThat(r.get("received").asInt()).isEqualTo(3);
        assertThat(r.get("created").asInt()).isEqualTo(3);
        assertThat(new ContactStore(kith.database()).list("Sofia")).singleElement()
            .satisfies(c -> assertThat(c.emails()).containsExactly("sofia.berg@example.net"));

        assertThat(inbox.resolve(".error/nested.vcf")).exists();
        JsonNode e = Output.mapper().readTree(Files.readString(error));
        assertThat(e.get("status").asText()).isEqualTo("rejected");
        assertThat(e.get("reason").asText()).contains("nested");
      } finally {
        service.stop();
      }
    }
  }
}
