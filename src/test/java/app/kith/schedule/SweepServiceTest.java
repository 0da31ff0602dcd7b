package app.kith.schedule;

import static app.kith.schedule.Fixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.KithService;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule-sweep route in the running service: a stop across a due time gives one reminder each. */
class SweepServiceTest {

  @TempDir Path home;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Map<String, String> settings() throws Exception {
    return Map.of(
        "kith.http.port", Integer.toString(freePort()),
        "kith.schedule.sweep-cron", "* * * * * ?", // every second, for the test
        "kith.inbox.poll-ms", "60000");
  }

  /** Stops the service and its Quartz scheduler, as a process that ends would. */
  static void stop(KithService service) throws Exception {
    service.stop();
    org.quartz.Scheduler s = org.quartz.impl.SchedulerRepository.getInstance().lookup("kith");
    if (s != null && !s.isShutdown()) {
      s.shutdown(true);
    }
  }

  @Test
  void aServiceStoppedAcrossADueTimeProducesWhatFellDueOnceWhenItStartsAgain() throws Exception {
    // Monday 12:00: a dinner on Tuesday, and Ana whose keep-in-touch falls due Tuesday 08:00
    try (Fixture f = new Fixture(home, local("2025-03-03T12:00"), settings())) {
      f.event("dinner", "Dinner", local("2025-03-04T19:00"), local("2025-03-04T21:00"), true, "host@x.org", List.of());
      long ana = f.contact("Ana Lima", "ana@lima.dev", "P14D", local("2025-02-17T12:00")); // + 14 days: Mon 12:00 -> Tue 08:00
      KithService service = new KithService(f.kith, Optional.of(Path.of("").toAbsolutePath()));
      service.start();
      try {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.reminders().size() == 1);
        assertThat(f.reminders().get(0).dueAt()).isEqualTo(local("2025-03-03T18:00"));
      } finally {
        stop(service);
      }
      // down from Monday 12:00 to Tuesday 10:00: the brief (18:00) and Ana (08:00) fell due meanwhile
      f.clock.set(local("2025-03-04T10:00"));
      assertThat(f.reminders()).hasSize(1);
    }
    try (Fixture f = new Fixture(home, local("2025-03-04T10:00"), settings())) {
      KithService service = new KithService(f.kith, Optional.of(Path.of("").toAbsolutePath()));
      service.start();
      try {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.reminders().size() == 2);
        // the sweep fires every second: for the next few passes nothing is doubled
        Awaitility.await().during(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(10))
            .until(() -> f.reminders().size() == 2);
        var rows = f.reminders();
        assertThat(rows).extracting(Fixture.Row::kind).containsExactly("prepare", "keep-in-touch");
        assertThat(rows).extracting(Fixture.Row::status).containsOnly("due");
        assertThat(rows.get(1).dueAt()).isEqualTo(local("2025-03-04T08:00"));
      } finally {
        stop(service);
      }
    }
  }
}
