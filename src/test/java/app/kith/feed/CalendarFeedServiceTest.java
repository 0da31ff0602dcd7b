package app.kith.feed;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.app.KithService;
import app.kith.config.KithConfig;
import app.kith.notify.Rows;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running service: the private calendar feed over HTTP, and the deliver-outbox route sending to SMTP. */
class CalendarFeedServiceTest {

  @TempDir Path home;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void feedAnswersWithEtagAnd304AndTheSame404ForAnyWrongTokenWhileTheRouteDelivers() throws Exception {
    int http = freePort();
    int smtpPort = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> s = new HashMap<>();
    s.put("kith.http.port", Integer.toString(http));
    s.put("kith.owner.email", "me@example.com");
    s.put("kith.timezone", "Europe/Amsterdam");
    s.put("kith.quiet-hours", ""); // the test may run at night
    s.put("kith.smtp.host", "127.0.0.1");
    s.put("kith.smtp.port", Integer.toString(smtpPort));
    s.put("kith.outbox.poll-ms", "500");
    try (Kith kith = new Kith(KithConfig.of(home, s), Clock.systemUTC())) {
      Instant now = Instant.now();
      Rows rows = new Rows(kith.database(), now.minusSeconds(3600));
      rows.event("board@test", "Board dinner", now.plusSeconds(3 * 3600), now.plusSeconds(5 * 3600), "Club", null, Map.of());
      long id = rows.reminder("prepare", "prepare:board@test:", null, "board@test", "Board dinner", now.minusSeconds(60));
      String url = new FeedToken(kith).url();
      assertThat(url).matches("http://127\\.0\\.0\\.1:" + http + "/calendar/[A-Za-z0-9_-]{27}\\.ics");

      KithService service = new KithService(kith, Optional.of(Path.of("").toAbsolutePath()));
      java.io.PrintStream stderr = System.err;
      java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
      System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
        @Override
        public void write(int b) {
          stderr.write(b);
          synchronized (logs) {
            logs.write(b);
          }
        }
      }, true));
      service.start();
      try {
        // the deliver-outbox route (Quartz) sends the brief and marks the reminder notified; that
        // changes the entry (DTSTAMP), so the ETag is compared after it, not across it
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("Prepare: Board dinner");
        assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> rows.count("SELECT COUNT(*) FROM reminder WHERE notified_at IS NOT NULL") == 1);

        HttpResponse<String> ok = get(url, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        assertThat(ok.body()).contains("UID:reminder-" + id + "@kith").contains("SUMMARY:Prepare: Board dinner");
        assertThat(new CalendarBuilder().build(new StringReader(ok.body())).getComponents("VEVENT")).hasSize(1);
        ReminderCalendarTest.assertStrictLines(ok.body());

        HttpResponse<String> same = get(url, etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();

        String base = "http://127.0.0.1:" + http + "/calendar/";
        String token = url.substring(base.length(), url.length() - 4);
        // one character changed (to one it is not: a token starting with A made this the right URL)
        String other = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        HttpResponse<String> wrong = get(base + other + ".ics", null);
        HttpResponse<String> missing = get(base + "nothing.ics", null);
        HttpResponse<String> noSuffix = get(base + token, null);
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(noSuffix.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).isEqualTo(missing.body()).isEqualTo(noSuffix.body()).doesNotContain("BEGIN");


        // rotation: the old URL is gone at once
        String rotated = new FeedToken(kith).rotate();
        assertThat(get(url, null).statusCode()).isEqualTo(404);
        assertThat(get(base + rotated + ".ics", null).statusCode()).isEqualTo(200);
        assertThat(logs.toString(java.nio.charset.StandardCharsets.UTF_8)).as("logs").contains("calendar-feed")
            .doesNotContain(token).doesNotContain(rotated);
      } finally {
        service.stop();
        smtp.stop();
        System.setErr(stderr);
      }
    }
  }
}
