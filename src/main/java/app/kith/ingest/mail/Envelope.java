package app.kith.ingest.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers of a message that Kith reads: who sent it, to whom, when, and which messages it
 * answers. {@code messageId} is the Message-ID without brackets, or a hash of the bytes when the
 * message has none, so that every message has a stable identity.
 */
public record Envelope(
    String messageId,
    Party from,
    List<Party> to,
    List<Party> cc,
    Instant date,
    String subject,
    List<String> references) {

  private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,900})>");
  private static final int MAX_REFERENCES = 50;

  static Envelope of(MimeMessage m, byte[] raw, Instant now) {
    String id = firstId(header(m, "Message-ID"));
    if (id == null) {
      id = "sha256:" + sha256(raw);
    }
    List<Party> from = Party.parse(header(m, "From"));
    List<String> refs = new ArrayList<>();
    refs.addAll(ids(header(m, "In-Reply-To")));
    List<String> references = ids(header(m, "References"));
    for (int i = references.size() - 1; i >= 0; i--) {
      refs.add(references.get(i)); // the direct parent is the last one
    }
    return new Envelope(
        id,
        from.isEmpty() ? null : from.get(0),
        Party.parse(header(m, "To")),
        Party.parse(header(m, "Cc")),
        date(m, now),
        subject(m),
        refs.stream().distinct().limit(MAX_REFERENCES).toList());
  }

  /** The sent date, or now when it is missing, unreadable or in the future. */
  static Instant date(MimeMessage m, Instant now) {
    try {
      Date d = m.getSentDate();
      if (d != null && !d.toInstant().isAfter(now)) {
        return d.toInstant();
      }
    } catch (Exception e) {
      // an unreadable Date header: the message counts as sent now
    }
    return now;
  }

  static String subject(MimeMessage m) {
    try {
      String s = m.getSubject();
      if (s == null) {
        return null;
      }
      s = s.replaceAll("\\p{Cntrl}", " ").strip();
      return s.length() > 500 ? s.substring(0, 500) : s;
    } catch (Exception e) {
      return null;
    }
  }

  static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, ",");
    } catch (Exception e) {
      return null;
    }
  }

  static String firstId(String value) {
    List<String> ids = ids(value);
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    if (value != null && !value.isBlank() && value.strip().length() <= 900 && !value.strip().contains(" ")) {
      return value.strip();
    }
    return null;
  }

  static List<String> ids(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    Matcher m = ID.matcher(value);
    while (m.find() && out.size() < MAX_REFERENCES) {
      out.add(m.group(1));
    }
    return out;
  }

  static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key of a raw message for the processed-messages table, from its headers alone. */
  public static String keyOf(byte[] raw) {
    String header = null;
    try {
      header = new jakarta.mail.internet.InternetHeaders(new java.io.ByteArrayInputStream(raw)).getHeader("Message-ID", ",");
    } catch (Exception e) {
      // unreadable headers: the message is known by its bytes
    }
    return keyOf(header, raw);
  }

  /** The key of a Message-ID header value, or of {@code fallback} bytes when there is no usable id. */
  public static String keyOf(String messageIdHeader, byte[] fallback) {
    String id = firstId(messageIdHeader);
    if (id == null) {
      return "sha256:" + sha256(fallback);
    }
    return id.length() <= 100 ? id : "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
  }

  /** A key of at most 100 characters for the processed-messages table: the id, or its hash. */
  public String shortKey() {
    return messageId.length() <= 100 ? messageId : "sha256:" + sha256(messageId.getBytes(StandardCharsets.UTF_8));
  }
}
