package app.kith.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplyCommandTest {

  static ReplyCommand parse(String line) {
    return ReplyCommand.parse(line, "");
  }

  @Test
  void readsDoneSnoozeAndNoteWithOrWithoutAReminderId() {
    assertThat(parse("Done")).isEqualTo(new ReplyCommand.Done(OptionalLong.empty()));
    assertThat(parse(" done 42.")).isEqualTo(new ReplyCommand.Done(OptionalLong.of(42)));
    assertThat(parse("\uFEFFDone\u00A0")).isEqualTo(new ReplyCommand.Done(OptionalLong.empty()));
    assertThat(parse("snooze 3d")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.empty(), Period.ofDays(3)));
    assertThat(parse("snooze 3 days")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.empty(), Period.ofDays(3)));
    assertThat(parse("Snooze for 2h")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.empty(), Duration.ofHours(2)));
    assertThat(parse("snooze 42 1w")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.of(42), Period.ofWeeks(1)));
    assertThat(parse("snooze #7 for 30 minutes")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.of(7), Duration.ofMinutes(30)));
    assertThat(parse("snooze PT36H")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.empty(), Duration.ofHours(36)));
    assertThat(parse("snooze P1M")).isEqualTo(new ReplyCommand.Snooze(OptionalLong.empty(), Period.ofMonths(1)));
    assertThat(ReplyCommand.parse("note: likes jazz", "and cats\n"))
        .isEqualTo(new ReplyCommand.Note(OptionalLong.empty(), "likes jazz\nand cats"));
    assertThat(parse("Note 5: x")).isEqualTo(new ReplyCommand.Note(OptionalLong.of(5), "x"));
  }

  @Test
  void anythingElseIsUnknown() {
    for (String s : new String[] {"thanks!", "done with it, thanks", "snooze", "snooze later", "snooze 0d", "snooze -3d",
        "snooze 400d", "snooze P5Y", "note:", "nope: x", "snooze 3 fortnights"}) {
      assertThat(parse(s)).as(s).isInstanceOf(ReplyCommand.Unknown.class);
    }
  }
}
