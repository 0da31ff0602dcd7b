package app.kith.notify;

import app.kith.config.KithConfig;
import app.kith.feed.ReminderCalendar;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The daily digest: the follow-ups (who, where we met, a thank-you draft to send as is) and the
 * people to keep in touch with (the last interaction and the notes), in one email.
 */
final class DigestComposer {

  private final KithConfig config;
  private final Formats fmt;

  DigestComposer(KithConfig config) {
    this.config = config;
    this.fmt = new Formats(config.zone());
  }

  Mail compose(LocalDate day, List<DueReminder> reminders, int stillOpen, Dossier dossier,
      List<ReminderCalendar.Entry> entries) throws SQLException {
    List<DueReminder> followUps = reminders.stream().filter(r -> DueReminder.FOLLOW_UP.equals(r.kind())).toList();
    List<DueReminder> keep = reminders.stream().filter(r -> !DueReminder.FOLLOW_UP.equals(r.kind())).toList();
    StringBuilder subject = new StringBuilder("Kith digest for ").append(fmt.day(day)).append(": ");
    if (!followUps.isEmpty()) {
      subject.append(followUps.size()).append(followUps.size() == 1 ? " follow-up" : " follow-ups");
    }
    if (!keep.isEmpty()) {
      subject.append(followUps.isEmpty() ? "" : ", ").append(keep.size()).append(" to keep in touch with");
    }
    MailBody b = new MailBody();
    b.para("Good morning. Here is what is due today; each item takes about two minutes.");
    if (!followUps.isEmpty()) {
      b.heading("Follow up");
      for (DueReminder r : followUps) {
        followUp(b, r, dossier);
      }
    }
    if (!keep.isEmpty()) {
      b.heading("Keep in touch");
      for (DueReminder r : keep) {
        keepInTouch(b, r, dossier);
      }
    }
    if (stillOpen > 0) {
      b.para(stillOpen + (stillOpen == 1 ? " earlier reminder is" : " earlier reminders are")
          + " still open: ./kith due");
    }
    return new Mail(subject.toString(), b.text(), b.html(), ReminderCalendar.calendar(entries));
  }

  private void followUp(MailBody b, DueReminder r, Dossier dossier) throws SQLException {
    Optional<Dossier.Person> p = dossier.person(r.contactId());
    Optional<Dossier.Event> e = dossier.event(r.eventUid(), r.recurrenceId());
    String where = e.map(ev -> Text.or(ev.summary(), "the event")).orElse(Text.or(r.title(), "an event"));
    String when = e.filter(ev -> ev.start() != null).map(ev -> " on " + fmt.day(ev.start())).orElse("");
    if (p.isEmpty()) {
      b.para("Who did you meet at " + where + when + "? Log them: ./kith log \"NAME\" --kind meeting --note \""
          + where + "\"   (then ./kith done " + r.id() + ")");
      return;
    }
    Dossier.Person person = p.get();
    String role = person.role();
    b.para(person.display() + (role.isEmpty() ? "" : " - " + role) + "\nMet at " + where + when + ".");
    String me = config.get("kith.owner.name", "");
    b.quote("Hi " + person.firstName() + ",\n\nThank you for the conversation at " + where
        + ". It was good to meet you, and I'd be glad to stay in touch." + (me.isBlank() ? "" : "\n\nBest,\n" + me));
    b.para("Sent it? ./kith done " + r.id());
  }

  private void keepInTouch(MailBody b, DueReminder r, Dossier dossier) throws SQLException {
    Optional<Dossier.Person> p = dossier.person(r.contactId());
    if (p.isEmpty()) {
      b.para(Text.or(r.title(), "Someone") + "    ./kith done " + r.id());
      return;
    }
    Dossier.Person person = p.get();
    StringBuilder s = new StringBuilder(person.display());
    if (!person.role().isEmpty()) {
      s.append(" - ").append(person.role());
    }
    s.append("\nLast time: ").append(person.last().map(this::interaction).orElse("no interaction recorded yet"));
    if (person.notes() != null && !person.notes().isBlank()) {
      s.append("\nNotes: ").append(BriefComposer.cut(person.notes().strip(), 500));
    }
    s.append("\nReached out? ./kith done ").append(r.id());
    b.para(s.toString());
  }

  private String interaction(Dossier.Interaction i) {
    String s = fmt.day(i.at()) + ", " + i.kind();
    return i.note() == null || i.note().isBlank() ? s : s + ": " + BriefComposer.cut(i.note().strip(), 300);
  }
}
