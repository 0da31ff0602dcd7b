package app.kith.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Kith's settings, layered lowest first: the defaults in {@code config/application.properties},
 * then {@code <home>/kith.properties}, then {@code KITH_*} environment variables
 * ({@code kith.a.b-c} is {@code KITH_A_B_C}).
 */
public final class KithConfig {

  public static final String DEFAULTS_RESOURCE = "/kith-defaults/application.properties";

  private final Path home;
  private final Map<String, String> values;

  private KithConfig(Path home, Map<String, String> values) {
    this.home = home;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Loads the layers for a home folder; {@code env} is the process environment in production. */
  public static KithConfig load(Path home, Optional<Path> appDir, Map<String, String> env) {
    Map<String, String> merged = new TreeMap<>();
    merged.putAll(readDefaults(appDir));
    Path homeFile = home.resolve("kith.properties");
    if (Files.isRegularFile(homeFile)) {
      merged.putAll(read(homeFile));
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith("KITH_") || name.equals("KITH_HOME") || name.equals("KITH_NOW")) {
        continue;
      }
      merged.put(keyForEnv(name, merged), e.getValue());
    }
    return new KithConfig(home.toAbsolutePath().normalize(), merged);
  }

  /** A configuration from explicit values only (tests). */
  public static KithConfig of(Path home, Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(readDefaults(Optional.empty()));
    merged.putAll(overrides);
    return new KithConfig(home.toAbsolutePath().normalize(), merged);
  }

  /** A copy with some keys replaced. */
  public KithConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new KithConfig(home, merged);
  }

  /** The environment variable name of a key: {@code kith.budget.per-week} is {@code KITH_BUDGET_PER_WEEK}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String keyForEnv(String envName, Map<String, String> known) {
    for (String key : known.keySet()) {
      if (envName(key).equals(envName)) {
        return key;
      }
    }
    return envName.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Map<String, String> readDefaults(Optional<Path> appDir) {
    if (appDir.isPresent()) {
      Path file = appDir.get().resolve("config").resolve("application.properties");
      if (Files.isRegularFile(file)) {
        return read(file);
      }
    }
    try (InputStream in = KithConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        return Map.of();
      }
      return toMap(in.readAllBytes());
    } catch (IOException e) {
      throw new ConfigException("cannot read the built-in defaults: " + e.getMessage());
    }
  }

  private static Map<String, String> read(Path file) {
    try {
      return toMap(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> toMap(byte[] bytes) throws IOException {
    Properties p = new Properties();
    try (Reader r = new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8))) {
      p.load(r);
    }
    Map<String, String> m = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      m.put(name, p.getProperty(name).trim());
    }
    return m;
  }

  public Path home() {
    return home;
  }

  /** All settings, for handing to Camel as placeholders. */
  public Map<String, String> asMap() {
    return values;
  }

  /** The value, or empty when the key is missing or blank. */
  public Optional<String> find(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String get(String key, String fallback) {
    return find(key).orElse(fallback);
  }

  public String require(String key) {
    return find(key).orElseThrow(() -> new ConfigException("setting " + key + " is required"));
  }

  public int getInt(String key, int fallback) {
    return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
  }

  public long getLong(String key, long fallback) {
    return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
  }

  public boolean getBoolean(String key, boolean fallback) {
    return find(key)
        .map(
            v -> {
              String s = v.toLowerCase(Locale.ROOT);
              if (s.equals("true") || s.equals("yes") || s.equals("on")) {
                return true;
              }
              if (s.equals("false") || s.equals("no") || s.equals("off")) {
                return false;
              }
              throw new ConfigException("setting " + key + " must be true or false, not '" + v + "'");
            })
        .orElse(fallback);
  }

  public LocalTime getTime(String key, LocalTime fallback) {
    return find(key).map(v -> parse(key, v, LocalTime::parse)).orElse(fallback);
  }

  public Duration getDuration(String key, Duration fallback) {
    return find(key).map(v -> parse(key, v, Duration::parse)).orElse(fallback);
  }

  public Period getPeriod(String key, Period fallback) {
    return find(key).map(v -> parse(key, v, Period::parse)).orElse(fallback);
  }

  /** Comma-separated values, trimmed, blanks dropped. */
  public List<String> getList(String key) {
    return find(key)
        .map(v -> Stream.of(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** The owner's zone ({@code kith.timezone}). */
  public ZoneId zone() {
    return find("kith.timezone").map(v -> parse("kith.timezone", v, ZoneId::of)).orElse(ZoneId.of("UTC"));
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new ConfigException("setting " + key + " has an invalid value '" + value + "'");
    }
  }
}
