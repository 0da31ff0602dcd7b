package app.kith.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.config.KithConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar arithmetic of the rules, in the owner's zone, across DST and year ends. */
class ScheduleSettingsTest {

  final ScheduleSettings s =
      ScheduleSettings.of(
          KithConfig.of(Path.of("/tmp/unused"), Map.of(
              "kith.timezone", "Europe/Amsterdam", "kith.owner.email", "Me@Example.com", "kith.owner.aliases", "me@work.example, other@me.org")));

  @Test
  void theBriefIsAt1800LocalOnTheEveningBeforeAlsoAcrossDst() {
    // Monday 2025-03-31 10:00 CEST; Sunday 2025-03-30 is the switch day: 18:00 CEST = 16:00Z
    assertThat(s.prepareDue(Instant.parse("2025-03-31T08:00:00Z"), null)).isEqualTo(Instant.parse("2025-03-30T16:00:00Z"));
    // an event at 00:30 local on Tuesday: the evening before is Monday
    assertThat(s.prepareDue(Instant.parse("2025-03-03T23:30:00Z"), null)).isEqualTo(Instant.parse("2025-03-03T17:00:00Z"));
    // all-day: the day itself counts, not its UTC instant
    assertThat(s.prepareDue(Instant.parse("2025-03-03T23:00:00Z"), LocalDate.of(2025, 3, 4)))
        .isEqualTo(Instant.parse("2025-03-03T17:00:00Z"));
  }

  @Test
  void theFollowUpIsAtTheDigestTimeTheNextMorning() {
    // ends Saturday 2025-10-25 23:30 CEST (21:30Z); next morning is the switch back to CET: 08:00 CET = 07:00Z
    assertThat(s.followUpDue(Instant.parse("2025-10-25T21:30:00Z"))).isEqualTo(Instant.parse("2025-10-26T07:00:00Z"));
  }

  @Test
  void weeksAreIsoWeeksInTheOwnersZone() {
    assertThat(s.isoWeek(Instant.parse("2024-12-30T10:00:00Z"))).isEqualTo("2025-W01");
    // Sunday 23:30 UTC is already Monday in Amsterdam
    assertThat(s.isoWeek(Instant.parse("2025-03-09T23:30:00Z"))).isEqualTo("2025-W11");
    assertThat(s.weekStartDigest(Instant.parse("2025-03-13T12:00:00Z"))).isEqualTo(Instant.parse("2025-03-10T07:00:00Z"));
  }

  @Test
  void meIsTheOwnerAndTheAliasesWhateverTheCase() {
    assertThat(s.isMe("me@example.com")).isTrue();
    assertThat(s.isMe(" OTHER@me.org ")).isTrue();
    assertThat(s.isMe("me@work.example")).isTrue();
    assertThat(s.isMe("ana@lima.dev")).isFalse();
  }
}
