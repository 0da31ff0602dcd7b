package app.kith.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A calendar component as read, before any meaning is given to it: Kith's own light model, so that
 * a malformed value costs one record (with a reason) instead of the whole file.
 */
public record RawComponent(String name, List<RawProperty> properties, List<RawComponent> components, int line) {

  public RawComponent {
    name = name.toUpperCase(Locale.ROOT);
  }

  public static RawComponent empty(String name, int line) {
    return new RawComponent(name, new ArrayList<>(), new ArrayList<>(), line);
  }

  public RawProperty first(String propertyName) {
    for (RawProperty p : properties) {
      if (p.name().equals(propertyName)) {
        return p;
      }
    }
    return null;
  }

  public List<RawProperty> all(String propertyName) {
    List<RawProperty> out = new ArrayList<>();
    for (RawProperty p : properties) {
      if (p.name().equals(propertyName)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The unescaped TEXT value of the first such property, or null. */
  public String text(String propertyName) {
    RawProperty p = first(propertyName);
    return p == null ? null : p.text().trim();
  }

  public String toText() {
    StringBuilder b = new StringBuilder(512);
    write(b);
    return b.toString();
  }

  public void write(StringBuilder out) {
    out.append("BEGIN:").append(name).append("\r\n");
    for (RawProperty p : properties) {
      p.write(out);
    }
    for (RawComponent c : components) {
      c.write(out);
    }
    out.append("END:").append(name).append("\r\n");
  }

  /** A copy without the named properties, plus the given ones. */
  public RawComponent with(List<String> drop, List<RawProperty> add) {
    List<RawProperty> props = new ArrayList<>();
    for (RawProperty p : properties) {
      if (!drop.contains(p.name())) {
        props.add(p);
      }
    }
    props.addAll(add);
    return new RawComponent(name, props, components, line);
  }
}
