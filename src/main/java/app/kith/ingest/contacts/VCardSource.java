package app.kith.ingest.contacts;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A vCard file, one card at a time: cut and cleaned by {@link VCardSplitter}, parsed by ez-vcard.
 * One {@link VCardReader} reads the cleaned cards one after the other as a single stream (a reader
 * per card cost three times the parse itself); the cards the splitter refused never reach it and
 * are reported in their place.
 */
final class VCardSource implements RecordSource {

  private final VCardSplitter splitter;
  private final String format;
  /** The cards taken from the splitter and not yet returned, in file order (the refused ones too). */
  private final ArrayDeque<VCardSplitter.RawCard> taken = new ArrayDeque<>();
  private CardText text = new CardText();
  private VCardReader reader = reader(text);

  VCardSource(InputStream in, boolean unicode, int maxFieldLength, long maxPhotoBytes) throws IOException {
    this.splitter = new VCardSplitter(in, unicode, maxFieldLength, maxPhotoBytes);
    VCardSplitter.RawCard first = take();
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
    if (taken.isEmpty() && take() == null) {
      return null;
    }
    VCardSplitter.RawCard raw = taken.peekFirst();
    String where = "card " + raw.number();
    List<String> notes = new ArrayList<>();
    raw.notes().forEach(p -> notes.add(p.reason()));
    if (raw.rejectReason() != null) {
      taken.pollFirst();
      return new Rec(where, null, notes, raw.rejectReason());
    }
    VCard card;
    try {
      card = reader.readNext();
    } catch (RuntimeException e) {
      taken.pollFirst();
      restartReader(); // where the old reader stopped is unknown: the cards after this one are read again
      return new Rec(where, null, notes, "the card cannot be read: " + e.getMessage());
    }
    taken.pollFirst();
    if (card == null) {
      restartReader();
      return new Rec(where, null, notes, "the card cannot be read");
    }
    String group = VCardMapper.groupMarker(card);
    if (group != null) {
      return new Rec(where, null, notes, "a contact group (" + group + "), not a person");
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

  /**
   * The next card of the file, appended to {@link #taken} and, unless refused, its text to what the
   * reader reads; null at the end. Every card goes through here, so the two stay in step.
   */
  private VCardSplitter.RawCard take() throws IOException {
    VCardSplitter.RawCard raw = splitter.next();
    if (raw != null) {
      taken.addLast(raw);
      if (raw.rejectReason() == null) {
        text.queued.addLast(raw.text());
      }
    }
    return raw;
  }

  /** A fresh reader whose text starts with the cards taken and not yet returned, then the rest of the file. */
  private void restartReader() {
    text = new CardText();
    for (VCardSplitter.RawCard raw : taken) {
      if (raw.rejectReason() == null) {
        text.queued.addLast(raw.text());
      }
    }
    reader = reader(text);
  }

  private static VCardReader reader(CardText text) {
    VCardReader r = new VCardReader(text);
    r.registerScribe(new TelephoneText());
    return r;
  }

  @Override
  public void close() throws IOException {
    splitter.close();
  }

  /**
   * The text ez-vcard reads: the cleaned cards one after the other. When it needs more, the next
   * card is taken from the splitter (a refused one is taken, but its text is never handed on).
   */
  private final class CardText extends Reader {
    final ArrayDeque<String> queued = new ArrayDeque<>();
    private String current = "";
    private int pos;

    /** ez-vcard reads one character at a time: this is its hot path. */
    @Override
    public int read() throws IOException {
      return hasMore() ? current.charAt(pos++) : -1;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!hasMore()) {
        return -1;
      }
      int n = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    /** Whether a character is left, taking cards from the file until one is queued; false at its end. */
    private boolean hasMore() throws IOException {
      while (pos == current.length()) {
        while (queued.isEmpty()) {
          if (take() == null) {
            return false;
          }
        }
        current = queued.pollFirst();
        pos = 0;
      }
      return true;
    }

    @Override
    public void close() {
      // the file is closed with the source
    }
  }
}
