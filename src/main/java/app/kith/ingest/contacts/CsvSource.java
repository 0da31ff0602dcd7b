package app.kith.ingest.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A contact CSV, one row at a time. Before reading, it finds the header (LinkedIn puts a
 * {@code Notes:} preamble above it), the delimiter ({@code ,}, {@code ;} or tab) and the encoding,
 * and refuses a file whose lines disagree on the delimiter.
 */
final class CsvSource implements RecordSource {

  static final int SAMPLE_CHARS = 64 * 1024;
  private static final int HEADER_SEARCH_LINES = 30;

  /** What sniffing found; {@code problem} set when the file cannot be read as a contact CSV. */
  record Sniff(Charset charset, int bom, int headerLine, char delimiter, CsvLayout layout, String problem) {}

  private final Path file;
  private final CSVFormat format;
  private CSVParser parser;
  private Iterator<CSVRecord> rows;
  private final Sniff sniff;
  /** The last line (after the header) that the rows read so far end on. */
  private long lastLine;
  /** Lines (after the header) before the current parser's first: it starts again after a broken row. */
  private long lineBase;
  private int restarts;
  private boolean broken;
  /** The columns in effect: the sniffed header's, until a later section brings its own header. */
  private CsvLayout layout;
  /** Records read and not yet handed out (a row held back is handed out with the row after it). */
  private final ArrayDeque<Rec> ready = new ArrayDeque<>();
  /** A row with only its first cell filled, held until the next row says whether it titles a section. */
  private Held held;
  private boolean ended;
  /** Whether the note on a meeting summary's rows was given for the current section. */
  private boolean summaryNoted;

  private record Held(String where, List<String> cells) {}

  /**
   * How many broken rows (a stray quote) are left out, reading on after each, before the rest of the
   * file is given up: each costs a read of the rest of the file.
   */
  static final int MAX_RESTARTS = 20;

  CsvSource(Path file, Sniff sniff) throws IOException {
    this.file = file;
    this.sniff = sniff;
    this.layout = sniff.layout();
    this.format =
        CSVFormat.DEFAULT.builder()
            .setDelimiter(sniff.delimiter())
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setIgnoreSurroundingSpaces(true) // Name, "Acme, Inc" written with a space after each comma
            .get();
    if (sniff.layout().hasDates()) {
      learnDateOrder(file, sniff, format);
    }
    startAt(0);
  }

  /**
   * (Re)starts parsing at the line after the first {@code linesAfterHeader} lines below the header;
   * returns the last line skipped (null when none).
   */
  private String startAt(long linesAfterHeader) throws IOException {
    BufferedReader reader = open(file, sniff.charset(), sniff.bom());
    String skipped = null;
    try {
      long skip = sniff.headerLine() + (sniff.layout().headerless ? 0 : 1) + linesAfterHeader;
      for (long i = 0; i < skip; i++) {
        if ((skipped = reader.readLine()) == null) {
          break;
        }
      }
      if (parser != null) {
        parser.close();
      }
      this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    this.rows = parser.iterator();
    this.lineBase = linesAfterHeader;
    this.lastLine = linesAfterHeader;
    return skipped;
  }

  /** Rows read ahead for the order of day and month in slashed dates. */
  private static final int DATE_ORDER_ROWS = 2000;

  /** Reads the first rows once more to learn how the file writes its dates (see {@link CsvLayout#noteDateOrder}). */
  private static void learnDateOrder(Path file, Sniff sniff, CSVFormat format) throws IOException {
    try (BufferedReader reader = open(file, sniff.charset(), sniff.bom())) {
      for (int i = 0; i < sniff.headerLine() + (sniff.layout().headerless ? 0 : 1); i++) {
        reader.readLine();
      }
      try (CSVParser p = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        int n = 0;
        for (CSVRecord r : p) {
          sniff.layout().noteDateOrder(r.toList());
          if (++n >= DATE_ORDER_ROWS) {
            break;
          }
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        // a broken row: the dates read before it count (reading proper reports the row)
      }
    }
  }

  @Override
  public String format() {
    return sniff.layout().format;
  }

  @Override
  public Rec next() throws IOException {
    while (ready.isEmpty() && !ended) {
      readRow();
    }
    return ready.poll();
  }

  /** Reads one row; adds what it yields (nothing, a record, a held row and a record) to {@link #ready}. */
  private void readRow() throws IOException {
    if (broken) {
      end();
      return;
    }
    long start = lastLine + 1;
    String where = "row " + (sniff.headerLine() + (sniff.layout().headerless ? 0 : 1) + start);
    CSVRecord record;
    try {
      if (!rows.hasNext()) {
        end();
        return;
      }
      record = rows.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      boolean unclosed = m != null && m.contains("EOF reached before encapsulated token finished");
      String why = unclosed ? "a quote (\") opened in this row is never closed" : "the row is not valid CSV";
      flushHeld();
      ready.add(restartAfter(start, where, why));
      return;
    }
    List<String> cells = Arrays.asList(record.values());
    if (layout.swallowsRows(cells, sniff.delimiter())) {
      // a stray quote in this row ran on into the rows below, up to the next quote
      flushHeld();
      ready.add(restartAfter(start, where, "a quote (\") in this row is not closed where the row ends"));
      return;
    }
    long end = lineBase + parser.getCurrentLineNumber();
    // blank lines before the row (the parser skips them) end a section of a multi-part report
    boolean afterBlank = end - lastLine > 1 && end - lastLine - 1 > lineBreaks(cells);
    lastLine = end;
    if (allBlank(cells)) {
      return; // an empty row carries nothing
    }
    if (isSalesforceFooter(cells)) {
      broken = true; // what follows is the footer's copyright, author and company lines
      String title = held == null ? "" : "the report's title \"" + Draft.shorten(held.cells().get(0).strip()) + "\", then ";
      held = null;
      note(where, "Salesforce's report footer (" + title + "\"" + cells.get(0).strip() + "\" and the lines after it) is no contact; left out");
      return;
    }
    boolean repeated = layout.isHeader(cells);
    if (held != null || afterBlank || layout.summary || repeated) {
      CsvLayout next = repeated ? layout : sectionHeader(cells);
      if (next != null) {
        // the row held before a header titles a section ("Panelist Details"), unless the header is
        // the same again and the row's one cell is a name: then it is a person, files joined below
        boolean title = held != null && !(repeated && layout.namesInFirstColumn());
        if (title) {
          note(held.where(), "\"" + Draft.shorten(held.cells().get(0).strip()) + "\" titles a section with a header of its own; no contact");
          held = null;
        } else {
          flushHeld();
          if (repeated) {
            note(where, "the header again (files joined together); left out");
          }
        }
        if (!repeated) {
          layout = next;
          summaryNoted = false;
        }
        return;
      }
    }
    flushHeld();
    if (layout.summary) {
      if (!summaryNoted) {
        summaryNoted = true;
        note(where, "the meeting's summary (the rows under \"" + layout.firstColumn() + "\") names no participant; left out");
      }
      return;
    }
    if (CsvLayout.isReportTotal(cells)) {
      note(where, "the report's total row (\"" + Draft.shorten(cells.get(0).strip()) + "\") is no contact; left out");
      return;
    }
    if (layout.columns() >= 3 && onlyFirstCell(cells)) {
      held = new Held(where, cells); // a section's title, or a person with a name only: the next row tells
      return;
    }
    ready.add(map(where, cells));
  }

  /** A note on the file at a row that is no record (a report's title, total or footer, a repeated header). */
  private void note(String where, String text) {
    ready.add(new Rec(where, null, List.of(text), null));
  }

  private Rec map(String where, List<String> cells) {
    if (cells.size() == 1 && layout.columns() > 1 && hasOtherDelimiter(cells.get(0))) {
      return new Rec(where, null, List.of(), "the row is not separated by '" + show(sniff.delimiter()) + "' like the header");
    }
    return new Rec(where, layout.map(cells), List.of(), null);
  }

  private void flushHeld() {
    if (held != null) {
      ready.add(map(held.where(), held.cells()));
      held = null;
    }
  }

  private void end() {
    flushHeld();
    ended = true;
  }

  /**
   * The layout of a row that is a header of its own: a multi-part report (Zoom's meeting summary
   * above its participants, a webinar's host, panelist and attendee sections) starts each part
   * with one. A header names known columns and holds no address.
   */
  private static CsvLayout sectionHeader(List<String> cells) {
    int filled = 0;
    for (String c : cells) {
      if (c.indexOf('@') >= 0) {
        return null;
      }
      filled += c.isBlank() ? 0 : 1;
    }
    return filled >= 2 ? CsvLayout.fromHeader(cells) : null;
  }

  private static boolean onlyFirstCell(List<String> cells) {
    if (cells.isEmpty() || cells.get(0).isBlank()) {
      return false;
    }
    for (int i = 1; i < cells.size(); i++) {
      if (!cells.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Line breaks inside the cells, counted as the parser counts lines (CR LF is one). */
  private static int lineBreaks(List<String> cells) {
    int n = 0;
    for (String v : cells) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The first line of the footer a Salesforce report's CSV export ends with: "Confidential
   * Information - Do Not Distribute", then its copyright, "Generated By" and the company's name,
   * each in a row of one cell.
   */
  static boolean isSalesforceFooter(List<String> cells) {
    String first = cells.isEmpty() ? "" : cells.get(0).strip();
    for (int i = 1; i < cells.size(); i++) {
      if (!cells.get(i).isBlank()) {
        return false;
      }
    }
    return first.equalsIgnoreCase("Confidential Information - Do Not Distribute")
        || (first.startsWith("Copyright (c)") && first.contains("salesforce.com"));
  }

  /**
   * Leaves out the row that starts on line {@code start} (after the header) and reads on from the
   * line after it, so that the rows a stray quote ran into are read as rows again. After {@link
   * #MAX_RESTARTS} such rows the rest of the file is given up.
   */
  private Rec restartAfter(long start, String where, String why) throws IOException {
    if (++restarts > MAX_RESTARTS) {
      broken = true;
      return new Rec(where, null, List.of(), why + "; the rest of the file is left out (over " + MAX_RESTARTS + " broken rows)");
    }
    String line = startAt(start);
    // the row itself, read with quotes as plain characters, when that gives it the header's columns
    List<String> cells = line == null ? List.of() : withoutQuotes(line);
    if (cells.size() == layout.columns() && !allBlank(cells)) {
      return new Rec(where, layout.map(cells), List.of(why + "; its quotes are read as plain characters and left out"), null);
    }
    return new Rec(where, null, List.of(), why + "; the row is left out, the rows after it are read");
  }

  private List<String> withoutQuotes(String line) throws IOException {
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(line)).setFormat(format.builder().setQuote(null).get()).get()) {
      List<String> cells = new ArrayList<>();
      for (CSVRecord r : p) {
        for (String v : r.values()) {
          cells.add(v.replace("\"", ""));
        }
        break;
      }
      return cells;
    } catch (UncheckedIOException | IllegalStateException e) {
      return List.of();
    }
  }

  private static boolean allBlank(List<String> cells) {
    for (String cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private boolean hasOtherDelimiter(String cell) {
    for (char c : new char[] {',', ';', '\t'}) {
      if (c != sniff.delimiter() && cell.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  static String show(char c) {
    return c == '\t' ? "tab" : String.valueOf(c);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static BufferedReader open(Path file, Charset cs, int bom) throws IOException {
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(bom);
    CharsetDecoder dec =
        cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, dec), 65536);
  }

  // --- sniffing --------------------------------------------------------------------------------

  /** Finds encoding, header, delimiter and layout; null when the head does not look like a contact CSV. */
  static Sniff sniff(Path file, byte[] head, int headLen) throws IOException {
    TextEncodings.Unicode u = TextEncodings.unicode(head, headLen);
    Charset cs;
    int bom = 0;
    if (u != null) {
      cs = u.charset();
      bom = u.bomLength();
    } else if (isUtf8(file)) {
      cs = StandardCharsets.UTF_8;
    } else {
      cs = TextEncodings.legacyFile(head, 0, headLen);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = open(file, cs, bom)) {
      char[] buf = new char[SAMPLE_CHARS];
      int n = r.read(buf);
      String sample = n <= 0 ? "" : new String(buf, 0, n);
      BufferedReader lr = new BufferedReader(new StringReader(sample));
      String line;
      while ((line = lr.readLine()) != null && lines.size() < HEADER_SEARCH_LINES + 20) {
        lines.add(line);
      }
    }
    return sniffLines(lines, cs, bom);
  }

  static Sniff sniffLines(List<String> lines, Charset cs, int bom) {
    int firstNonBlank = -1;
    for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_LINES); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (firstNonBlank < 0) {
        firstNonBlank = i;
      }
      char d = delimiter(line);
      List<String> cells = cells(line, d);
      CsvLayout layout = cells == null ? null : CsvLayout.fromHeader(cells);
      if (layout != null) {
        return withDelimiterCheck(lines, i, d, cs, bom, layout);
      }
    }
    if (firstNonBlank >= 0) {
      String line = lines.get(firstNonBlank);
      char d = delimiter(line);
      List<String> cells = cells(line, d);
      CsvLayout layout = cells == null ? null : CsvLayout.guess(cells);
      if (layout != null) {
        return withDelimiterCheck(lines, firstNonBlank, d, cs, bom, layout);
      }
    }
    return null;
  }

  private static Sniff withDelimiterCheck(List<String> lines, int from, char d, Charset cs, int bom, CsvLayout layout) {
    return new Sniff(cs, bom, from, d, layout, mixedDelimiters(lines, from, d));
  }

  /**
   * A problem when the rows below the header are separated by another delimiter than the header:
   * a row that the header's delimiter leaves in one cell, which holds another delimiter at least
   * twice. The sample is read as CSV records, so a quoted note running over several lines, or an
   * unquoted cell full of commas in a ';' file (Excel quotes only what holds a ';'), is no sign of it.
   */
  private static String mixedDelimiters(List<String> lines, int from, char d) {
    String text = String.join("\n", lines.subList(from, lines.size()));
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(d).setTrailingData(true).setLenientEof(true).setIgnoreSurroundingSpaces(true).get();
    List<long[]> rows = new ArrayList<>(); // per row: {its first line, from 1 at the header; another delimiter it is in, or 0}
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Iterator<CSVRecord> it = p.iterator();
      if (!it.hasNext() || it.next().size() < 2) {
        return null; // a one-column header: nothing to compare with
      }
      long last = p.getCurrentLineNumber();
      while (rows.size() < 20 && it.hasNext()) {
        long start = last + 1;
        CSVRecord r = it.next();
        last = p.getCurrentLineNumber();
        rows.add(new long[] {start, r.size() == 1 ? strongDelimiter(r.get(0)) : 0});
      }
    } catch (IOException | RuntimeException e) {
      // the sample ends inside something unreadable: judge the rows read so far
    }
    // with more than two rows the sample's last one may be cut short: leave it out
    int judged = rows.size() > 2 ? rows.size() - 1 : rows.size();
    for (long[] row : rows.subList(0, judged)) {
      char other = (char) row[1];
      if (other != 0 && other != d) {
        return "mixed delimiters: line " + (from + 1) + " is separated by '" + show(d) + "' but line " + (from + row[0])
            + " by '" + show(other) + "'";
      }
    }
    return null;
  }

  /** The delimiter used at least twice outside quotes, or 0. */
  private static char strongDelimiter(String line) {
    int[] n = counts(line);
    int best = Math.max(n[0], Math.max(n[1], n[2]));
    if (best < 2) {
      return 0;
    }
    return n[0] == best ? ',' : n[1] == best ? ';' : '\t';
  }

  private static char delimiter(String line) {
    int[] n = counts(line);
    if (n[1] > n[0] && n[1] >= n[2]) {
      return ';';
    }
    if (n[2] > n[0] && n[2] > n[1]) {
      return '\t';
    }
    return ',';
  }

  private static int[] counts(String line) {
    int[] n = new int[3];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          n[0]++;
        } else if (c == ';') {
          n[1]++;
        } else if (c == '\t') {
          n[2]++;
        }
      }
    }
    return n;
  }

  private static List<String> cells(String line, char d) {
    try (CSVParser p =
        CSVParser.builder()
            .setReader(new StringReader(line))
            .setFormat(CSVFormat.DEFAULT.builder().setDelimiter(d).setTrailingData(true).setLenientEof(true).setIgnoreSurroundingSpaces(true).get())
            .get()) {
      Iterator<CSVRecord> it = p.iterator();
      return it.hasNext() ? it.next().toList() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the whole file is valid UTF-8 (streamed, so the check costs no memory). */
  static boolean isUtf8(Path file) throws IOException {
    CharsetDecoder dec =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader r = new InputStreamReader(Files.newInputStream(file), dec)) {
      char[] buf = new char[65536];
      while (r.read(buf) >= 0) {
        // reading is the check
      }
      return true;
    } catch (MalformedInputException e) {
      return false;
    }
  }
}
