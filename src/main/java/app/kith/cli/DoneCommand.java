package app.kith.cli;

import app.kith.app.Kith;
import app.kith.schedule.Reminder;
import app.kith.schedule.ReminderActions;
import app.kith.schedule.ReminderStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "done",
    mixinStandardHelpOptions = true,
    description = {
      "Mark a reminder done. For keep-in-touch, done means \"I reached out\": a message interaction is "
          + "recorded now and the next reminder is due one cadence later. Doing it twice is harmless."
    })
final class DoneCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The reminder id (from `kith due` or `kith agenda`).")
  long id;

  @Override
  protected int run(Kith kith) {
    new ReminderActions(kith).done(id);
    Reminder r = kith.database().inTransaction(c -> ReminderStore.find(c, id)).orElseThrow();
    if (json()) {
      Output.json(out(), ReminderView.of(r));
      return KithCommand.OK;
    }
    out().println("Done: #" + r.id() + " " + ReminderView.oneLine(r.title()) + ".");
    if (Reminder.KEEP_IN_TOUCH.equals(r.kind()) && r.contact() != null) {
      kith.database()
          .inTransaction(c -> NextDue.of(c, r.contact().id()))
          .ifPresent(next -> out().println("Recorded that you reached out; next keep-in-touch "
              + ReminderView.when(next, kith.config().zone()) + "."));
    }
    return KithCommand.OK;
  }
}
