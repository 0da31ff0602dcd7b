package app.kith.cli;

import app.kith.app.Kith;
import app.kith.contacts.Contact;
import app.kith.contacts.ContactStore;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "contacts",
    mixinStandardHelpOptions = true,
    description = {
      "List contacts, optionally only those whose name, e-mail, phone, organisation, title or notes "
          + "contain QUERY (any case)."
    })
final class ContactsCommand extends Subcommand {

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Text to look for.")
  String query;

  @Override
  protected int run(Kith kith) {
    List<Contact> contacts = new ContactStore(kith.database()).list(query);
    if (json()) {
      Output.json(out(), contacts);
      return KithCommand.OK;
    }
    for (Contact c : contacts) {
      out().println(line(c));
    }
    err().println("kith: " + contacts.size() + (contacts.size() == 1 ? " contact" : " contacts"));
    err().flush();
    return KithCommand.OK;
  }

  static String line(Contact c) {
    List<String> parts = new ArrayList<>();
    parts.add("#" + c.id());
    parts.add(c.name() == null ? "(no name)" : c.name());
    if (!c.emails().isEmpty()) {
      parts.add("<" + c.emails().get(0) + ">");
    }
    String work = c.title() == null ? c.organization() : c.organization() == null ? c.title() : c.title() + ", " + c.organization();
    if (work != null) {
      parts.add("· " + work);
    }
    if (!c.phones().isEmpty()) {
      parts.add("· " + c.phones().get(0));
    }
    if (c.nextDue() != null) {
      parts.add("· next " + c.nextDue());
    }
    return String.join(" ", parts);
  }
}
