package app.kith.feed;

import app.kith.app.Kith;
import app.kith.notify.MessageIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /calendar/<token>.ics}: the reminder calendar for whoever holds the token. Every wrong
 * path gets the same 404 (no hint whether a token exists); the token is compared in constant time.
 * The ETag is a hash of the body, so an unchanged calendar answers 304.
 */
public final class CalendarFeed {

  /** What the HTTP layer sends back. */
  public record Response(int status, String etag, String body) {
    static final Response NOT_FOUND = new Response(404, null, "Not Found");
  }

  private final FeedToken token;
  private final ReminderCalendar calendar;

  public CalendarFeed(Kith kith) {
    this.token = new FeedToken(kith);
    this.calendar = new ReminderCalendar(kith);
  }

  /**
   * @param path the request path after {@code /calendar/}, e.g. {@code <token>.ics}
   * @param ifNoneMatch the If-None-Match request header, or null
   */
  public Response serve(String path, String ifNoneMatch) {
    String expected = token.existing();
    if (expected == null || path == null || !path.endsWith(".ics")) {
      return Response.NOT_FOUND;
    }
    String given = path.substring(0, path.length() - 4);
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      return Response.NOT_FOUND;
    }
    String body = calendar.feed();
    String etag = "\"" + MessageIds.sha256(body).substring(0, 32) + "\"";
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      return new Response(304, etag, "");
    }
    return new Response(200, etag, body);
  }

  private static boolean matches(String header, String etag) {
    for (String part : header.split(",")) {
      String p = part.trim();
      if (p.startsWith("W/")) {
        p = p.substring(2);
      }
      if (p.equals(etag) || p.equals("*")) {
        return true;
      }
    }
    return false;
  }
}
