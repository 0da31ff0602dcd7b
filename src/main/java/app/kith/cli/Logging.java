package app.kith.cli;

import java.util.Arrays;

/** Logging setup for slf4j-simple: everything to stderr; quiet for commands, informative for the service. */
final class Logging {
  private Logging() {}

  static void configure(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    boolean service = Arrays.asList(args).contains("run") && !Arrays.asList(args).contains("--once");
    setDefault("org.slf4j.simpleLogger.logFile", "System.err");
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : service ? "info" : "warn");
    setDefault("org.slf4j.simpleLogger.showDateTime", "true");
    setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    setDefault("org.slf4j.simpleLogger.showThreadName", "false");
    setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
    // Libraries that are chatty at info even when all is well
    setDefault("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "warn");
    setDefault("org.slf4j.simpleLogger.log.com.zaxxer.hikari", verbose ? "info" : "warn");
    setDefault("org.slf4j.simpleLogger.log.org.quartz", verbose ? "info" : "warn");
    setDefault("org.slf4j.simpleLogger.log.net.fortuna.ical4j", "error");
    // Camel's list of HTTP endpoints names them on 0.0.0.0 whatever host they are bound to;
    // `kith run` names the real address itself
    setDefault("org.slf4j.simpleLogger.log.org.apache.camel.component.platform.http.main.MainHttpServerUtil",
        verbose ? "info" : "warn");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
