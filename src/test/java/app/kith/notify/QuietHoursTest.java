package app.kith.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
  final QuietHours night = QuietHours.parse("21:00-08:00", AMS);

  static Instant local(String t) {
    return ZonedDateTime.parse(t + "[Europe/Amsterdam]").toInstant();
  }

  @Test
  void outsideTheWindowNothingWaits() {
    assertThat(night.release(local("2025-03-03T08:00+01:00"))).isEqualTo(local("2025-03-03T08:00+01:00"));
    assertThat(night.release(local("2025-03-03T20:59+01:00"))).isEqualTo(local("2025-03-03T20:59+01:00"));
    assertThat(night.contains(local("2025-03-03T12:00+01:00"))).isFalse();
  }

  @Test
  void eveningWaitsUntilTheNextMorningAcrossMidnight() {
    assertThat(night.release(local("2025-03-03T21:00+01:00"))).isEqualTo(local("2025-03-04T08:00+01:00"));
    assertThat(night.release(local("2025-03-03T23:59+01:00"))).isEqualTo(local("2025-03-04T08:00+01:00"));
    assertThat(night.contains(local("2025-03-03T21:00+01:00"))).isTrue();
  }

  @Test
  void earlyMorningWaitsUntilTheSameMorning() {
    assertThat(night.release(local("2025-03-04T00:30+01:00"))).isEqualTo(local("2025-03-04T08:00+01:00"));
    assertThat(night.release(local("2025-03-04T07:59+01:00"))).isEqualTo(local("2025-03-04T08:00+01:00"));
  }

  @Test
  void followsDaylightSavingTime() {
    // spring forward on 2025-03-30: the night is an hour shorter, the window still ends at 08:00 local
    Instant evening = local("2025-03-29T22:00+01:00");
    assertThat(night.release(evening)).isEqualTo(local("2025-03-30T08:00+02:00"));
    assertThat(night.release(evening)).isEqualTo(Instant.parse("2025-03-30T06:00:00Z"));
    // fall back on 2025-10-26: 08:00 local is 07:00Z
    assertThat(night.release(local("2025-10-25T23:00+02:00"))).isEqualTo(Instant.parse("2025-10-26T07:00:00Z"));
    // a window ending inside the spring-forward gap ends when the clock shows a valid time again
    QuietHours gap = QuietHours.parse("01:00-02:30", AMS);
    assertThat(gap.release(Instant.parse("2025-03-30T00:30:00Z"))).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
  }

  @Test
  void aWindowWithinOneDay() {
    QuietHours lunch = QuietHours.parse("12:00-13:30", AMS);
    assertThat(lunch.release(local("2025-03-03T12:10+01:00"))).isEqualTo(local("2025-03-03T13:30+01:00"));
    assertThat(lunch.release(local("2025-03-03T13:30+01:00"))).isEqualTo(local("2025-03-03T13:30+01:00"));
    assertThat(lunch.release(local("2025-03-03T11:59+01:00"))).isEqualTo(local("2025-03-03T11:59+01:00"));
  }

  @Test
  void emptyMeansNoQuietHours() {
    QuietHours none = QuietHours.parse("", AMS);
    assertThat(none.contains(local("2025-03-03T23:00+01:00"))).isFalse();
  }
}
