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
  private CardText text;
  private VCardReader reader;

  VCardSource(InputStream in, boolean unicode, int maxFieldLength, long maxPhotoBytes) throws IOException {
    this.splitter = new VCardSplitter(in, unicode, maxFieldLength, maxPhotoBytes);
    VCardSplitter.RawCard first = take();
    this.format = "vcard-" + version(first == null ? null : first.version());
    restartReader();
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
    if (taken.isEmpty()) {
      // nothing read ahead (at the start, after a refused card or a restart): hand on the next card
      VCardSplitter.RawCard raw = take();
      if (raw == null) {
        return null;
      }
      if (raw.rejectReason() == null) {
        text.queued.addLast(raw.text());
      }
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

  /** The next card of the file, appended to {@link #taken}; null at the end. */
  private VCardSplitter.RawCard take() throws IOException {
    VCardSplitter.RawCard raw = splitter.next();
    if (raw != null) {
      taken.addLast(raw);
    }
    return raw;
  }

  /** A fresh reader whose text starts with the taken cards not yet returned, then the rest of the file. */
  private void restartReader() {
    text = new CardText();
    for (VCardSplitter.RawCard raw : taken) {
      if (raw.rejectReason() == null) {
        text.queued.addLast(raw.text());
      }
    }
    reader = new VCardReader(text);
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
      while (pos == current.length()) {
        if (queued.isEmpty() && !takeGood()) {
          return -1;
        }
        current = queued.pollFirst();
        pos = 0;
      }
      return current.charAt(pos++);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos == current.length()) {
        if (queued.isEmpty() && !takeGood()) {
          return -1;
        }
        current = queued.pollFirst();
        pos = 0;
      }
      int n = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    /** Takes cards until a readable one is queued; false at the end of the file. */
    private boolean takeGood() throws IOException {
      VCardSplitter.RawCard raw;
      while ((raw = take()) != null) {
        if (raw.rejectReason() == null) {
          queued.addLast(raw.text());
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      // the file is closed with the source
    }
  }
}
