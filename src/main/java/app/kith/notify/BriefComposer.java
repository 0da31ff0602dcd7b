package app.kith.notify;

import app.kith.config.KithConfig;
import app.kith.feed.ReminderCalendar;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The prep brief of a {@code prepare} reminder (PRODUCT.md, "What a brief holds"): when and where,
 * who I know and who is new, my goal, three conversation starters, my pitch, and permission to take
 * a break.
 */
final class BriefComposer {

  private final KithConfig config;
  private final Formats fmt;
  private final Starters starters;
  private final Set<String> me;

  BriefComposer(KithConfig config, Starters starters) {
    this.config = config;
    this.fmt = new Formats(config.zone());
    this.starters = starters;
    Set<String> mine = new java.util.HashSet<>();
    config.find("kith.owner.email").ifPresent(e -> mine.add(e.toLowerCase(Locale.ROOT)));
    config.getList("kith.owner.aliases").forEach(e -> mine.add(e.toLowerCase(Locale.ROOT)));
    this.me = Set.copyOf(mine);
  }

  Mail compose(DueReminder r, Dossier dossier, ReminderCalendar.Entry entry) throws SQLException {
    Optional<Dossier.Event> found = dossier.event(r.eventUid(), r.recurrenceId());
    String summary = found.map(Dossier.Event::summary).map(s -> Text.or(s, "")).orElse("");
    if (summary.isEmpty()) {
      summary = Text.or(r.title(), "your event");
    }
    MailBody b = new MailBody();
    String subject;
    String roles = "";
    if (found.isPresent() && found.get().start() != null) {
      Dossier.Event e = found.get();
      subject = "Prepare: " + summary + ", " + fmt.shortDayTime(e.start());
      b.para("Your brief for " + summary + ".");
      b.heading("When and where");
      b.item("When: " + fmt.span(e.start(), e.end()));
      if (e.location() != null && !e.location().isBlank()) {
        b.item("Where: " + e.location().strip());
      }
      b.endList();
      if (e.joinUrl() != null && !e.joinUrl().isBlank()) {
        b.link("Join", e.joinUrl().strip());
      }
      roles = people(b, e, dossier);
      if (e.description() != null && !e.description().isBlank()) {
        b.heading("From the invitation");
        b.para(cut(e.description().strip(), 1500));
      }
    } else {
      subject = "Prepare: " + summary;
      b.para("Your brief for " + summary + " (the event's details are no longer in Kith).");
    }
    b.heading("Your goal");
    b.para(config.get("kith.owner.goal", "one or two meaningful connections"));
    b.heading("Conversation starters");
    String context = summary + " " + roles;
    for (String s : starters.pick(r.eventUid() == null ? r.key() : r.eventUid(), context, 3)) {
      b.item(s);
    }
    b.heading("Your pitch");
    b.quote(config.get("kith.owner.pitch", ""));
    b.para("And remember: stepping out for a break is fine. A quiet five minutes outside is part of the plan, "
        + "not a failure of it.");
    b.para("Done preparing? ./kith done " + r.id() + "    Later: ./kith snooze " + r.id() + " --for PT1H");
    return new Mail(subject, b.text(), b.html(), ReminderCalendar.calendar(List.of(entry)));
  }

  /** Writes who is coming; returns their titles and organizations (to pick fitting starters). */
  private String people(MailBody b, Dossier.Event e, Dossier dossier) throws SQLException {
    List<String> known = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    StringBuilder roles = new StringBuilder();
    for (Dossier.Attendee a : e.attendees()) {
      if (a.email() != null && me.contains(a.email().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if ("DECLINED".equalsIgnoreCase(a.partstat())
          || "ROOM".equalsIgnoreCase(a.cutype()) || "RESOURCE".equalsIgnoreCase(a.cutype())) {
        continue;
      }
      Optional<Dossier.Person> p = dossier.person(a.contactId());
      String shown = p.map(Dossier.Person::display).orElseGet(() -> label(a));
      String role = p.map(Dossier.Person::role).orElse("");
      roles.append(' ').append(role);
      Optional<Dossier.Interaction> before =
          p.isPresent() && e.start() != null ? dossier.lastInteraction(p.get().id(), e.start()) : Optional.empty();
      if (before.isPresent()) {
        StringBuilder s = new StringBuilder(shown);
        if (!role.isEmpty()) {
          s.append(" - ").append(role);
        }
        if (!p.get().sources().isEmpty()) {
          s.append("\nHow you met: ").append(howMet(p.get().sources()));
        }
        s.append("\nLast time: ").append(interaction(before.get()));
        if (p.get().notes() != null && !p.get().notes().isBlank()) {
          s.append("\nNotes: ").append(cut(p.get().notes().strip(), 500));
        }
        known.add(s.toString());
      } else {
        String s = shown + (role.isEmpty() ? "" : " - " + role);
        if (p.isPresent() && p.get().notes() != null && !p.get().notes().isBlank()) {
          s += "\nNotes: " + cut(p.get().notes().strip(), 300);
        }
        fresh.add(s);
      }
    }
    b.heading("People you know");
    if (known.isEmpty()) {
      b.para("No one you have met before is on the list.");
    }
    known.forEach(b::item);
    b.heading("New to you");
    if (fresh.isEmpty()) {
      b.para(e.attendees().isEmpty() ? "There is no attendee list: everyone you meet is new." : "No one new on the list.");
    }
    fresh.forEach(b::item);
    return roles.toString();
  }

  /**
   * The contact's sources as a person reads them: "LinkedIn connection" rather than the stored key
   * {@code linkedin-csv:Connections.csv}; "met at ..." as it is.
   */
  static String howMet(List<String> sources) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String s : sources) {
      int colon = s.indexOf(':');
      String format = colon < 0 ? s : s.substring(0, colon);
      String file = colon < 0 ? "" : s.substring(colon + 1);
      if (s.startsWith("met at ")) {
        out.add(s);
      } else if (format.equals("linkedin-csv")) {
        out.add("LinkedIn connection");
      } else if (format.equals("google-csv")) {
        out.add("Google Contacts");
      } else if (format.equals("outlook-csv")) {
        out.add("Outlook contacts");
      } else if (format.startsWith("vcard-")) {
        out.add("address book (" + file + ")");
      } else if (format.equals("generic-csv")) {
        out.add("contact list (" + file + ")");
      } else if (s.equals("email")) {
        out.add("an email");
      } else {
        out.add(s);
      }
    }
    return String.join("; ", out);
  }

  private static String label(Dossier.Attendee a) {
    String n = Text.or(a.name(), "");
    String m = Text.or(a.email(), "");
    return n.isEmpty() ? m : m.isEmpty() || n.equalsIgnoreCase(m) ? n : n + " <" + m + ">";
  }

  String interaction(Dossier.Interaction i) {
    String s = fmt.day(i.at()) + ", " + i.kind();
    return i.note() == null || i.note().isBlank() ? s : s + ": " + cut(i.note().strip(), 300);
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
