package app.kith.app;

import app.kith.config.KithConfig;
import app.kith.store.Database;
import app.kith.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds Kith's Quartz scheduler: a JDBC job store in the application database (so nothing
 * scheduled is lost across restarts), clustered when {@code kith.cluster.enabled} is on. Every
 * node uses the same instance name, so a cluster shares one set of triggers.
 */
public final class QuartzSetup {

  public static final String INSTANCE_NAME = "kith";
  private static final String DATA_SOURCE = "kithDS";

  private QuartzSetup() {}

  /**
   * Resumes the triggers of Kith's schedules (group {@code kith}) that a stop cut short left paused.
   * Camel pauses each trigger of a non-clustered job store when its route stops, and deletes it at
   * the end of a clean stop; a stop that outlasts its timeout (an inbox import still running) ends
   * before that, and the next start found the trigger in the store, unchanged, and left it paused:
   * no sweep, no delivery, no reminders, without a word. Returns the triggers resumed.
   */
  public static java.util.List<String> resumeLeftPaused(Scheduler scheduler) throws SchedulerException {
    java.util.List<String> resumed = new java.util.ArrayList<>();
    if (scheduler.getMetaData().isJobStoreClustered()) {
      return resumed; // Camel never pauses a clustered store's triggers: another node may be running them
    }
    for (org.quartz.TriggerKey key : scheduler.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(INSTANCE_NAME))) {
      if (scheduler.getTriggerState(key) == org.quartz.Trigger.TriggerState.PAUSED) {
        scheduler.resumeTrigger(key);
        resumed.add(key.toString());
      }
    }
    return resumed;
  }

  public static Scheduler create(KithConfig config, Database db) {
    DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new Provider(db));
    boolean clustered = config.getBoolean("kith.cluster.enabled", false);
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", INSTANCE_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", clustered ? "AUTO" : "NON_CLUSTERED");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", config.get("kith.quartz.threads", "4"));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        db.dialect() == Dialect.POSTGRESQL
            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", config.get("kith.cluster.checkin-ms", "5000"));
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      StdSchedulerFactory factory = new StdSchedulerFactory(p);
      return factory.getScheduler();
    } catch (SchedulerException e) {
      throw new app.kith.KithException("cannot start the scheduler: " + e.getMessage(), e);
    }
  }

  /** Hands Quartz connections from Kith's own pool. */
  private record Provider(Database db) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return db.connection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to Kith and is closed with it
    }

    @Override
    public void initialize() {
      // nothing to do: the pool is already open
    }
  }
}
