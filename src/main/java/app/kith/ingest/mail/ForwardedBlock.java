package app.kith.ingest.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The header block a mail client writes into the body of a forward: Gmail's
 * "---------- Forwarded message ---------", Outlook's "-----Original Message-----", Apple Mail's
 * "Begin forwarded message:". Gives the original's parties and its date line.
 */
public record ForwardedBlock(List<Party> parties, String date, String subject) {

  private static final Pattern MARKER = Pattern.compile(
      "(?im)^[\\s>]*(?:-{2,}\\s*(?:forwarded message|original message)\\s*-{2,}|begin forwarded message:)\\s*$");

  /** The first forwarded block of a body, if it has one with at least one address. */
  public static java.util.Optional<ForwardedBlock> find(String body) {
    if (body == null) {
      return java.util.Optional.empty();
    }
    var m = MARKER.matcher(body);
    if (!m.find()) {
      return java.util.Optional.empty();
    }
    String[] lines = body.substring(m.end()).split("\\R", 60);
    List<Party> parties = new ArrayList<>();
    String date = null;
    String subject = null;
    String current = null;
    StringBuilder value = new StringBuilder();
    boolean started = false;
    for (String raw : lines) {
      String line = raw.replaceFirst("^[>\\s]+", "");
      if (line.isBlank()) {
        if (started) {
          break;
        }
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT).replace("*", "") : "";
      if (colon > 0 && name.matches("from|to|cc|date|sent|subject|reply-to")) {
        take(current, value.toString(), parties);
        if (current != null && current.matches("date|sent")) {
          date = value.toString().strip();
        } else if ("subject".equals(current)) {
          subject = value.toString().strip();
        }
        current = name;
        value.setLength(0);
        value.append(line.substring(colon + 1));
        started = true;
      } else if (started && current != null) {
        value.append(' ').append(line); // a folded header line
      } else {
        break;
      }
    }
    take(current, value.toString(), parties);
    if (current != null && current.matches("date|sent")) {
      date = value.toString().strip();
    } else if ("subject".equals(current)) {
      subject = value.toString().strip();
    }
    List<Party> distinct = Party.distinct(parties);
    return distinct.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new ForwardedBlock(distinct, date, subject));
  }

  private static void take(String header, String value, List<Party> into) {
    if (header != null && header.matches("from|to|cc")) {
      into.addAll(Party.scan(value));
    }
  }
}
