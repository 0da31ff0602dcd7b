package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.ingest.FileImporter;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail messages (.eml): content that starts with an RFC 5322 header block. What a message carries
 * for the calendar is imported by {@link MessageCalendarImporter}.
 */
public final class MessageFileImporter implements FileImporter {

  private static final Pattern HEADER = Pattern.compile("^[!-9;-~]+:.*");
  private final MessageCalendarImporter messages;

  public MessageFileImporter(Kith kith) {
    this.messages = new MessageCalendarImporter(kith);
  }

  @Override
  public boolean accepts(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n", 40);
    int headers = 0;
    boolean known = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith(" ") || line.startsWith("\t")) {
        continue;
      }
      if (!HEADER.matcher(line).matches()) {
        return false;
      }
      headers++;
      String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
      if (name.equals("from") || name.equals("to") || name.equals("subject") || name.equals("date")
          || name.equals("mime-version") || name.equals("message-id") || name.equals("received")
          || name.equals("return-path") || name.equals("content-type")) {
        known = true;
      }
    }
    return headers >= 2 && known && !lines[0].toUpperCase(Locale.ROOT).startsWith("BEGIN:");
  }

  @Override
  public FileReport importFile(Path file, ImportRequest request) {
    try {
      return messages.importMessage(Files.readAllBytes(file), request);
    } catch (IOException e) {
      return FileReport.rejectedFile(request.displayPath(), MessageCalendarImporter.FORMAT, "file",
          "cannot read the file: " + e.getMessage());
    }
  }
}
