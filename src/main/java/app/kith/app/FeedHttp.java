package app.kith.app;

import app.kith.feed.CalendarFeed;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP side of the calendar feed, called by route {@code calendar-feed}: reads the token from
 * the path and If-None-Match, and writes status, ETag, content type and body. The logic is in
 * {@link CalendarFeed}; the token is never logged.
 */
public final class FeedHttp {

  private final CalendarFeed feed;

  public FeedHttp(CalendarFeed feed) {
    this.feed = feed;
  }

  public void handle(Message in) {
    String path = in.getHeader(Exchange.HTTP_PATH, String.class);
    String name = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    String ifNoneMatch = in.getHeader("If-None-Match", String.class);
    CalendarFeed.Response r = feed.serve(name, ifNoneMatch);
    in.removeHeaders("*");
    in.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
    if (r.etag() != null) {
      in.setHeader("ETag", r.etag());
      in.setHeader("Cache-Control", "private, no-cache");
    }
    in.setHeader(Exchange.CONTENT_TYPE, r.status() == 404 ? "text/plain; charset=UTF-8" : "text/calendar; charset=UTF-8");
    in.setBody(r.body());
  }
}
