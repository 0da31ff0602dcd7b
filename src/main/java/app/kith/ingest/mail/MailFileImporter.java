package app.kith.ingest.mail;

import app.kith.app.Kith;
import app.kith.ingest.FileImporter;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Format {@code email}: an RFC 5322 message ({@code .eml}) read by {@link MailIn}, the same code the
 * IMAP route runs. Told from the content: a header block that names a sender or a mail transport.
 */
public final class MailFileImporter implements FileImporter {

  /** Headers that say "this is a mail message" (a vCard or iCalendar begins with BEGIN: instead). */
  private static final Set<String> MAIL_HEADERS = Set.of(
      "from", "received", "message-id", "mime-version", "return-path", "delivered-to", "envelope-to");

  private final Kith kith;
  private MailIn mailIn;

  public MailFileImporter(Kith kith) {
    this.kith = kith;
  }

  /**
   * Whether bytes start with a mail header block: every line up to the first blank one is a header
   * (or its continuation), and at least one of them is one only mail has (From, Received,
   * Message-ID, MIME-Version...).
   */
  public static boolean looksLikeMessage(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (text.startsWith("\uFEFF") || text.startsWith("\u00EF\u00BB\u00BF")) {
      return false;
    }
    String[] lines = text.split("\r?\n", -1);
    int headers = 0;
    boolean identifying = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        return headers > 0 && identifying;
      }
      if (i == lines.length - 1 && i > 0) {
        break; // cut off by the head limit: judge what we saw
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && headers > 0) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !line.substring(0, colon).matches("[!-9;-~]+")) {
        return false;
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      if (name.equals("begin")) {
        return false;
      }
      headers++;
      if (MAIL_HEADERS.contains(name)) {
        identifying = true;
      }
    }
    return headers > 0 && identifying;
  }

  @Override
  public boolean accepts(byte[] head) {
    return looksLikeMessage(head);
  }

  @Override
  public FileReport importFile(Path file, ImportRequest request) {
    byte[] raw;
    try (InputStream in = Files.newInputStream(file)) {
      long max = mailIn().limits().maxBytes();
      raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    } catch (IOException e) {
      return FileReport.rejectedFile(request.displayPath(), MessageReport.FORMAT, "file", "cannot read the file: " + e.getMessage());
    }
    return mailIn().process(raw, request, MailIn.Channel.USER_FILE);
  }

  private synchronized MailIn mailIn() {
    if (mailIn == null) {
      mailIn = new MailIn(kith);
    }
    return mailIn;
  }
}
