package app.kith.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.config.KithConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KithServiceTest {

  @TempDir Path home;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void startsOnAFreshHomeServesHealthOnLoopbackAndStopsCleanly() throws Exception {
    int port = freePort();
    KithConfig config = KithConfig.of(home, Map.of("kith.http.port", Integer.toString(port), "kith.inbox.poll-ms", "200", "kith.inbox.settle-ms", "1000"));
    try (Kith kith = new Kith(config, Clock.systemUTC())) {
      KithService service = new KithService(kith, Optional.of(Path.of("").toAbsolutePath()));
      service.start();
      try {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(home.resolve("inbox/contacts")).isDirectory();
        assertThat(home.resolve("outbox/mail")).isDirectory();
        assertThat(Files.exists(home.resolve("kith.mv.db"))).isTrue();

        // a file Kith cannot read is moved aside with its reason, never deleted
        Files.writeString(home.resolve("inbox/contacts/notes.txt"), "just some words, no contacts here\n");
        Path moved = home.resolve("inbox/contacts/.error/notes.txt");
        Path reason = home.resolve("inbox/contacts/.error/notes.txt.error.json");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Files.exists(reason));
        assertThat(moved).hasContent("just some words, no contacts here");
        assertThat(Files.readString(reason)).contains("\"status\" : \"rejected\"").contains("not a format Kith reads");
        assertThat(home.resolve("inbox/contacts/notes.txt")).doesNotExist();
      } finally {
        service.stop();
      }
    }
  }
}
