package app.kith.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

public class ReminderCalendarTest {

  static final Instant DUE = Instant.parse("2025-03-03T17:00:00Z");

  /** An independent check of RFC 5545 section 3.1: CRLF line ends, at most 75 octets, folds start with a space. */
  public static void assertStrictLines(String ics) {
    assertThat(ics).endsWith("\r\n");
    assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of: " + line).isLessThanOrEqualTo(75);
      assertThat(line).isNotEmpty();
    }
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR\r\n");
  }

  @Test
  void openAndClosedRemindersParseWithIcal4jAndKeepStableUids() throws Exception {
    String longTitle = "Voorbereiding: Café-avond über Ärger, with commas, semicolons; and a \\ backslash "
        + "é".repeat(80) + "\nsecond line";
    String ics = ReminderCalendar.calendar(List.of(
        new ReminderCalendar.Entry(7, "prepare", longTitle, DUE, "due", DUE, null, "uid-1"),
        new ReminderCalendar.Entry(8, "follow-up", "Ann", DUE.plusSeconds(3600), "done", DUE, "Ann", null)));
    assertStrictLines(ics);
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = cal.getComponents("VEVENT");
    assertThat(events).hasSize(2);
    VEvent first = events.get(0);
    assertThat(first.getUid().get().getValue()).isEqualTo("reminder-7@kith");
    assertThat(first.getSummary().getValue()).isEqualTo("Prepare: " + longTitle);
    assertThat(first.getProperty("TRANSP").get().getValue()).isEqualTo("TRANSPARENT");
    assertThat(first.getProperty("STATUS").get().getValue()).isEqualTo("CONFIRMED");
    assertThat(first.getProperty("DTSTART").get().getValue()).isEqualTo("20250303T170000Z");
    assertThat(first.getProperty("DTEND").get().getValue()).isEqualTo("20250303T171500Z");
    assertThat(events.get(1).getProperty("STATUS").get().getValue()).isEqualTo("CANCELLED");
    // deterministic: same input, same bytes (the feed's ETag depends on it)
    assertThat(ReminderCalendar.calendar(List.of(new ReminderCalendar.Entry(7, "prepare", longTitle, DUE, "due", DUE, null, "uid-1"))))
        .isEqualTo(ReminderCalendar.calendar(List.of(new ReminderCalendar.Entry(7, "prepare", longTitle, DUE, "due", DUE, null, "uid-1"))));
  }

  @Test
  void foldingNeverSplitsACharacter() {
    String ics = new Ics().text("SUMMARY", "😀".repeat(40)).toString();
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
      assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
    }
    assertThat(ics.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "😀".repeat(40) + "\r\n");
  }
}
