package app.kith.cli;

import app.kith.app.Kith;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import app.kith.schedule.Sweep;
import app.kith.store.Sql;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "cadence",
    mixinStandardHelpOptions = true,
    description = {
      "Set how often to keep in touch with a contact: a tier (close, regular, casual; defined by "
          + "kith.cadence.*), an ISO-8601 period like P45D, or none. The next reminder is due at the "
          + "first digest time at or after the last interaction (or the day they were added) plus the cadence."
    })
final class CadenceCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "CONTACT", description = "A contact id, an email address or an exact name.")
  String contact;

  @Parameters(index = "1", paramLabel = "TIER|DURATION|none", description = "close, regular, casual, an ISO period (P45D) or none.")
  String value;

  record CadenceSet(ReminderView.Person contact, String cadence, Instant lastInteraction, Instant nextDue) {}

  @Override
  protected int run(Kith kith) {
    Instant now = kith.clock().instant();
    Cadence cadence = new Cadence(kith.config());
    Period period = cadence.parse(value);
    CadenceSet set =
        kith.database()
            .inTransaction(
                c -> {
                  ContactArgument.Found who = ContactArgument.resolve(c, contact);
                  try (PreparedStatement ps =
                      c.prepareStatement("UPDATE contact SET cadence = ?, updated_at = ? WHERE id = ?")) {
                    ps.setString(1, period == null ? null : period.toString());
                    Sql.setInstant(ps, 2, now);
                    ps.setLong(3, who.id());
                    ps.executeUpdate();
                  }
                  new Interactions(cadence).refresh(c, who.id(), now);
                  NextDue state = NextDue.read(c, who.id());
                  return new CadenceSet(
                      new ReminderView.Person(who.id(), who.name(), who.email()), state.cadence(),
                      state.lastInteraction(), state.nextDue());
                });
    new Sweep(kith).run(now); // a removed cadence withdraws its open reminder
    if (json()) {
      Output.json(out(), set);
    } else if (set.cadence() == null) {
      out().println("No keep-in-touch reminders for " + ReminderView.oneLine(set.contact().name()) + ".");
    } else {
      out().println("Keep in touch with " + ReminderView.oneLine(set.contact().name()) + " every " + set.cadence()
          + "; next " + ReminderView.when(set.nextDue(), kith.config().zone()) + ".");
    }
    return KithCommand.OK;
  }
}
