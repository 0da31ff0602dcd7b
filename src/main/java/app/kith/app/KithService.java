package app.kith.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The long-running service: Camel Main with the YAML routes of {@code routes/}, Quartz on the
 * application database, and the HTTP endpoints on loopback. Routes are wiring; the beans they call
 * are the plain domain classes bound here.
 */
public final class KithService {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KithService.class);

  private final Kith kith;
  private final Optional<Path> appDir;
  private final Main main;
  private Scheduler scheduler;

  public KithService(Kith kith, Optional<Path> appDir) {
    this.kith = kith;
    this.appDir = appDir;
    this.main = new Main();
  }

  private void configure() {
    kith.prepareHome();
    Scheduler scheduler = QuartzSetup.create(kith.config(), kith.database());
    this.scheduler = scheduler;
    QuartzComponent quartz = new QuartzComponent();
    quartz.setScheduler(scheduler);
    main.bind("quartz", quartz);
    // Start the scheduler even before any quartz: route is used, so the node checks in with the
    // cluster at once; stop it after Camel so running jobs finish.
    main.addMainListener(
        new MainListenerSupport() {
          @Override
          public void afterStart(BaseMainSupport m) {
            try {
              for (String trigger : QuartzSetup.resumeLeftPaused(scheduler)) {
                LOG.warn("schedule {} was left paused by a stop that was cut short; resumed", trigger);
              }
              scheduler.start();
            } catch (SchedulerException e) {
              throw new app.kith.KithException("cannot start the scheduler: " + e.getMessage(), e);
            }
          }

          @Override
          public void afterStop(BaseMainSupport m) {
            try {
              if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
              }
            } catch (SchedulerException e) {
              // stopping anyway
            }
          }
        });
    main.bind("kith", kith);
    main.bind("kithDataSource", kith.database().dataSource());
    // only for kith.inbox.read-lock=idempotent*: on shared storage InboxProcessor's claim (an atomic
    // rename) is what keeps two nodes from importing one file; a lock row a killed node left would
    // keep that path locked for good, so the default read lock is "changed" on every node
    main.bind("inboxLocks", new JdbcMessageIdRepository(kith.database().dataSource(), "kith-inbox"));
    ServiceBeans.bind(kith, main::bind);

    Properties props = new Properties();
    for (Map.Entry<String, String> e : kith.config().asMap().entrySet()) {
      if (!e.getValue().isBlank()) {
        props.setProperty(e.getKey(), e.getValue());
      }
    }
    props.setProperty("kith.home", kith.home().toString());
    props.setProperty("kith.inbox.read-lock", kith.config().get("kith.inbox.read-lock", "changed"));
    // how long an inbox file must be left untouched before it is read; the read lock waits longer
    int settle = app.kith.ingest.InboxProcessor.settleMillis(kith.config());
    props.setProperty("kith.inbox.settle-ms", Integer.toString(settle));
    props.setProperty("kith.inbox.read-lock-timeout", Integer.toString(Math.max(10_000, settle * 3)));
    props.setProperty("camel.main.name", "kith");
    props.setProperty("camel.main.routesIncludePattern", routesPattern());
    props.setProperty("camel.main.shutdownTimeout", "15");
    props.setProperty("camel.server.enabled", "true");
    props.setProperty("camel.server.host", kith.config().get("kith.http.host", "127.0.0.1"));
    props.setProperty("camel.server.port", kith.config().get("kith.http.port", "8080"));
    props.setProperty("camel.main.tracing", "false");
    main.setInitialProperties(props);
  }

  /**
   * Fails in one sentence when the HTTP port is taken: Vert.x reports a busy port asynchronously,
   * with a stack trace, and Camel then runs on without HTTP instead of stopping. Checked by
   * {@code kith run} only: tests that start the service on a probed free port and never call HTTP
   * should not fail when another process took that port in between.
   */
  public static void checkPortFree(String host, String port) {
    int p;
    try {
      p = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new app.kith.KithException("kith.http.port must be a port number, not '" + port + "'");
    }
    try (java.net.ServerSocket s = new java.net.ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(host, p));
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new app.kith.KithException("cannot listen on " + host + ":" + p + " (" + e.getMessage()
          + "): is another Kith or another program using it? Set kith.http.port (or KITH_HTTP_PORT) to a free port");
    }
  }

  /** {@code routes/*.camel.yaml} beside the installation, or the copies inside the jar. */
  String routesPattern() {
    if (appDir.isPresent() && Files.isDirectory(appDir.get().resolve("routes"))) {
      return "file:" + appDir.get().resolve("routes").toAbsolutePath() + "/*.camel.yaml";
    }
    return "classpath:routes/*.camel.yaml";
  }

  /** Starts and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
  public void runUntilStopped() throws Exception {
    checkPortFree(kith.config().get("kith.http.host", "127.0.0.1"), kith.config().get("kith.http.port", "8080"));
    configure();
    main.run();
  }

  /** Starts without blocking (tests); {@link #stop()} ends it. */
  public CamelContext start() throws Exception {
    configure();
    main.start();
    return main.getCamelContext();
  }

  /**
   * Stops Camel, then the Quartz scheduler: {@code Main.stop()} does not run the afterStop
   * listener, and a scheduler left running keeps its name in Quartz's JVM-wide repository, so the
   * next service started in the same JVM would get it back, bound to the stopped CamelContext.
   */
  public void stop() throws Exception {
    main.stop();
    if (scheduler != null && !scheduler.isShutdown()) {
      scheduler.shutdown(true);
    }
  }
}
