package app.kith.ingest.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import app.kith.contacts.ContactData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes to text: quoted-printable, CHARSET=, legacy code pages, UTF-16 with and without a mark. */
class ContactDecodingTest {

  @TempDir Path dir;

  static List<RecordSource.Rec> cards(byte[] bytes) throws Exception {
    TextEncodings.Unicode u = TextEncodings.unicode(bytes, bytes.length);
    var in = new ByteArrayInputStream(bytes);
    boolean unicode = false;
    java.io.InputStream stream = in;
    if (u != null) {
      in.skipNBytes(u.bomLength());
      if (!u.charset().equals(StandardCharsets.UTF_8)) {
        stream = TextEncodings.toUtf8(in, u.charset());
        unicode = true;
      }
    }
    List<RecordSource.Rec> out = new ArrayList<>();
    try (VCardSource s = new VCardSource(stream, unicode, 10_000, 262_144)) {
      RecordSource.Rec r;
      while ((r = s.next()) != null) {
        out.add(r);
      }
    }
    return out;
  }

  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof byte[] x ? x : ((String) p).getBytes(StandardCharsets.US_ASCII);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  @Test
  void quotedPrintableSoftBreakInTheMiddleOfAMultiByteCharacter() throws Exception {
    // "Jérôme Müller": the soft break splits the two bytes of ô (C3 B4)
    byte[] card =
        bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=A9r=C3=\r\n",
            "=B4me M=C3=BCller\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:line one=0D=0Aline two\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(card);
    assertThat(recs).hasSize(1);
    assertThat(recs.get(0).draft().name).isEqualTo("Jérôme Müller");
    assertThat(recs.get(0).draft().notes).isEqualTo("line one\nline two");
  }

  @Test
  void rawBytesWithoutCharsetThatAreNotUtf8AreReadAsWindows1252() throws Exception {
    byte[] card = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren", new byte[] {(byte) 0xE9}, "e D", new byte[] {(byte) 0xFC},
        "rr\r\nEMAIL:renee@example.com\r\nEND:VCARD\r\n");
    assertThat(cards(card).get(0).draft().name).isEqualTo("Renée Dürr");
  }

  @Test
  void aWindows1252ValueWhoseOnlyAccentIsItsLastLetterKeepsIt() throws Exception {
    // é (E9), ß (DF), á (E1) end a value: UTF-8 would read each as the start of a character
    byte[] card = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Jos", new byte[] {(byte) 0xE9}, ";Andr", new byte[] {(byte) 0xE9},
        "\r\nORG:Caf", new byte[] {(byte) 0xE9}, "\r\nTITLE:Stra", new byte[] {(byte) 0xDF},
        "\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Trifft sich gern im Caf=E9\r\nEND:VCARD\r\n");
    Draft d = cards(card).get(0).draft();
    assertThat(d.name).isEqualTo("André José");
    assertThat(d.organization).isEqualTo("Café");
    assertThat(d.title).isEqualTo("Straß");
    assertThat(d.notes).isEqualTo("Trifft sich gern im Café");
    byte[] value = "Mam\u00e1".getBytes(TextEncodings.WINDOWS_1252);
    assertThat(TextEncodings.decode(value, 0, value.length, null)).isEqualTo("Mamá");
    assertThat(TextEncodings.decode(value, 0, value.length, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Mamá");
    // a sample cut inside a UTF-8 character is still UTF-8
    byte[] cut = "Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(TextEncodings.isUtf8(cut, 0, cut.length - 1)).isTrue();
  }

  @Test
  void aStrayNulByteIsDamageNotABinaryFile() {
    byte[] card = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul Person\r\nNOTE:bad", new byte[] {0}, "byte\r\nEND:VCARD\r\n");
    assertThat(new ContactFileImporter(null).accepts(card)).isTrue();
    byte[] csv = bytes("Name,Email,Notes\n" + "Ann,ann@example.org,fine\n".repeat(20) + "Nul,nul@example.org,bad", new byte[] {0},
        "byte\n");
    assertThat(ContactFileImporter.isBinary(csv)).isFalse();
    assertThat(new ContactFileImporter(null).accepts(csv)).isTrue();
    // images, archives and programs have NULs in their first bytes
    byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, '@', 'x'};
    assertThat(ContactFileImporter.isBinary(elf)).isTrue();
    byte[] zip = bytes("PK", new byte[] {3, 4, 20, 0, 0, 0, 8, 0}, "Name,Email\n");
    assertThat(new ContactFileImporter(null).accepts(zip)).isFalse();
  }

  @Test
  void utf8WithoutCharsetStaysUtf8() throws Exception {
    byte[] card = ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë Ærø 名無し\nEND:VCARD\n").getBytes(StandardCharsets.UTF_8);
    assertThat(cards(card).get(0).draft().name).isEqualTo("Zoë Ærø 名無し");
  }

  @Test
  void charsetParameterIsHonouredForRawAndQuotedPrintableValues() throws Exception {
    Charset sjis = Charset.forName("Shift_JIS");
    byte[] card = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:", "安藤 ロイド".getBytes(sjis),
        "\r\nNOTE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=83=81=83=82\r\nEND:VCARD\r\n");
    RecordSource.Rec r = cards(card).get(0);
    assertThat(r.draft().name).isEqualTo("安藤 ロイド");
    assertThat(r.draft().notes).isEqualTo("メモ");
  }

  @Test
  void utf16WithAMarkAndBigEndianWithoutOne() throws Exception {
    String text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Åsa Lindqvist\r\nEMAIL:asa@example.se\r\nEND:VCARD\r\n";
    byte[] le = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = text.getBytes(StandardCharsets.UTF_16BE);
    assertThat(TextEncodings.unicode(be, be.length).charset()).isEqualTo(StandardCharsets.UTF_16BE);
    assertThat(cards(le).get(0).draft().name).isEqualTo("Åsa Lindqvist");
    assertThat(cards(be).get(0).draft().name).isEqualTo("Åsa Lindqvist");
    assertThat(cards(be).get(0).draft().emails).containsExactly("asa@example.se");
  }

  @Test
  void legacyCodePageGuessTellsShiftJisFromWesternAccents() {
    byte[] western = "Renée Dupont, Zoë".getBytes(TextEncodings.WINDOWS_1252);
    byte[] japanese = "名無しの権兵衛,山田太郎".getBytes(TextEncodings.SHIFT_JIS);
    assertThat(TextEncodings.guess(western, 0, western.length)).isEqualTo(TextEncodings.WINDOWS_1252);
    assertThat(TextEncodings.guess(japanese, 0, japanese.length)).isEqualTo(TextEncodings.SHIFT_JIS);
    byte[] utf8 = "Renée".getBytes(StandardCharsets.UTF_8);
    assertThat(TextEncodings.guess(utf8, 0, utf8.length)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void csvEncodings() throws Exception {
    Path bom = dir.resolve("bom.csv");
    Files.write(bom, bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Name,Email\r\nZoë Adams,zoe@example.com\r\n".getBytes(StandardCharsets.UTF_8)));
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, "Name;E-mail\r\nRenée Dürr;renee@example.com\r\n".getBytes(TextEncodings.WINDOWS_1252));
    Path utf16 = dir.resolve("utf16.csv");
    Files.write(utf16, bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Display Name,Primary Email\r\nÅsa L,asa@example.se\r\n".getBytes(StandardCharsets.UTF_16LE)));
    assertThat(firstName(bom)).isEqualTo("Zoë Adams");
    assertThat(firstName(latin)).isEqualTo("Renée Dürr");
    assertThat(firstName(utf16)).isEqualTo("Åsa L");
  }

  static String firstName(Path file) throws Exception {
    byte[] head = Files.readAllBytes(file);
    CsvSource.Sniff sniff = CsvSource.sniff(file, head, head.length);
    try (CsvSource s = new CsvSource(file, sniff)) {
      return s.next().draft().name;
    }
  }

  @Test
  void brokenAndHugePhotosAreDroppedWithANoteAndTheContactKept() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 400_000 / 76; i++) {
      big.append(" QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n");
    }
    byte[] card = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:\r\n", big.toString(),
        "EMAIL:big@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Cut Photo\r\nPHOTO;ENCODING=BASE64:QUJDREVG",
        "R0\r\n\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(card);
    assertThat(recs).hasSize(2);
    assertThat(recs.get(0).reject()).isNull();
    assertThat(recs.get(0).draft().emails).containsExactly("big@example.com");
    assertThat(recs.get(0).notes()).singleElement().asString().contains("PHOTO dropped: it is larger than kith.import.max-photo-bytes (256 KiB)");
    assertThat(recs.get(1).draft().name).isEqualTo("Cut Photo");
    assertThat(recs.get(1).notes()).singleElement().asString().contains("cut short");
  }

  @Test
  void brokenCardsAreRejectedOneByOneWhileTheOthersRead() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\nVERSION:2.1\nFN:First\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:2.1\nN:outer\nBEGIN:VCARD\nVERSION:2.1\nN:inner\nEND:VCARD\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Third\nEMAIL:\"Third\"\n  <third@example.com>\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fourth\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fifth, cut short\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).extracting(RecordSource.Rec::where).containsExactly("card 1", "card 2", "card 3", "card 4", "card 5");
    assertThat(recs.get(0).draft().name).isEqualTo("First");
    assertThat(recs.get(1).reject()).contains("nested");
    assertThat(recs.get(2).draft().finish(10_000)).isNull();
    assertThat(recs.get(2).draft().reject).contains("not an e-mail address");
    assertThat(recs.get(3).draft().name).isEqualTo("Fourth");
    assertThat(recs.get(4).reject()).contains("END:VCARD");
  }

  @Test
  void aCardEzVcardThrowsOnIsRejectedAndTheCardsAfterItStillRead() throws Exception {
    // ez-vcard 0.12.1 throws DateTimeException from readNext() on an out-of-range UTC offset
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:First\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Second\r\nTZ;VALUE=utc-offset:+99\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Third\r\nEMAIL:third@example.com\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Fourth\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).extracting(RecordSource.Rec::where).containsExactly("card 1", "card 2", "card 3", "card 4");
    assertThat(recs.get(0).draft().name).isEqualTo("First");
    assertThat(recs.get(1).draft()).isNull();
    assertThat(recs.get(1).reject()).startsWith("the card cannot be read");
    assertThat(recs.get(2).draft().name).isEqualTo("Third");
    assertThat(recs.get(2).draft().emails).containsExactly("third@example.com");
    assertThat(recs.get(3).draft().name).isEqualTo("Fourth");
  }

  @Test
  void preferredAddressesAndPhonesComeFirstInTheirOwnOrder() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pref Order\r\nEMAIL:a@example.org\r\n"
        + "EMAIL;TYPE=INTERNET,PREF:b@example.org\r\nEMAIL;TYPE=PREF:c@example.org\r\nTEL:+1 555 0101\r\n"
        + "TEL;TYPE=CELL,PREF:+1 555 0102\r\nTEL;TYPE=PREF:+1 555 0103\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Smith;John\r\nEMAIL;PREF;HOME:test@example.com\r\n"
        + "EMAIL;CELL;PREF:test2@examination.com\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().emails).containsExactly("b@example.org", "c@example.org", "a@example.org");
    assertThat(recs.get(0).draft().phones).containsExactly("+1 555 0102", "+1 555 0103", "+1 555 0101");
    assertThat(recs.get(1).draft().emails).containsExactly("test@example.com", "test2@examination.com");
  }

  @Test
  void anEastAsianNameFromItsPartsPutsTheFamilyNameFirst() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎;;;\r\nTEL:+81 90 1234 5678\r\nEND:VCARD\r\n"
        .getBytes(StandardCharsets.UTF_8), "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;John;Q.;Dr.;\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().name).isEqualTo("山田太郎");
    assertThat(recs.get(1).draft().name).isEqualTo("Dr. John Q. Doe");
    assertThat(Draft.joinName("太郎", null, "山田")).isEqualTo("山田太郎");
    assertThat(Draft.joinName("민준", null, "김")).isEqualTo("김민준");
    assertThat(Draft.joinName("まゆみ", null, "佐藤")).isEqualTo("佐藤 まゆみ");
    assertThat(Draft.joinName("Wei", null, "王")).isEqualTo("王 Wei");
    assertThat(Draft.joinName("Ada", "", "Lovelace")).isEqualTo("Ada Lovelace");
    assertThat(Draft.joinName(" ", null, null)).isNull();
  }

  @Test
  void outlooksFileAsOrderAndANicknameAlone() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Johnathan\r\nFN:Doe, Johnathan\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smith;Jane;;;MBA\r\nFN:Jane Smith, MBA\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Acme, Inc\r\nORG:Acme, Inc\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nNICKNAME:Big Mike\r\nTEL:+1 555 010 0177\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().name).isEqualTo("Johnathan Doe");
    assertThat(recs.get(1).draft().name).isEqualTo("Jane Smith, MBA");
    assertThat(recs.get(2).draft().name).isEqualTo("Acme, Inc");
    assertThat(recs.get(3).draft().name).isEqualTo("Big Mike");
  }

  @Test
  void excelForMacsPlainCsvIsMacRoman() throws Exception {
    java.nio.charset.Charset mac = java.nio.charset.Charset.forName("x-MacRoman");
    byte[] macCsv = "Name,Company,Notes\rJosé Núñez,Telefónica,Café con él\rZoë Brontë,Brontë & Co,\r".getBytes(mac);
    assertThat(TextEncodings.legacyFile(macCsv, 0, macCsv.length)).isEqualTo(mac);
    // windows-1252 keeps its accented letters at 0xC0-0xFF, and its quotes and dashes are no Mac letters
    byte[] ansi = "Name,Company\r\nFrançois Lefèvre,BNP Paribas\r\nJosé Núñez,Telefónica\r\n".getBytes("windows-1252");
    assertThat(TextEncodings.legacyFile(ansi, 0, ansi.length)).isEqualTo(java.nio.charset.Charset.forName("windows-1252"));
    byte[] quotes = "Name,Notes\r\nConor O\u2019Neil,\u201cmet at PyCon\u201d \u2013 likes tea\r\n".getBytes("windows-1252");
    assertThat(TextEncodings.legacyFile(quotes, 0, quotes.length)).isEqualTo(java.nio.charset.Charset.forName("windows-1252"));
  }

  @Test
  void aMacRomanCsvWithItsCapitalsIsToldByItsCarriageReturns() throws Exception {
    Charset mac = TextEncodings.MAC_ROMAN;
    byte[] withCapitals = "First Name,Last Name,Company\rGünther,Schäfer,\"Schäfer, Bau & Co.\"\rÈve,Lambert,\r".getBytes(mac);
    assertThat(TextEncodings.legacyFile(withCapitals, 0, withCapitals.length)).isEqualTo(mac);
    // the same letters with Windows line ends are windows-1252's
    byte[] windows = "First Name,Last Name\r\nÉmile,Zola\r\nÈve,Müller\r\n".getBytes(TextEncodings.WINDOWS_1252);
    assertThat(TextEncodings.legacyFile(windows, 0, windows.length)).isEqualTo(TextEncodings.WINDOWS_1252);
    // a CR-only windows-1252 file with its accents at 0xC0-0xFF only stays windows-1252
    byte[] crAnsi = "Name,Company\rFrançois Lefèvre,BNP Paribas\rJosé Núñez,Telefónica\r".getBytes(TextEncodings.WINDOWS_1252);
    assertThat(TextEncodings.legacyFile(crAnsi, 0, crAnsi.length)).isEqualTo(TextEncodings.WINDOWS_1252);
  }

  @Test
  void centralEuropeanAndJapaneseExcelCsvsAreReadInTheirCodePages() throws Exception {
    Charset cp1250 = Charset.forName("windows-1250");
    byte[] polish = "Imię;Nazwisko;Firma;Adres e-mail\r\nŁukasz;Wójcik;Żabka Polska;lukasz@example.pl\r\nŚwiętosław;Źdźbło;Łódź Ślusarnia;s@example.pl\r\n"
        .getBytes(cp1250);
    assertThat(TextEncodings.legacyFile(polish, 0, polish.length)).isEqualTo(cp1250);
    byte[] slovak = "Name,Company\r\nĽubomír Ťažký,Slovnaft\r\nĽudmila Kováčová,Tatra banka\r\n".getBytes(cp1250);
    assertThat(TextEncodings.legacyFile(slovak, 0, slovak.length)).isEqualTo(cp1250);
    // Western text keeps windows-1252, even with a French œ or a pound sign
    byte[] french = "Name,Notes\r\nAnaïs Lefèvre,sœur de Loïc; £20 owed\r\nRenée Dürr,cœur\r\n".getBytes(TextEncodings.WINDOWS_1252);
    assertThat(TextEncodings.legacyFile(french, 0, french.length)).isEqualTo(TextEncodings.WINDOWS_1252);
    // Shift_JIS, whose second bytes can be ASCII ("ソ" is 0x83 0x5C): its header and its names
    byte[] sjis = "姓,名,メールアドレス,会社名\r\n山田,太郎,taro@example.jp,株式会社ソニー\r\n".getBytes(TextEncodings.SHIFT_JIS);
    assertThat(TextEncodings.legacyFile(sjis, 0, sjis.length)).isEqualTo(TextEncodings.SHIFT_JIS);
    byte[] mixed = "Name,Email,Company\r\n山田太郎,taro@example.jp,株式会社ソニー\r\n".getBytes(TextEncodings.SHIFT_JIS);
    assertThat(TextEncodings.legacyFile(mixed, 0, mixed.length)).isEqualTo(TextEncodings.SHIFT_JIS);
    Path file = dir.resolve("sjis.csv");
    Files.write(file, sjis);
    assertThat(ContactFormatTest.fields(file, null)).containsExactly("山田太郎 | taro@example.jp |  | 株式会社ソニー | null | null");
  }

  @Test
  void aNoteInBase64IsDecoded() throws Exception {
    String note = java.util.Base64.getEncoder().encodeToString("Élève française, très sympa".getBytes(StandardCharsets.UTF_8));
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Old Phone\r\nnote;ENCODING=BASE64;CHARSET=UTF-8:" + note.substring(0, 20)
        + "\r\n " + note.substring(20) + "\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Not Base64\r\nNOTE;ENCODING=BASE64:this is not base64!\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().notes).isEqualTo("Élève française, très sympa");
    assertThat(recs.get(1).draft().notes).isEqualTo("this is not base64!");
  }

  @Test
  void aBackslashInAVCard21ValueIsTheCharacterItself() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Smith;Jane\r\n"
        + "NOTE:Files are in C:\\new\\temp\\notes\\; ask about \\\\server\\share\r\n"
        + "ORG:Gump Shrimp Co.;Sales Dept.\\;Manager\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Two Lines\r\nNOTE;ENCODING=QUOTED-PRINTABLE:first=0D=0Asecond\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Escaped\r\nNOTE:first\\nsecond\\, with a comma\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().notes).isEqualTo("Files are in C:\\new\\temp\\notes; ask about \\\\server\\share");
    assertThat(recs.get(0).draft().organization).isEqualTo("Gump Shrimp Co.");
    assertThat(recs.get(1).draft().notes).isEqualTo("first\nsecond");
    assertThat(recs.get(2).draft().notes).isEqualTo("first\nsecond, with a comma");
  }

  @Test
  void aDepartmentWithoutItsOrganisationIsNoOrganisation() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rita Alves\r\nORG:;Sales\r\nTITLE:Account Manager\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Reyes\r\nORG: ;\r\nORG:Northwind Traders;Sales\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().organization).isNull();
    assertThat(recs.get(0).draft().title).isEqualTo("Account Manager");
    assertThat(recs.get(1).draft().organization).isEqualTo("Northwind Traders");
  }

  @Test
  void pagersAndFaxesAreNoWayToKeepInTouch() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Johnny Appleseed\r\nTEL;type=CELL;type=VOICE;type=pref:+1 408 555 0100\r\n"
        + "TEL;type=PAGER:(408) 555-0177\r\nTEL;type=WORK;type=FAX:+1 408 555 0199\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nTEL;PAGER:555-0178\r\nTEL;WORK;VOICE:+1 555 0101\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().phones).containsExactly("+1 408 555 0100");
    assertThat(recs.get(1).draft().phones).containsExactly("+1 555 0101");
  }

  @Test
  void controlCharactersFromACorruptFileAreNotKept() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul\u0000Byte Person\r\nNOTE:before\u0000after\\nnext line\r\n"
        + "TEL:+1 555\u0001 0100\r\nEND:VCARD\r\n");
    ContactData d = cards(file).get(0).draft().finish(10_000);
    assertThat(d.name()).isEqualTo("NulByte Person");
    assertThat(d.notes()).isEqualTo("beforeafter\nnext line");
    assertThat(d.phones()).containsExactly("+1 555 0100");
  }

  @Test
  void aValueLongerThanTheBufferIsCutLikeAnyLongValue() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:", "x".repeat(500_000),
        "\r\nEMAIL:long@example.org\r\nEND:VCARD\r\n");
    RecordSource.Rec rec = cards(file).get(0);
    ContactData d = rec.draft().finish(10_000);
    assertThat(d.notes()).hasSize(10_000);
    assertThat(rec.draft().notesOnRecord).containsExactly("notes cut to 10000 characters (kith.import.max-field-length)");
    assertThat(d.emails()).containsExactly("long@example.org");
  }

  @Test
  void groupCardsAreRefusedAsNoPerson() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Family\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n"
            + "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1234\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Book club\r\nMEMBER:mailto:ann@example.org\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:Ann Lee\r\nEND:VCARD\r\n",
        // Evolution's contact list names its members as "Name <address>" in its e-mail lines
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Team Infra\r\nX-EVOLUTION-LIST:TRUE\r\n"
            + "EMAIL;X-EVOLUTION-DEST-NAME=Younghee Lee:Younghee Lee <younghee.lee@example.kr>\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).extracting(RecordSource.Rec::reject).containsExactly(
        "a contact group (X-ADDRESSBOOKSERVER-KIND:group), not a person", "a contact group (KIND:group), not a person", null,
        "a contact group (X-EVOLUTION-LIST:TRUE), not a person");
    assertThat(recs.get(2).draft().name).isEqualTo("Ann Lee");
  }

  /** Numbers as text skip ez-vcard's try as a tel: URI (TelephoneText); tel: URIs still go through it. */
  @Test
  void numbersAsTextAndAsTelUris() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Uri Four\r\nTEL;VALUE=uri;TYPE=cell:tel:+1-555-555-0100;ext=101\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Uri Three\r\nTEL;TYPE=WORK:TEL:+44-20-7946-0000\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Text Three\r\nTEL;TYPE=fax:+31 20 555 0000\r\n"
            + "TEL;TYPE=Pref,cell:+31 6 1234 5678\\, 2nd line\r\nTEL:telephone desk\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().phones).containsExactly("+1-555-555-0100 ext. 101");
    assertThat(recs.get(1).draft().phones).containsExactly("+44-20-7946-0000");
    // the fax is left out, the escaped comma is read as a comma (and the parts are no numbers of
    // their own), and a value that only starts like "tel" stays text
    assertThat(recs.get(2).draft().phones).containsExactly("+31 6 1234 5678, 2nd line", "telephone desk");
  }

  @Test
  void aBirthdayThatIsNoDayOfTheYearIsLeftOutWithANote() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mo Nica\r\nBDAY:1992-03\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Pro Ton\r\nBDAY;VALUE=text:circa 1980\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Day Only\r\nBDAY:--0415\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Feb Thirty\r\nBDAY:1985-02-30\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zero Year\r\nBDAY:0000-07-04\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(3).draft().birthday).isNull();
    assertThat(recs.get(3).draft().notesOnRecord).containsExactly("birthday '1985-02-30' is not a day of the year; left out");
    // year 0000 stands for "no year", as Apple's 1604 does
    assertThat(recs.get(4).draft().birthday).isEqualTo("--07-04");
    assertThat(recs.get(4).draft().notesOnRecord).isEmpty();
    assertThat(recs.get(0).draft().birthday).isNull();
    assertThat(recs.get(0).draft().notesOnRecord).containsExactly("birthday '1992-03' is not a day of the year; left out");
    assertThat(recs.get(1).draft().notesOnRecord).containsExactly("birthday 'circa 1980' is not a day of the year; left out");
    assertThat(recs.get(2).draft().birthday).isEqualTo("--04-15");
    assertThat(recs.get(2).draft().notesOnRecord).isEmpty();
  }

  @Test
  void appleBirthdaysWithoutAYear() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mia Apple\r\nBDAY;VALUE=date:1604-05-06\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Noah Apple\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-12-24\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ida Apple\r\nBDAY;VALUE=date:1988-12-24\r\nEND:VCARD\r\n");
    assertThat(cards(file)).extracting(r -> r.draft().birthday).containsExactly("--05-06", "--12-24", "1988-12-24");
  }

  @Test
  void aCardThatLostItsEndIsRefusedAndTheCardsAfterItStillRead() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice Good\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Broken\r\nEMAIL:bob@example.com\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carol After\r\nEND:VCARD\r\n\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dave Last\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).extracting(RecordSource.Rec::where).containsExactly("card 1", "card 2", "card 3", "card 4");
    assertThat(recs.get(1).reject()).isEqualTo("the card has no END:VCARD before the next BEGIN:VCARD");
    assertThat(recs).extracting(r -> r.draft() == null ? null : r.draft().name)
        .containsExactly("Alice Good", null, "Carol After", "Dave Last");

    // more cards than are read ahead, and a lost END right before the end of the file
    List<String> many = new ArrayList<>();
    many.add("BEGIN:VCARD\nVERSION:3.0\nFN:Lost End\n");
    for (int i = 0; i < 20; i++) {
      many.add("BEGIN:VCARD\nVERSION:3.0\nFN:Card " + i + "\nEND:VCARD\n");
    }
    many.add("BEGIN:VCARD\nVERSION:3.0\nFN:Also Lost\n");
    many.add("BEGIN:VCARD\nVERSION:3.0\nFN:Very Last\nEND:VCARD\n");
    recs = cards(bytes(many.toArray(String[]::new)));
    assertThat(recs).hasSize(23);
    assertThat(recs.get(0).reject()).contains("no END:VCARD");
    assertThat(recs.subList(1, 21)).allSatisfy(r -> assertThat(r.reject()).isNull());
    assertThat(recs.get(20).draft().name).isEqualTo("Card 19");
    assertThat(recs.get(21).reject()).contains("no END:VCARD");
    assertThat(recs.get(22).draft().name).isEqualTo("Very Last");
    assertThat(recs).extracting(RecordSource.Rec::where).doesNotHaveDuplicates();
  }

  @Test
  void cardsNestedInACardAreNoCardsOfTheFile() throws Exception {
    // as the Android test file: two cards inside one, which goes on after them
    byte[] file = bytes(
        "BEGIN:VCARD\nVERSION:2.1\nN:parent\nBEGIN:VCARD\nVERSION:2.1\nN:nest1\nEND:VCARD\n"
            + "BEGIN:VCARD\nVERSION:2.1\nN:nest2\nEND:VCARD\nTEL:1\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:2.1\nN:Next;Card\nEND:VCARD\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).extracting(RecordSource.Rec::where).containsExactly("card 1", "card 2");
    assertThat(recs.get(0).reject()).contains("nested");
    assertThat(recs.get(1).draft().name).isEqualTo("Card Next");
  }

  @Test
  void aRefusedFirstCardLeavesTheNextOnesInPlace() throws Exception {
    byte[] file = bytes(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:outer\r\nBEGIN:VCARD\r\nN:inner\r\nEND:VCARD\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Second\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Third\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).extracting(RecordSource.Rec::where).containsExactly("card 1", "card 2", "card 3");
    assertThat(recs.get(0).reject()).contains("nested");
    assertThat(recs.get(1).draft().name).isEqualTo("Second");
    assertThat(recs.get(2).draft().name).isEqualTo("Third");
  }

  @Test
  void longFieldsAreCutWithANote() {
    Draft d = new Draft();
    d.name = "N".repeat(1500);
    d.notes = "x".repeat(120);
    d.email("cut@example.com", false);
    var data = d.finish(100);
    assertThat(data.name()).hasSize(100);
    assertThat(data.notes()).hasSize(100);
    assertThat(d.notesOnRecord).anyMatch(n -> n.contains("name cut to 100")).anyMatch(n -> n.contains("notes cut to 100"));
    Draft big = new Draft();
    big.name = "N".repeat(1500);
    assertThat(big.finish(10_000).name()).hasSize(1000); // the column's width
  }

  @Test
  void severalAddressesInOneCellAreSeveralAddresses() {
    Draft d = new Draft();
    d.email("a@example.com; b@example.com, c@example.com", false);
    assertThat(d.finish(100).emails()).containsExactly("a@example.com", "b@example.com", "c@example.com");
    Draft garbled = new Draft();
    garbled.email("\"Omega\" <omega@example.com>", false);
    assertThat(garbled.finish(100)).isNull();
  }

  @Test
  void aLineOfItsOwnContinuesANoteAndIsLeftOutAfterAnAddress() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Frank Junkline\r\nEMAIL:frank@example.com\r\nTHIS IS NOT A VALID LINE\r\n"
        + "TEL:+1 555 0143\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Raw Newline\r\nNOTE:Met in Lisbon.\r\nWants the slides.\r\nEMAIL:raw@example.com\r\n"
        + "END:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().emails).containsExactly("frank@example.com");
    assertThat(recs.get(0).draft().phones).containsExactly("+1 555 0143");
    assertThat(recs.get(0).notes()).extracting(Object::toString).anyMatch(n -> n.contains("a line without ':' after EMAIL was left out"));
    assertThat(recs.get(1).draft().notes).isEqualTo("Met in Lisbon.\nWants the slides.");
    assertThat(recs.get(1).draft().emails).containsExactly("raw@example.com");
  }

  @Test
  void aCompanysOwnCardIsKnownByItsName() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nORG:Contoso Pharmacy;\r\nX-ABShowAs:COMPANY\r\n"
        + "TEL:+1 555 0100\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:\r\nORG:Northwind\r\nEMAIL:info@northwind.example\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Acme\r\nEMAIL:someone@acme.example\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs.get(0).draft().name).isEqualTo("Contoso Pharmacy");
    assertThat(recs.get(1).draft().name).isEqualTo("Northwind");
    assertThat(recs.get(2).draft().name).isNull(); // someone at Acme, not Acme itself
  }

  @Test
  void aSoftBreakRightBeforeTheCardsEndEndsTheValue() throws Exception {
    byte[] file = bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lopez;Jorge\r\nEMAIL:jorge@example.mx\r\n"
        + "NOTE;ENCODING=QUOTED-PRINTABLE:Call after 6pm=0D=0A=\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Next;Card\r\nEND:VCARD\r\n");
    List<RecordSource.Rec> recs = cards(file);
    assertThat(recs).hasSize(2);
    assertThat(recs.get(0).reject()).isNull();
    assertThat(recs.get(0).draft().notes).isEqualTo("Call after 6pm");
    assertThat(recs.get(1).draft().name).isEqualTo("Card Next");
  }
}
