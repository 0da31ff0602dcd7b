package app.kith.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.config.KithConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/** Kith's Quartz scheduler on the application database. */
class QuartzSetupTest {

  @TempDir Path home;

  /** A job that does nothing: the test is about the triggers' state in the store. */
  public static final class Idle implements org.quartz.Job {
    @Override
    public void execute(org.quartz.JobExecutionContext context) {}
  }

  @Test
  void triggersAStopCutShortLeftPausedAreResumedAndOthersLeftAlone() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.systemUTC())) {
      Scheduler scheduler = QuartzSetup.create(kith.config(), kith.database());
      try {
        for (String name : new String[] {"sweep", "deliver-outbox"}) {
          JobDetail job = JobBuilder.newJob(Idle.class).withIdentity(name, "kith").build();
          Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "kith")
              .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?")).build();
          scheduler.scheduleJob(job, trigger);
        }
        JobDetail other = JobBuilder.newJob(Idle.class).withIdentity("someone-elses", "other").build();
        scheduler.scheduleJob(other, TriggerBuilder.newTrigger().withIdentity("someone-elses", "other")
            .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?")).build());
        // what Camel does to each trigger when its route stops, on a store that is not clustered
        scheduler.pauseTrigger(TriggerKey.triggerKey("sweep", "kith"));
        scheduler.pauseTrigger(TriggerKey.triggerKey("someone-elses", "other"));

        assertThat(QuartzSetup.resumeLeftPaused(scheduler)).containsExactly("kith.sweep");
        assertThat(scheduler.getTriggerState(TriggerKey.triggerKey("sweep", "kith"))).isEqualTo(Trigger.TriggerState.NORMAL);
        assertThat(scheduler.getTriggerState(TriggerKey.triggerKey("deliver-outbox", "kith"))).isEqualTo(Trigger.TriggerState.NORMAL);
        assertThat(scheduler.getTriggerState(TriggerKey.triggerKey("someone-elses", "other"))).isEqualTo(Trigger.TriggerState.PAUSED);
        assertThat(QuartzSetup.resumeLeftPaused(scheduler)).isEmpty();
      } finally {
        scheduler.shutdown();
      }
    }
  }
}
