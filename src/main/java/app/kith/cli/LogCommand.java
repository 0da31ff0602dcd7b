package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import app.kith.schedule.Sweep;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "Record an interaction with a contact. It resets their keep-in-touch clock and closes an open "
          + "follow-up or keep-in-touch reminder about them."
    })
final class LogCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "CONTACT", description = "A contact id, an email address or an exact name.")
  String contact;

  @Option(names = "--at", paramLabel = "INSTANT", description = "When it happened (ISO-8601 with an offset; default now).")
  String at;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "note", description = "meeting, email, call, message or note (default note).")
  String kind;

  @Option(names = "--note", paramLabel = "TEXT", description = "A few words to remember it by.")
  String note;

  record Logged(ReminderView.Person contact, Interaction interaction, Instant lastInteraction, Instant nextDue) {}

  record Interaction(Instant at, String kind, String note) {}

  @Override
  protected int run(Kith kith) {
    Instant now = kith.clock().instant();
    String k = kind.strip().toLowerCase(Locale.ROOT);
    if (!Interactions.KINDS.contains(k)) {
      throw new KithException("--kind must be meeting, email, call, message or note, not '" + kind + "'");
    }
    Instant when = at == null ? now : KithCommand.parseInstant(at, "--at");
    if (when.isAfter(now)) {
      throw new KithException("--at " + at + " is in the future; log what has happened");
    }
    if (note != null && note.length() > 10_000) {
      throw new KithException("--note is longer than 10,000 characters");
    }
    Logged logged =
        kith.database()
            .inTransaction(
                c -> {
                  ContactArgument.Found who = ContactArgument.resolve(c, contact);
                  new Interactions(new Cadence(kith.config())).record(c, who.id(), when, k, note, null, now);
                  NextDue state = NextDue.read(c, who.id());
                  return new Logged(
                      new ReminderView.Person(who.id(), who.name(), who.email()),
                      new Interaction(when, k, note), state.lastInteraction(), state.nextDue());
                });
    new Sweep(kith).run(now); // closes what this answered
    if (json()) {
      Output.json(out(), logged);
    } else {
      var zone = kith.config().zone();
      out().println("Logged a " + k + " with " + ReminderView.oneLine(logged.contact().name()) + " on "
          + ReminderView.when(when, zone) + ".");
      if (logged.nextDue() != null) {
        out().println("Next keep-in-touch: " + ReminderView.when(logged.nextDue(), zone) + ".");
      }
    }
    return KithCommand.OK;
  }
}
