package app.kith.ingest.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a message carries, read in one bounded walk over its MIME tree: calendars, contact
 * attachments, attached messages (forwards) and the first plain-text body. Attachment names are
 * kept for reports only; they never become paths.
 */
public final class MessageParts {

  /** A contact file carried by a message: {@code kind} is {@code vcf} or {@code csv}. */
  public record Attachment(String name, String kind, byte[] bytes) {}

  /** The message broke a limit or could not be read as MIME; {@code getMessage()} is the reason. */
  public static final class Unreadable extends Exception {
    Unreadable(String reason) {
      super(reason);
    }
  }

  private final MailLimits limits;
  private int parts;
  final List<byte[]> calendars = new ArrayList<>();
  final List<Attachment> contactFiles = new ArrayList<>();
  final List<MimeMessage> attachedMessages = new ArrayList<>();
  String text;
  String html;

  private MessageParts(MailLimits limits) {
    this.limits = limits;
  }

  private static final java.util.regex.Pattern BOUNDARY =
      java.util.regex.Pattern.compile("(?i)boundary\\s*=\\s*(?:\"([^\"\\r\\n]{1,200})\"|([^\\s;\"]{1,200}))");

  /**
   * How many lines of the raw message open a part: a line {@code --boundary} for a boundary that
   * some {@code Content-Type} of the message declares (closing {@code --boundary--} lines are not
   * counted). Counted on the bytes, before any parsing.
   */
  static int boundaryLines(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    java.util.Set<String> boundaries = new java.util.HashSet<>();
    java.util.regex.Matcher m = BOUNDARY.matcher(text);
    while (m.find() && boundaries.size() < 1000) {
      boundaries.add("--" + (m.group(1) != null ? m.group(1) : m.group(2)));
    }
    if (boundaries.isEmpty()) {
      return 0;
    }
    int count = 0;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end - start > 2 && text.charAt(start) == '-' && text.charAt(start + 1) == '-') {
        String line = text.substring(start, end).stripTrailing();
        if (boundaries.contains(line)) {
          count++;
        }
      }
      start = end + 1;
    }
    return count;
  }

  /** Walks a parsed message; MIME errors and broken limits become {@link Unreadable}. */
  public static MessageParts read(MimeMessage message, MailLimits limits) throws Unreadable {
    MessageParts p = new MessageParts(limits);
    try {
      p.walk(message, 0, true);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new Unreadable("malformed MIME message: " + reason(e));
    }
    return p;
  }

  public List<byte[]> calendars() {
    return calendars;
  }

  public List<Attachment> contactFiles() {
    return contactFiles;
  }

  public List<MimeMessage> attachedMessages() {
    return attachedMessages;
  }

  /** The first plain-text body of the message itself (not of an attachment), or its HTML as text. */
  public String bodyText() {
    if (text != null) {
      return text;
    }
    return html == null ? "" : htmlToText(html);
  }

  private void walk(Part part, int depth, boolean top) throws MessagingException, IOException, Unreadable {
    if (++parts > limits.maxParts()) {
      throw new Unreadable("the message has more than " + limits.maxParts() + " parts (kith.mail.max-parts)");
    }
    if (depth > limits.maxDepth()) {
      throw new Unreadable("the message nests deeper than " + limits.maxDepth() + " levels (kith.mail.max-depth)");
    }
    String name = fileName(part);
    String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || name != null;
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (!(content instanceof Multipart mp)) {
        throw new Unreadable("malformed MIME message: a multipart part without parts");
      }
      int count = mp.getCount();
      // A missing closing boundary at the very end is common in real exports and harmless: the
      // parts before it are whole. A multipart with no part at all is broken.
      if (count == 0) {
        throw new Unreadable("malformed MIME message: a multipart part without parts");
      }
      for (int i = 0; i < count; i++) {
        BodyPart child = mp.getBodyPart(i);
        walk(child, depth + 1, top);
      }
    } else if (part.isMimeType("message/rfc822")) {
      Object content = part.getContent();
      if (content instanceof MimeMessage inner) {
        attachedMessages.add(inner);
        walk(inner, depth + 1, false);
      }
    } else if (part.isMimeType("text/calendar") || part.isMimeType("application/ics") || lowerName.endsWith(".ics")) {
      calendars.add(bytes(part));
    } else if (attachment && isCalendar(part)) {
      calendars.add(bytes(part)); // a calendar under another name is still a calendar (and still checked)
    } else if (lowerName.endsWith(".vcf") || lowerName.endsWith(".vcard")
        || part.isMimeType("text/vcard") || part.isMimeType("text/x-vcard") || part.isMimeType("text/directory")) {
      contactFiles.add(new Attachment(shown(name, "contacts.vcf"), "vcf", bytes(part)));
    } else if (lowerName.endsWith(".csv") || part.isMimeType("text/csv")) {
      contactFiles.add(new Attachment(shown(name, "contacts.csv"), "csv", bytes(part)));
    } else if (top && !attachment && part.isMimeType("text/plain") && text == null) {
      text = string(part);
    } else if (top && !attachment && part.isMimeType("text/html") && html == null) {
      html = string(part);
    }
  }

  /** Whether an attachment's content is an iCalendar, whatever its name or type says. */
  private static boolean isCalendar(Part part) throws MessagingException, IOException {
    byte[] b;
    try (InputStream in = part.getInputStream()) {
      b = in.readNBytes(64);
    }
    String start = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1)
        .replace("\u00EF\u00BB\u00BF", "").stripLeading();
    return start.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
  }

  private byte[] bytes(Part part) throws MessagingException, IOException, Unreadable {
    try (InputStream in = part.getInputStream()) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      if (b.length > limits.maxBytes()) {
        throw new Unreadable("a part is larger than " + limits.maxBytes() + " bytes (kith.mail.max-bytes)");
      }
      return b;
    }
  }

  /** The text of a part; a charset Java does not know is read as UTF-8 rather than failing. */
  private String string(Part part) throws MessagingException, IOException, Unreadable {
    try {
      Object c = part.getContent();
      if (c instanceof String s) {
        return s;
      }
    } catch (IOException e) {
      // unknown charset: fall through to the bytes
    }
    return new String(bytes(part), StandardCharsets.UTF_8);
  }

  private static String fileName(Part part) {
    try {
      return part.getFileName();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String disposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** An attachment name fit for a report: no control characters, no folders, at most 100 characters. */
  static String shown(String name, String fallback) {
    if (name == null || name.isBlank()) {
      return fallback;
    }
    String s = name.replaceAll("\\p{Cntrl}", "");
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    s = s.substring(slash + 1).strip();
    if (s.isEmpty()) {
      return fallback;
    }
    return s.length() > 100 ? s.substring(0, 100) : s;
  }

  static String htmlToText(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
        .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
        .replaceAll("<[^>]+>", "")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 300 ? m.substring(0, 300) : m;
  }
}
