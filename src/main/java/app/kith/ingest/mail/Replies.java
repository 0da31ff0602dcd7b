package app.kith.ingest.mail;

import app.kith.KithException;
import app.kith.contacts.Interactions;
import app.kith.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Replies to Kith's own messages: the reply's In-Reply-To / References are matched against
 * {@code outbox.message_id}, and its first line acts on a reminder that message announced. A
 * reply can only reach reminders of the message it answers; a digest announces several, so its
 * reply must name one ({@code done 42}).
 */
final class Replies {

  /** One of Kith's messages, and the reminders it announced. */
  record Thread(long outboxId, String messageId, List<Long> reminderIds) {}

  private final Database db;
  private final ReplyActions actions;
  private final Interactions interactions;
  private final ZoneId zone;
  private final int maxNote;

  Replies(Database db, ReplyActions actions, Interactions interactions, ZoneId zone, int maxNote) {
    this.db = db;
    this.actions = actions;
    this.interactions = interactions;
    this.zone = zone;
    this.maxNote = maxNote;
  }

  /** The Kith message this one answers, if any (the nearest ancestor first). */
  Optional<Thread> find(List<String> references) {
    if (references.isEmpty()) {
      return Optional.empty();
    }
    return db.inTransaction(c -> {
      for (String ref : references) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, message_id FROM outbox WHERE message_id IN (?, ?)")) {
          ps.setString(1, ref);
          ps.setString(2, "<" + ref + ">");
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              long id = rs.getLong(1);
              return Optional.of(new Thread(id, rs.getString(2), reminders(c, id)));
            }
          }
        }
      }
      return Optional.<Thread>empty();
    });
  }

  private static List<Long> reminders(Connection c, long outboxId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT reminder_id FROM outbox_reminder WHERE outbox_id = ? ORDER BY reminder_id")) {
      ps.setLong(1, outboxId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Acts on the first line of a trusted reply. */
  void act(Thread thread, String body, Envelope env, Instant now, boolean dryRun, MessageReport report) {
    String[] lines = body.split("\\R", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      report.rejected("first line", "the reply is empty: reply done, snooze 3d or note: text");
      return;
    }
    ReplyCommand command = ReplyCommand.parse(lines[first], following(lines, first + 1));
    if (command instanceof ReplyCommand.Unknown u) {
      String line = u.line().length() > 80 ? u.line().substring(0, 80) + "…" : u.line();
      report.rejected("first line", "'" + line + "' is not something Kith does: reply done, snooze 3d or note: text");
      return;
    }
    Optional<Long> target = target(thread, command, report);
    if (target.isEmpty()) {
      return;
    }
    long id = target.get();
    try {
      if (command instanceof ReplyCommand.Done) {
        if (!dryRun) {
          actions.done(id);
        }
        report.merged();
      } else if (command instanceof ReplyCommand.Snooze s) {
        if (!dryRun) {
          actions.snooze(id, until(env.date(), s.amount()));
        }
        report.merged();
      } else if (command instanceof ReplyCommand.Note n) {
        note(id, n.text(), env, now, dryRun, report);
      }
    } catch (KithException e) {
      report.rejected("reminder " + id, e.getMessage());
    }
  }

  /** The reminder a command acts on: the one it names (if the message announced it), else the only one. */
  private Optional<Long> target(Thread thread, ReplyCommand command, MessageReport report) {
    List<Long> ids = thread.reminderIds();
    if (command.reminderId().isPresent()) {
      long named = command.reminderId().getAsLong();
      if (ids.contains(named)) {
        return Optional.of(named);
      }
      report.rejected("first line", "reminder " + named + " is not one of the message you replied to");
      return Optional.empty();
    }
    if (ids.size() == 1) {
      return Optional.of(ids.get(0));
    }
    if (ids.isEmpty()) {
      report.rejected("message", "the message you replied to announced no reminder");
    } else {
      report.rejected("first line", "the message you replied to announced several reminders ("
          + ids.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + "): name one, for example 'done " + ids.get(0) + "'");
    }
    return Optional.empty();
  }

  /** A snooze counts from when the reply was written, so that reading it again gives the same time. */
  Instant until(Instant from, Object amount) {
    if (amount instanceof Duration d) {
      return from.plus(d);
    }
    return from.atZone(zone).plus((Period) amount).toInstant();
  }

  private void note(long reminderId, String text, Envelope env, Instant now, boolean dryRun, MessageReport report) {
    String note = text.length() > maxNote ? text.substring(0, maxNote) : text;
    String sourceKey = "note:" + env.messageId();
    Boolean written = db.inTransaction(c -> {
      Long contactId = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT contact_id FROM reminder WHERE id = ?")) {
        ps.setLong(1, reminderId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new KithException("no reminder " + reminderId);
          }
          long v = rs.getLong(1);
          contactId = rs.wasNull() ? null : v;
        }
      }
      if (contactId == null) {
        throw new KithException("the reminder is not about one contact, so the note has nowhere to go");
      }
      if (dryRun) {
        return !EmailInteractions.recorded(c, sourceKey);
      }
      boolean fresh = interactions.record(c, contactId, env.date(), "note", note, sourceKey, now);
      if (fresh) {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE contact SET notes = CASE WHEN notes IS NULL OR notes = '' THEN ? ELSE notes || ? END WHERE id = ?")) {
          ps.setString(1, note);
          ps.setString(2, "\n" + note);
          ps.setLong(3, contactId);
          ps.executeUpdate();
        }
      }
      return fresh;
    });
    if (written) {
      report.created();
    } else {
      report.unchanged();
    }
  }

  /** The lines after the first that still belong to a note: up to a blank line, a quote or a signature. */
  private static String following(String[] lines, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith(">") || line.equals("-- ") || line.equals("--")
          || line.matches("(?i)^On .{0,200}wrote:\\s*$") || line.matches("^-{2,}\\s*\\S.*-{2,}\\s*$")) {
        break;
      }
      sb.append(line.stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
