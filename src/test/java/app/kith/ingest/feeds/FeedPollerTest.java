package app.kith.ingest.feeds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feed polling against a real HTTP server (WireMock), private addresses allowed for the test. */
class FeedPollerTest {

  @TempDir Path home;
  WireMockServer server;
  Kith kith;
  Instant now = Instant.parse("2026-01-15T10:00:00Z");

  static String ics(String summary) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:feed-1\r\nDTSTAMP:20260101T000000Z\r\n"
        + "SUMMARY:" + summary + "\r\nDTSTART:20260120T100000Z\r\nDTEND:20260120T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
    if (kith != null) {
      kith.close();
    }
  }

  FeedPoller poller(Map<String, String> extra) {
    if (kith != null) {
      kith.close();
    }
    Map<String, String> cfg = new HashMap<>(Map.of("kith.feeds.allow-private", "true", "kith.feeds.timeout-seconds", "1",
        "kith.feeds.max-bytes", "5000"));
    cfg.putAll(extra);
    kith = new Kith(KithConfig.of(home, cfg), Clock.fixed(now, ZoneOffset.UTC));
    return new FeedPoller(kith);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Test
  void importsThenAsksWithEtagAndGets304ThenSeesAChange() {
    server.stubFor(get("/cal.ics").withHeader("If-None-Match", absent())
        .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody(ics("First"))));
    server.stubFor(get("/cal.ics").withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse().withStatus(304)));
    var first = poller(Map.of()).poll(url("/cal.ics"));
    assertThat(first.outcome()).isEqualTo("imported");
    assertThat(first.report().created()).isEqualTo(1);
    assertThat(first.feed()).doesNotContain("cal.ics");
    assertThat(poller(Map.of()).poll(url("/cal.ics")).outcome()).isEqualTo("not modified");
    server.verify(getRequestedFor(urlEqualTo("/cal.ics")).withHeader("If-None-Match", equalTo("\"v1\"")));

    server.resetAll();
    server.stubFor(get("/cal.ics").willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v2\"").withBody(ics("Second"))));
    var changed = poller(Map.of()).poll(url("/cal.ics"));
    assertThat(changed.report().merged()).isEqualTo(1);

    // the next version no longer lists feed-1: it is withdrawn (cancelled), and comes back when listed again
    server.resetAll();
    server.stubFor(get("/cal.ics").willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v3\"")
        .withBody(ics("Other").replace("UID:feed-1", "UID:feed-2"))));
    var v3 = poller(Map.of()).poll(url("/cal.ics"));
    assertThat(v3.report().problems()).anyMatch(p -> p.reason().contains("no longer in the feed"));
    assertThat(summaries()).containsExactly("Other");
    server.resetAll();
    server.stubFor(get("/cal.ics").willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v4\"").withBody(ics("Second"))));
    assertThat(poller(Map.of()).poll(url("/cal.ics")).report().merged()).isEqualTo(1);
    assertThat(summaries()).contains("Second");
  }

  java.util.List<String> summaries() {
    var ctx = app.kith.ingest.calendar.CalendarContext.of(kith);
    return kith.database().inTransaction(c -> new app.kith.calendar.EventQuery(ctx.store())
        .between(c, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))
        .stream().map(app.kith.calendar.EventQuery.Row::summary).toList();
  }

  @Test
  void errorsBackOff() {
    server.stubFor(get("/missing.ics").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/broken.ics").willReturn(aResponse().withStatus(500)));
    var p = poller(Map.of());
    assertThat(p.poll(url("/missing.ics")).outcome()).startsWith("failed: HTTP 404");
    assertThat(p.poll(url("/broken.ics")).outcome()).startsWith("failed: HTTP 500");
    assertThat(p.poll(url("/broken.ics")).outcome()).startsWith("backing off");
    server.verify(1, getRequestedFor(urlEqualTo("/broken.ics")));
    now = now.plusSeconds(24 * 3600);
    assertThat(poller(Map.of()).poll(url("/broken.ics")).outcome()).startsWith("failed: HTTP 500");
  }

  @Test
  void slowOversizedAndRedirectLoopsFail() {
    server.stubFor(get("/slow.ics").willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody(ics("Slow"))));
    server.stubFor(get("/big.ics").willReturn(aResponse().withStatus(200).withBody("X".repeat(6000))));
    server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
    server.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));
    server.stubFor(get("/hop").willReturn(aResponse().withStatus(301).withHeader("Location", "/ok.ics")));
    server.stubFor(get("/ok.ics").willReturn(aResponse().withStatus(200).withBody(ics("Moved"))));
    var p = poller(Map.of());
    long t0 = System.nanoTime();
    assertThat(p.poll(url("/slow.ics")).outcome()).contains("timed out");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2900);
    assertThat(p.poll(url("/big.ics")).outcome()).contains("larger than");
    assertThat(p.poll(url("/a")).outcome()).contains("redirects");
    server.verify(2, getRequestedFor(urlEqualTo("/a")));
    assertThat(p.poll(url("/hop")).outcome()).isEqualTo("imported");
  }

  @Test
  void privateAddressesAreRefusedByDefault() {
    server.stubFor(get("/cal.ics").willReturn(aResponse().withStatus(200).withBody(ics("Inside"))));
    var r = poller(Map.of("kith.feeds.allow-private", "false")).poll(url("/cal.ics"));
    assertThat(r.outcome()).contains("private address");
    server.verify(0, getRequestedFor(urlEqualTo("/cal.ics")));
  }
}
