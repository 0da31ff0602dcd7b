package app.kith.ingest.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link VCardSource} streams a file's cleaned cards through one ez-vcard reader. Over every vCard
 * of the shared corpus (plus a file whose first card is refused) it must give what a reader per
 * card gives: the same cards, in the same places, with the same fields.
 */
class VCardStreamTest {

  @Test
  void oneReaderForTheFileReadsWhatAReaderPerCardReads() throws Exception {
    Path corpus = ContactCorpusTest.CORPUS.resolve("vcf");
    assumeThat(Files.isDirectory(corpus)).as("the shared corpus at " + corpus).isTrue();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".vcf")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    int cards = 0;
    for (Path f : files) {
      List<String> streamed = streamed(Files.readAllBytes(f));
      assertThat(streamed).as(f.getFileName().toString()).containsExactlyElementsOf(perCard(Files.readAllBytes(f)));
      cards += streamed.size();
    }
    assertThat(cards).isGreaterThan(files.size());
  }

  @Test
  void theSameWithRefusedCardsFirstInBetweenAndLast() throws Exception {
    byte[] file = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:outer\r\nBEGIN:VCARD\r\nN:inner\r\nEND:VCARD\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Two\r\nEMAIL:two@example.com\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Three\r\nPHOTO;ENCODING=b:QUJD!!!\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Four\r\nTZ;VALUE=utc-offset:+99\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Five\r\nTEL:+31 6 1234 5678\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Six, cut short\r\n").getBytes(StandardCharsets.UTF_8);
    List<String> streamed = streamed(file);
    assertThat(streamed).hasSize(6).containsExactlyElementsOf(perCard(file));
    assertThat(streamed.get(4)).contains("Five").contains("+31 6 1234 5678");
  }

  /** What VCardSource gives, one line per card. */
  private static List<String> streamed(byte[] bytes) throws Exception {
    List<String> out = new ArrayList<>();
    try (VCardSource source = new VCardSource(open(bytes), unicode(bytes), 10_000, 256 * 1024)) {
      RecordSource.Rec rec;
      while ((rec = source.next()) != null) {
        out.add(line(rec.where(), rec.draft(), rec.reject()));
      }
    }
    return out;
  }

  /** The straightforward way: the same splitter, then a new ez-vcard reader for each card. */
  private static List<String> perCard(byte[] bytes) throws Exception {
    List<String> out = new ArrayList<>();
    try (VCardSplitter splitter = new VCardSplitter(open(bytes), unicode(bytes), 10_000, 256 * 1024)) {
      VCardSplitter.RawCard raw;
      while ((raw = splitter.next()) != null) {
        String where = "card " + raw.number();
        if (raw.rejectReason() != null) {
          out.add(line(where, null, raw.rejectReason()));
          continue;
        }
        VCard card;
        try (VCardReader reader = new VCardReader(raw.text())) {
          card = reader.readNext();
        } catch (RuntimeException e) {
          out.add(line(where, null, "the card cannot be read: " + e.getMessage()));
          continue;
        }
        Draft d = VCardMapper.map(card);
        d.since = VCardMapper.since(card);
        if (d.birthday == null && raw.birthday() != null) {
          d.birthday = Dates.birthday(raw.birthday(), false);
        }
        out.add(line(where, d, null));
      }
    }
    return out;
  }

  private static String line(String where, Draft d, String reject) {
    if (d == null) {
      return where + " refused: " + reject;
    }
    return String.join(" | ", where, String.valueOf(d.name), d.emails.toString(), d.phones.toString(),
        String.valueOf(d.organization), String.valueOf(d.title), String.valueOf(d.birthday), String.valueOf(d.notes),
        String.valueOf(d.since));
  }

  /** The bytes as ContactFileImporter hands them on: a BOM skipped, UTF-16 turned into UTF-8. */
  private static InputStream open(byte[] bytes) throws Exception {
    InputStream in = new java.io.ByteArrayInputStream(bytes);
    TextEncodings.Unicode u = TextEncodings.unicode(bytes, Math.min(bytes.length, 8192));
    if (u != null) {
      in.skipNBytes(u.bomLength());
      if (!u.charset().equals(StandardCharsets.UTF_8)) {
        in = TextEncodings.toUtf8(in, u.charset());
      }
    }
    return in;
  }

  private static boolean unicode(byte[] bytes) {
    TextEncodings.Unicode u = TextEncodings.unicode(bytes, Math.min(bytes.length, 8192));
    return u != null && !u.charset().equals(StandardCharsets.UTF_8);
  }
}
