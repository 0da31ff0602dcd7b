package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import app.kith.schedule.Agenda;
import app.kith.schedule.Reminder;
import app.kith.schedule.ReminderStore;
import app.kith.schedule.Sweep;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "agenda",
    mixinStandardHelpOptions = true,
    description = {
      "Upcoming events and reminders: open reminders due before now + N days (overdue ones too) and "
          + "the event occurrences in that window, in time order.",
      "With --json: one list in the reminder shape of `due --json`; events are items with "
          + "kind \"event\", id null, status \"upcoming\", dueAt = start, and an event object that also "
          + "holds recurrenceId, end, allDay, location and mine."
    })
final class AgendaCommand extends Subcommand {

  @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = "How many days ahead (1-366, default 7).")
  int days;

  @Override
  protected int run(Kith kith) {
    if (days < 1 || days > 366) {
      throw new KithException("--days must be between 1 and 366, not " + days);
    }
    Instant now = kith.clock().instant();
    ZoneId zone = kith.config().zone();
    Instant to = now.atZone(zone).plusDays(days).toInstant();
    new Sweep(kith).run(now);
    List<Reminder> reminders = kith.database().inTransaction(c -> ReminderStore.openUntil(c, to));
    List<Agenda.EventItem> events = kith.database().inTransaction(c -> Agenda.events(c, now, to));
    List<Item> items = new ArrayList<>();
    reminders.forEach(r -> items.add(new Item(effective(r), ReminderView.of(r), ReminderView.line(r, zone))));
    events.forEach(e -> items.add(new Item(e.start(), ReminderView.of(e), eventLine(e, zone))));
    items.sort(Comparator.comparing(Item::at));
    if (json()) {
      Output.json(out(), items.stream().map(Item::view).toList());
    } else if (items.isEmpty()) {
      out().println("Nothing in the next " + days + " days.");
    } else {
      items.forEach(i -> out().println(i.text()));
    }
    return KithCommand.OK;
  }

  private static Instant effective(Reminder r) {
    return Reminder.SNOOZED.equals(r.status()) && r.snoozedUntil() != null ? r.snoozedUntil() : r.dueAt();
  }

  private static String eventLine(Agenda.EventItem e, ZoneId zone) {
    String where = e.location() == null || e.location().isBlank() ? "" : " @ " + ReminderView.oneLine(e.location());
    return String.format(
        "%6s  %-13s  %s  %s%s", "", "event", ReminderView.when(e.start(), zone),
        ReminderView.oneLine(e.summary() == null ? "(untitled)" : e.summary()), where);
  }

  private record Item(Instant at, ReminderView view, String text) {}
}
