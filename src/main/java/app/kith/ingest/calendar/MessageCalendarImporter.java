package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Imports the calendars an e-mail message carries ({@code text/calendar} parts and {@code .ics}
 * attachments). Seam shared with mail in: {@link #importMessage} is how a message's calendar content
 * enters calendar ingest. MIME is parsed by Jakarta Mail with limits on parts, nesting and size;
 * attachment names are only looked at (".ics"), never used as paths. The same calendar sent twice
 * in one message (inline and attached) is applied once.
 */
public final class MessageCalendarImporter {

  public static final String FORMAT = "email";
  static final int MAX_PARTS = 100;
  static final int MAX_DEPTH = 10;
  static final int MAX_PART_BYTES = 10 * 1024 * 1024;

  private final CalendarIngest ingest;

  public MessageCalendarImporter(Kith kith) {
    this.ingest = new CalendarIngest(kith);
  }

  /** Imports every calendar in a raw RFC 5322 message; the report counts its calendar components. */
  public FileReport importMessage(byte[] raw, ImportRequest request) {
    List<CalendarIngest.Part> parts;
    List<String> skipped = new ArrayList<>();
    try {
      parts = calendars(raw, skipped);
    } catch (MessagingException | IOException | RuntimeException e) {
      return FileReport.rejectedFile(request.displayPath(), FORMAT, "message",
          "cannot read the message: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    if (parts.isEmpty()) {
      // a calendar part left out says why, rather than that there was none
      return FileReport.rejectedFile(request.displayPath(), FORMAT, "message",
          skipped.isEmpty() ? "no calendar in this message" : skipped.get(0));
    }
    return ingest.run(parts, FORMAT, request);
  }

  /** The calendar parts of a message, decoded, each once. */
  static List<CalendarIngest.Part> calendars(byte[] raw) throws MessagingException, IOException {
    return calendars(raw, new ArrayList<>());
  }

  /** As {@link #calendars(byte[])}; why calendar parts (or parts past the limits) were left out goes to {@code skipped}. */
  static List<CalendarIngest.Part> calendars(byte[] raw, List<String> skipped) throws MessagingException, IOException {
    Session session = Session.getInstance(new Properties());
    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
    List<CalendarIngest.Part> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int[] count = {0};
    walk(message, 0, count, out, seen, skipped);
    return out;
  }

  private static void walk(Part part, int depth, int[] count, List<CalendarIngest.Part> out, Set<String> seen,
      List<String> skipped) throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      skipped.add("the message nests deeper than " + MAX_DEPTH + " levels; the parts below are not read");
      return;
    }
    if (++count[0] > MAX_PARTS) {
      skipped.add("the message has more than " + MAX_PARTS + " parts; the ones after them are not read");
      return;
    }
    String type = lower(part.getContentType());
    if (type.startsWith("multipart/")) {
      Object content = part.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount() && count[0] <= MAX_PARTS; i++) {
          BodyPart child = mp.getBodyPart(i);
          walk(child, depth + 1, count, out, seen, skipped);
        }
      }
      return;
    }
    if (type.startsWith("message/rfc822")) {
      Object content = part.getContent();
      if (content instanceof Part inner) {
        walk(inner, depth + 1, count, out, seen, skipped);
      }
      return;
    }
    String name = null;
    try {
      name = part.getFileName();
    } catch (MessagingException e) {
      // a broken name is no name
    }
    boolean calendar = type.startsWith("text/calendar") || type.startsWith("application/ics")
        || type.startsWith("text/x-vcalendar")
        || (name != null && lower(name).endsWith(".ics"));
    if (!calendar) {
      return;
    }
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readNBytes(MAX_PART_BYTES + 1);
    }
    if (bytes.length > MAX_PART_BYTES) {
      skipped.add("a calendar part is larger than " + MAX_PART_BYTES / (1024 * 1024) + " MiB; it is not read");
      return;
    }
    if (bytes.length == 0) {
      skipped.add("a calendar part is empty");
      return;
    }
    if (seen.add(digest(bytes))) {
      out.add(new CalendarIngest.Part("part " + (out.size() + 1), bytes));
    }
  }

  private static String digest(byte[] b) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(normalise(b));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Line endings and trailing blank lines differ between an inline part and its attached twin. */
  private static byte[] normalise(byte[] b) {
    String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n").strip();
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
