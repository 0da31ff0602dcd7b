package app.kith.ingest.mail;

import app.kith.store.Database;
import app.kith.store.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Raw test messages and the rows they act on (contacts, reminders, Kith's sent messages). */
public final class Mails {
  private Mails() {}

  public static final String DATE = "Mon, 03 Mar 2025 08:30:00 +0000";

  public static byte[] bytes(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A plain message; {@code extraHeaders} are whole header lines. */
  public static byte[] plain(String id, String from, String to, String cc, String subject, String body, String... extraHeaders) {
    StringBuilder sb = new StringBuilder();
    sb.append("Message-ID: <").append(id).append(">\n");
    sb.append("Date: ").append(DATE).append("\n");
    sb.append("From: ").append(from).append("\n");
    sb.append("To: ").append(to).append("\n");
    if (cc != null) {
      sb.append("Cc: ").append(cc).append("\n");
    }
    for (String h : extraHeaders) {
      sb.append(h).append("\n");
    }
    sb.append("Subject: ").append(subject).append("\n");
    sb.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n");
    sb.append(body).append("\n");
    return bytes(sb.toString());
  }

  public static byte[] reply(String id, String from, String inReplyTo, String firstLines) {
    return plain(id, from, "kith@example.com", null, "Re: your reminder", firstLines + "\n\nOn Mon, Kith wrote:\n> Reach out to Bob\n",
        "In-Reply-To: <" + inReplyTo + ">", "References: <older@kith.local> <" + inReplyTo + ">");
  }

  public static String invitation(String uid, String organizer) {
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:" + uid
        + "\nDTSTAMP:20250301T120000Z\nDTSTART:20250310T170000Z\nDTEND:20250310T190000Z\nSUMMARY:Meetup\n"
        + "ORGANIZER;CN=Org:mailto:" + organizer + "\nATTENDEE;CN=Me;PARTSTAT=NEEDS-ACTION:mailto:me@example.com\n"
        + "END:VEVENT\nEND:VCALENDAR\n";
  }

  /** A message with a text part and one attachment. */
  public static byte[] withAttachment(String id, String from, String subject, String contentType, String fileName, String content) {
    return bytes("Message-ID: <" + id + ">\nDate: " + DATE + "\nFrom: " + from + "\nTo: kith@example.com\nSubject: " + subject
        + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nSee attached.\n"
        + "--b1\nContent-Type: " + contentType + (fileName == null ? "" : "; name=\"" + fileName + "\"") + "\n"
        + (fileName == null ? "" : "Content-Disposition: attachment; filename=\"" + fileName + "\"\n")
        + "\n" + content + "\n--b1--\n");
  }

  public static long contact(Database db, String name, String email) {
    return db.inTransaction(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO contact (name, email, email_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, name);
        ps.setString(2, email);
        ps.setString(3, email.toLowerCase());
        Sql.setInstant(ps, 4, Instant.parse("2025-01-01T00:00:00Z"));
        Sql.setInstant(ps, 5, Instant.parse("2025-01-01T00:00:00Z"));
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      return id;
    });
  }

  public static long reminder(Database db, Long contactId, String key) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO reminder (kind, reminder_key, contact_id, title, due_at, status, created_at, updated_at) "
              + "VALUES ('keep-in-touch', ?, ?, 'Reach out', ?, 'due', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, key);
        if (contactId == null) {
          ps.setNull(2, java.sql.Types.BIGINT);
        } else {
          ps.setLong(2, contactId);
        }
        Instant t = Instant.parse("2025-03-03T07:00:00Z");
        Sql.setInstant(ps, 3, t);
        Sql.setInstant(ps, 4, t);
        Sql.setInstant(ps, 5, t);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /** One of Kith's sent messages announcing reminders; {@code messageId} as stored (with brackets). */
  public static long outbox(Database db, String messageId, long... reminderIds) {
    return db.inTransaction(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO outbox (idempotency_key, message_id, kind, recipient, subject, body_text, not_before, status, "
              + "next_attempt_at, created_at) VALUES (?, ?, 'digest', 'me@example.com', 'Today', 'body', ?, 'sent', ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        Instant t = Instant.parse("2025-03-03T07:00:00Z");
        ps.setString(1, "key:" + messageId);
        ps.setString(2, messageId);
        Sql.setInstant(ps, 3, t);
        Sql.setInstant(ps, 4, t);
        Sql.setInstant(ps, 5, t);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      for (long r : reminderIds) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_reminder (outbox_id, reminder_id) VALUES (?, ?)")) {
          ps.setLong(1, id);
          ps.setLong(2, r);
          ps.executeUpdate();
        }
      }
      return id;
    });
  }

  /** source_key, kind, contact and note of every interaction. */
  public static List<String> interactions(Database db) {
    return db.inTransaction(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT kind, contact_id, occurred_at, source_key, note FROM interaction ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getLong(2) + " " + Sql.getInstant(rs, "occurred_at") + " " + rs.getString(4)
              + " " + rs.getString(5));
        }
      }
      return out;
    });
  }

  public static String notes(Database db, long contactId) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT notes FROM contact WHERE id = ?")) {
        ps.setLong(1, contactId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
  }
}
