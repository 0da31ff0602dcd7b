package app.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kith.KithException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DurationsTest {

  static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
  static final Instant T = Instant.parse("2025-03-29T12:00:00Z");

  @Test
  void isoAndShortForms() {
    assertThat(Durations.after(T, "PT2H", AMS)).isEqualTo(Instant.parse("2025-03-29T14:00:00Z"));
    assertThat(Durations.after(T, "2h", AMS)).isEqualTo(Instant.parse("2025-03-29T14:00:00Z"));
    assertThat(Durations.after(T, "30m", AMS)).isEqualTo(Instant.parse("2025-03-29T12:30:00Z"));
    assertThat(Durations.after(T, "P1DT2H", AMS)).isEqualTo(Instant.parse("2025-03-30T14:00:00Z"));
    // days are calendar days in the owner's zone: across the DST switch 13:00 local stays 13:00 local
    assertThat(Durations.after(T, "3d", AMS)).isEqualTo(Instant.parse("2025-04-01T11:00:00Z"));
    assertThat(Durations.after(T, "P3D", AMS)).isEqualTo(Instant.parse("2025-04-01T11:00:00Z"));
    assertThat(Durations.after(T, "1w", AMS)).isEqualTo(Instant.parse("2025-04-05T11:00:00Z"));
  }

  @Test
  void nonsenseAndNonPositiveAreRefused() {
    for (String bad : new String[] {"tomorrow", "", "0d", "-P1D", "PT0S", "P", "3 fortnights"}) {
      assertThatThrownBy(() -> Durations.after(T, bad, AMS)).as(bad).isInstanceOf(KithException.class)
          .hasMessageStartingWith("--for must be a positive duration");
    }
  }
}
