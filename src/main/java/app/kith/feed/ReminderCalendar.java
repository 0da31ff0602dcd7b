package app.kith.feed;

import app.kith.app.Kith;
import app.kith.store.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reminder calendar: every open reminder as a short, transparent VEVENT at its due time with a
 * stable UID ({@code reminder-<id>@kith}), so calendar apps update an entry instead of adding a
 * second one. Served by the private feed, exported by {@code kith export --format ics}, written one
 * file per reminder to {@code <home>/outbox/calendar/}, and attached to emails.
 */
public final class ReminderCalendar {

  static final String PRODID = "-//Kith//Reminders 1.0//EN";
  static final Duration LENGTH = Duration.ofMinutes(15);
  private static final Pattern FILE = Pattern.compile("reminder-(\\d{1,18})\\.ics");

  /** One reminder as the calendar shows it. */
  public record Entry(
      long id, String kind, String title, Instant at, String status, Instant updatedAt, String contactName,
      String eventUid) {

    public boolean open() {
      return "due".equals(status) || "snoozed".equals(status);
    }

    public String uid() {
      return "reminder-" + id + "@kith";
    }
  }

  private final Kith kith;

  public ReminderCalendar(Kith kith) {
    this.kith = kith;
  }

  private static final String SELECT =
      "SELECT r.id, r.kind, r.title, r.due_at, r.snoozed_until, r.status, r.updated_at, r.event_uid, c.name"
          + " FROM reminder r LEFT JOIN contact c ON c.id = r.contact_id";

  /** The open reminders (due or snoozed), by time. */
  public static List<Entry> open(Connection c) throws SQLException {
    return query(c, SELECT + " WHERE r.status IN ('due', 'snoozed') ORDER BY r.due_at, r.id", List.of());
  }

  /** Reminders by id, whatever their status. */
  public static List<Entry> byIds(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    return query(c, SELECT + " WHERE r.id IN (" + marks + ") ORDER BY r.due_at, r.id", ids);
  }

  private static List<Entry> query(Connection c, String sql, List<Long> ids) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant due = Sql.getInstant(rs, "due_at");
          Instant snoozed = Sql.getInstant(rs, "snoozed_until");
          String status = rs.getString("status");
          Instant at = "snoozed".equals(status) && snoozed != null ? snoozed : due;
          Instant updated = Sql.getInstant(rs, "updated_at");
          out.add(new Entry(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), at, status,
              updated == null ? due : updated, rs.getString("name"), rs.getString("event_uid")));
        }
      }
    }
    return out;
  }

  /** A whole VCALENDAR holding these entries (open ones confirmed, closed ones cancelled). */
  public static String calendar(List<Entry> entries) {
    Ics ics = new Ics();
    ics.raw("BEGIN", "VCALENDAR").raw("VERSION", "2.0").raw("PRODID", PRODID).raw("CALSCALE", "GREGORIAN")
        .raw("METHOD", "PUBLISH").text("X-WR-CALNAME", "Kith reminders");
    for (Entry e : entries) {
      vevent(ics, e);
    }
    ics.raw("END", "VCALENDAR");
    return ics.toString();
  }

  private static void vevent(Ics ics, Entry e) {
    ics.raw("BEGIN", "VEVENT")
        .raw("UID", e.uid())
        .time("DTSTAMP", e.updatedAt())
        .time("DTSTART", e.at())
        .time("DTEND", e.at().plus(LENGTH))
        .text("SUMMARY", summary(e))
        .text("DESCRIPTION", description(e))
        .raw("TRANSP", "TRANSPARENT")
        .raw("STATUS", e.open() ? "CONFIRMED" : "CANCELLED")
        .text("CATEGORIES", e.kind())
        .raw("END", "VEVENT");
  }

  static String summary(Entry e) {
    String prefix = switch (e.kind() == null ? "" : e.kind()) {
      case "prepare" -> "Prepare";
      case "follow-up" -> "Follow up";
      case "keep-in-touch" -> "Keep in touch";
      default -> "Kith";
    };
    String t = e.title() == null || e.title().isBlank() ? (e.contactName() == null ? "" : e.contactName()) : e.title();
    String s = t.isBlank() ? prefix : (t.startsWith(prefix) ? t : prefix + ": " + t);
    if (!e.open()) {
      s = s + " (done)";
    }
    return s;
  }

  static String description(Entry e) {
    return "Kith reminder " + e.id() + " (" + e.kind() + ").\n"
        + (e.open() ? "Done: ./kith done " + e.id() + "\nLater: ./kith snooze " + e.id() + " --for P1D" : "Closed.");
  }

  /** The open reminders as one calendar: the feed and {@code export --format ics}. */
  public String feed() {
    return calendar(kith.database().inTransaction(ReminderCalendar::open));
  }

  /**
   * Brings {@code <home>/outbox/calendar/} in step: one {@code reminder-<id>.ics} per open reminder,
   * rewritten as cancelled when the reminder is done or withdrawn. Only files whose content changes
   * are written, so the count is what changed.
   *
   * @return files written
   */
  public int writeFiles() {
    Path folder = kith.folder("outbox/calendar");
    Set<Long> onDisk = new HashSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(p -> {
        Matcher m = FILE.matcher(p.getFileName().toString());
        if (m.matches()) {
          onDisk.add(Long.parseLong(m.group(1)));
        }
      });
    } catch (IOException e) {
      throw new app.kith.KithException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    List<Entry> entries = kith.database().inTransaction(c -> {
      List<Entry> all = new ArrayList<>(open(c));
      Set<Long> openIds = new HashSet<>();
      all.forEach(e -> openIds.add(e.id()));
      List<Long> closed = onDisk.stream().filter(id -> !openIds.contains(id)).sorted().toList();
      for (int i = 0; i < closed.size(); i += 500) {
        all.addAll(byIds(c, closed.subList(i, Math.min(closed.size(), i + 500))));
      }
      return all;
    });
    int written = 0;
    for (Entry e : entries) {
      if (writeIfChanged(folder.resolve("reminder-" + e.id() + ".ics"), calendar(List.of(e)))) {
        written++;
      }
    }
    return written;
  }

  private static boolean writeIfChanged(Path file, String content) {
    try {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        return false;
      }
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw new app.kith.KithException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
