package app.kith.ingest.feeds;

import app.kith.app.Kith;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.calendar.CalendarFileImporter;
import app.kith.ingest.calendar.CalendarIngest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Polls the remote calendar feeds of {@code kith.feeds} politely: ETag / If-Modified-Since kept in
 * {@code app_setting}, a timeout and a size limit, at most 3 redirects followed by hand (each hop
 * checked), and an exponential backoff after errors. Hosts that resolve to loopback, link-local,
 * private or multicast addresses are refused unless {@code kith.feeds.allow-private=true}. Feed
 * URLs are secrets (private iCal addresses): reports show the host only.
 */
public final class FeedPoller {

  /** What one poll of one feed did. */
  public record Result(String feed, String outcome, FileReport report) {}

  static final int MAX_REDIRECTS = 3;

  private final Kith kith;
  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;
  private final boolean allowPrivate;
  private final Duration interval;

  public FeedPoller(Kith kith) {
    this.kith = kith;
    var config = kith.config();
    this.timeout = Duration.ofSeconds(config.getLong("kith.feeds.timeout-seconds", 20));
    this.maxBytes = config.getLong("kith.feeds.max-bytes", 10L * 1024 * 1024);
    this.allowPrivate = config.getBoolean("kith.feeds.allow-private", false);
    this.interval = Duration.ofMinutes(config.getLong("kith.feeds.poll-minutes", 15));
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
  }

  /** Polls every configured feed that is not backing off; called by the poll-feeds route. */
  public List<Result> pollAll() {
    List<Result> out = new ArrayList<>();
    for (String url : kith.config().get("kith.feeds", "").split(",")) {
      if (!url.isBlank()) {
        out.add(poll(url.trim()));
      }
    }
    return out;
  }

  public Result poll(String url) {
    String key = "feed." + app.kith.calendar.EventReader.fingerprint(url);
    String shown = shown(url);
    Instant now = kith.clock().instant();
    String next = setting(key + ".next-attempt");
    if (next != null && Instant.parse(next).isAfter(now)) {
      return new Result(shown, "backing off until " + next, null);
    }
    try {
      URI uri = URI.create(url);
      for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
        check(uri);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET()
            .header("Accept", "text/calendar, */*;q=0.5").header("User-Agent", "Kith calendar feed poller");
        if (hop == 0) {
          String etag = setting(key + ".etag");
          String modified = setting(key + ".last-modified");
          if (etag != null) {
            req.header("If-None-Match", etag);
          }
          if (modified != null) {
            req.header("If-Modified-Since", modified);
          }
        }
        HttpResponse<InputStream> res = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = res.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
          res.body().close();
          String location = res.headers().firstValue("Location").orElse(null);
          if (location == null) {
            return failed(key, shown, "redirect without a Location", now);
          }
          uri = uri.resolve(location);
          continue;
        }
        if (status == 304) {
          res.body().close();
          succeeded(key, null, null);
          return new Result(shown, "not modified", null);
        }
        if (status != 200) {
          res.body().close();
          return failed(key, shown, "HTTP " + status, now);
        }
        byte[] body;
        try (InputStream in = res.body()) {
          body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
          return failed(key, shown, "the feed is larger than " + maxBytes + " bytes (kith.feeds.max-bytes)", now);
        }
        FileReport report = new CalendarIngest(kith).run(List.of(new CalendarIngest.Part("file", body)),
            CalendarFileImporter.FORMAT, new ImportRequest("feed " + shown, key, false), true);
        succeeded(key, res.headers().firstValue("ETag").orElse(null), res.headers().firstValue("Last-Modified").orElse(null));
        return new Result(shown, "imported", report);
      }
      return failed(key, shown, "more than " + MAX_REDIRECTS + " redirects", now);
    } catch (java.net.http.HttpTimeoutException e) {
      return failed(key, shown, "timed out after " + timeout.toSeconds() + " s", now);
    } catch (IOException | IllegalArgumentException e) {
      return failed(key, shown, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(key, shown, "interrupted", now);
    }
  }

  private void check(URI uri) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IOException("only http and https feeds are read");
    }
    if (uri.getHost() == null) {
      throw new IOException("the feed URL has no host");
    }
    if (allowPrivate) {
      return;
    }
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new IOException("unknown host " + uri.getHost());
    }
    for (InetAddress a : all) {
      if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
          || a.isAnyLocalAddress() || isUniqueLocal(a)) {
        throw new IOException("refused: " + uri.getHost() + " is a private address (kith.feeds.allow-private)");
      }
    }
  }

  private static boolean isUniqueLocal(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 16) {
      return (b[0] & 0xFE) == 0xFC;
    }
    return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64; // 100.64.0.0/10 carrier-grade NAT
  }

  private Result failed(String key, String shown, String reason, Instant now) {
    int failures = Integer.parseInt(java.util.Objects.requireNonNullElse(setting(key + ".failures"), "0")) + 1;
    long minutes = Math.min(interval.toMinutes() * (1L << Math.min(failures, 10)), 24 * 60);
    Instant next = now.plus(Duration.ofMinutes(minutes));
    save(key + ".failures", Integer.toString(failures));
    save(key + ".next-attempt", next.toString());
    return new Result(shown, "failed: " + reason + "; next attempt after " + next, null);
  }

  private void succeeded(String key, String etag, String lastModified) {
    save(key + ".failures", null);
    save(key + ".next-attempt", null);
    if (etag != null || lastModified != null) {
      save(key + ".etag", etag);
      save(key + ".last-modified", lastModified);
    }
  }

  static String shown(String url) {
    try {
      URI u = URI.create(url);
      return (u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/…");
    } catch (RuntimeException e) {
      return "(unreadable feed URL)";
    }
  }

  private String setting(String name) {
    return kith.database().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }

  private void save(String name, String value) {
    kith.database().inTransaction(c -> {
      delete(c, name);
      if (value != null) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)")) {
          ps.setString(1, name);
          ps.setString(2, value.length() > 4000 ? value.substring(0, 4000) : value);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  private static void delete(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_setting WHERE name = ?")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
  }
}
