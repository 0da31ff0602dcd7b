package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import app.kith.calendar.EventQuery;
import app.kith.ingest.calendar.CalendarContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "List event occurrences in a window, recurrences expanded (cancelled ones left out).",
      "Default window: today .. 30 days ahead in your zone (kith.timezone); --to is inclusive."
    })
final class EventsCommand extends Subcommand {

  @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD, your zone). Default: today.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive (YYYY-MM-DD). Default: from + 30 days.")
  String to;

  @Override
  protected int run(Kith kith) throws Exception {
    CalendarContext ctx = CalendarContext.of(kith);
    ZoneId zone = ctx.owner();
    LocalDate first = from == null ? LocalDate.ofInstant(ctx.now(), zone) : day("--from", from);
    LocalDate last = to == null ? first.plusDays(30) : day("--to", to);
    if (last.isBefore(first)) {
      throw new KithException("--to " + last + " is before --from " + first);
    }
    var window = new Object() {
      final java.time.Instant start = first.atStartOfDay(zone).toInstant();
      final java.time.Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
    };
    List<EventQuery.Row> rows =
        kith.database().inTransaction(c -> new EventQuery(ctx.store()).between(c, window.start, window.end));
    if (json()) {
      Output.json(out(), rows);
      return KithCommand.OK;
    }
    DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");
    for (EventQuery.Row r : rows) {
      String when = r.allDay()
          ? r.startDate() + " (all day" + (r.endDate().minusDays(1).equals(r.startDate()) ? "" : " to " + r.endDate().minusDays(1)) + ")"
          : f.format(r.start().atZone(zone)) + "-" + DateTimeFormatter.ofPattern("HH:mm").format(r.end().atZone(zone));
      out().printf("%s  %s%s%n", when, r.summary() == null ? "(no title)" : r.summary(),
          r.location() == null ? "" : "  @ " + r.location());
    }
    if (rows.isEmpty()) {
      out().println("no events between " + first + " and " + last);
    }
    return KithCommand.OK;
  }

  private static LocalDate day(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new KithException(option + " must be a date like 2026-12-01, not '" + value + "'");
    }
  }
}
