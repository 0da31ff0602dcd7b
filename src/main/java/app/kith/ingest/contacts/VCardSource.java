package app.kith.ingest.contacts;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A vCard file, one card at a time: cut by {@link VCardSplitter}, parsed by ez-vcard. */
final class VCardSource implements RecordSource {

  private final VCardSplitter splitter;
  private String format;
  private VCardSplitter.RawCard first;

  VCardSource(InputStream in, boolean unicode, int maxFieldLength, long maxPhotoBytes) throws IOException {
    this.splitter = new VCardSplitter(in, unicode, maxFieldLength, maxPhotoBytes);
    this.first = splitter.next();
    this.format = "vcard-" + version(first == null ? null : first.version());
  }

  private static String version(String v) {
    if (v == null) {
      return "2.1";
    }
    return switch (v.trim()) {
      case "3.0" -> "3.0";
      case "4.0" -> "4.0";
      default -> "2.1";
    };
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public Rec next() throws IOException {
    VCardSplitter.RawCard raw;
    if (first != null) {
      raw = first;
      first = null;
    } else {
      raw = splitter.next();
    }
    if (raw == null) {
      return null;
    }
    String where = "card " + raw.number();
    List<String> notes = new ArrayList<>();
    raw.notes().forEach(p -> notes.add(p.reason()));
    if (raw.rejectReason() != null) {
      return new Rec(where, null, notes, raw.rejectReason());
    }
    VCard card;
    try (VCardReader reader = new VCardReader(raw.text())) {
      card = reader.readNext();
    } catch (RuntimeException e) {
      return new Rec(where, null, notes, "the card cannot be read: " + e.getMessage());
    }
    if (card == null) {
      return new Rec(where, null, notes, "the card cannot be read");
    }
    Draft d;
    try {
      d = VCardMapper.map(card);
      d.since = VCardMapper.since(card);
    } catch (RuntimeException e) {
      return new Rec(where, null, notes, "the card cannot be read: " + e.getMessage());
    }
    if (d.birthday == null && raw.birthday() != null) {
      d.birthday = Dates.birthday(raw.birthday(), false);
    }
    return new Rec(where, d, notes, null);
  }

  @Override
  public void close() throws IOException {
    splitter.close();
  }
}
