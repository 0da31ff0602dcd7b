package app.kith.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;

/**
 * Streams one VCALENDAR through iCal4j's {@link CalendarParserImpl}: a {@link ContentHandler} builds
 * each top-level component (with its subcomponents) and hands it over as soon as it ends, so memory
 * stays flat however big the file. Calendar-level properties (METHOD) are seen before components in
 * every producer we know; {@link #method()} is read when a component is handed over.
 */
public final class ComponentReader {

  static {
    ICal4jSettings.apply();
  }

  /** Receives each top-level component of the calendar (VEVENT, VTIMEZONE, VTODO, ...). */
  public interface Sink {
    void component(RawComponent component, String method);
  }

  private final int maxDepth = 8;
  private final Consumer<RawProperty> calendarProperties;
  private String method;

  public ComponentReader() {
    this(p -> {});
  }

  /** {@code calendarProperties} sees each property of the VCALENDAR itself (X-WR-TIMEZONE, ...). */
  public ComponentReader(Consumer<RawProperty> calendarProperties) {
    this.calendarProperties = calendarProperties;
  }

  public String method() {
    return method;
  }

  /** Parses one VCALENDAR text; syntax errors are thrown as {@link ParserException} with a line. */
  public void read(String text, Sink sink) throws IOException, ParserException {
    Handler handler = new Handler(sink);
    try {
      new CalendarParserImpl().parse(new StringReader(text), handler);
    } catch (SinkFailure f) {
      throw f.cause;
    } catch (ParserException e) {
      if (e.getCause() instanceof SinkFailure f) {
        throw f.cause;
      }
      throw e;
    }
  }

  /** Wraps a failure of the sink (a database error) so that it crosses the parser unchanged. */
  static final class SinkFailure extends RuntimeException {
    final RuntimeException cause;

    SinkFailure(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }

  private final class Handler implements ContentHandler {
    private final Sink sink;
    private final Deque<RawComponent> stack = new ArrayDeque<>();
    private int ordinal;
    private String propertyName;
    private Map<String, String> params;
    private String value;

    Handler(Sink sink) {
      this.sink = sink;
    }

    @Override
    public void startCalendar() {}

    @Override
    public void endCalendar() {}

    @Override
    public void startComponent(String name) {
      if (stack.size() >= maxDepth) {
        throw new IllegalStateException("components nested deeper than " + maxDepth);
      }
      stack.push(RawComponent.empty(name, stack.isEmpty() ? ++ordinal : 0));
    }

    @Override
    public void endComponent(String name) {
      RawComponent done = stack.poll();
      if (done == null) {
        return;
      }
      if (stack.isEmpty()) {
        try {
          sink.component(done, method);
        } catch (SinkFailure f) {
          throw f;
        } catch (RuntimeException e) {
          throw new SinkFailure(e);
        }
      } else {
        stack.peek().components().add(done);
      }
    }

    @Override
    public void startProperty(String name) {
      propertyName = name;
      params = new LinkedHashMap<>(4);
      value = "";
    }

    @Override
    public void propertyValue(String v) {
      value = v;
    }

    @Override
    public void parameter(String name, String v) {
      params.put(name.toUpperCase(Locale.ROOT), v == null ? "" : v);
    }

    @Override
    public void endProperty(String name) {
      RawProperty p = new RawProperty(propertyName, params, value);
      if (stack.isEmpty()) {
        if (p.name().equals("METHOD")) {
          method = p.value().trim().toUpperCase(Locale.ROOT);
        }
        calendarProperties.accept(p);
      } else {
        stack.peek().properties().add(p);
      }
    }
  }
}
