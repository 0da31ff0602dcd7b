package app.kith.app;

import app.kith.config.ConfigException;
import app.kith.config.KithConfig;
import app.kith.ingest.ImportLimits;
import java.util.Map;

/**
 * The settings of the service itself, checked when {@code run} starts, before it says it is
 * starting: a bad one is one sentence naming the setting, where Camel or Quartz would otherwise
 * stop with a stack trace, or run on with a schedule that never fires.
 */
public final class ServiceSettings {
  private ServiceSettings() {}

  public static void check(KithConfig config) {
    port(config, "kith.http.port");
    ImportLimits.atLeast(config, "kith.db.pool-size", 8, 1);
    ImportLimits.atLeast(config, "kith.quartz.threads", 4, 1);
    config.zone();
    for (Map.Entry<String, String> e : config.asMap().entrySet()) {
      String key = e.getKey();
      if (key.endsWith("-cron") && !e.getValue().isBlank() && !org.quartz.CronExpression.isValidExpression(e.getValue().trim())) {
        throw new ConfigException("setting " + key + " is no Quartz cron expression (seconds first, such as '0 * * * * ?'),"
            + " not '" + e.getValue() + "'");
      }
      if (key.endsWith("poll-ms")) {
        ImportLimits.atLeast(config, key, 1000, 10);
      }
    }
  }

  /** A TCP port: 1 to 65535 (0 would be any free port, which the user would then not know). */
  static int port(KithConfig config, String key) {
    long p = config.getLong(key, 8080);
    if (p < 1 || p > 65_535) {
      throw new ConfigException("setting " + key + " must be a port number from 1 to 65535, not " + p);
    }
    return (int) p;
  }
}
