package app.kith.calendar;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Importers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Random;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calendar import benchmark (a command, not a test; excluded from the default run):
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) app.kith.calendar.CalendarBenchmark 20000 5
 * </pre>
 *
 * Generates a calendar of 20,000 events (attendees, several zones, a quarter weekly series),
 * measures iCal4j's own parse-and-expand rate on it (CalendarBuilder, then each event's recurrence
 * set over the window) and Kith's import into a fresh H2 home, alternately in the same JVM for
 * several rounds (default 5), and prints both cold (round 1) and warm (median of the others).
 * The generated file stays in target/bench/ for the -Xmx512m check with ./kith import.
 */
@Tag("benchmark")
class CalendarBenchmark {

  static final String[] ZONES = {"Europe/Amsterdam", "America/New_York", "W. Europe Standard Time", "Asia/Tokyo",
      "America/Los_Angeles", "UTC"};

  /** The command: {@code java -cp ... app.kith.calendar.CalendarBenchmark [events] [rounds]}. */
  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 20000, args.length > 1 ? Integer.parseInt(args[1]) : 5);
  }

  @Test
  void importRate() throws Exception {
    run(Integer.getInteger("kith.bench.events", 20000), Integer.getInteger("kith.bench.rounds", 5));
  }

  /**
   * Alternates a raw iCal4j pass and a Kith import (each into a fresh home) for several rounds, so
   * that both sides see the same JVM state: round 1 is cold (a fresh JVM), the median of the
   * later rounds is warm.
   */
  static void run(int n, int rounds) throws Exception {
    ICal4jSettings.apply(); // offline, the same switches for both sides
    Path dir = Path.of("target/bench");
    Files.createDirectories(dir);
    Path file = dir.resolve("calendar-" + n + ".ics");
    generate(file, n);
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    System.out.printf("file %s: %d events, %.1f MB, %d rounds%n", file, n, Files.size(file) / 1e6, rounds);
    double[][] raw = new double[rounds][];
    double[][] kith = new double[rounds][];
    for (int i = 0; i < rounds; i++) {
      // raw first in odd rounds and Kith first in even ones, so neither always profits from the other's warm-up
      if (i % 2 == 0) {
        raw[i] = raw(file, n);
        kith[i] = kith(file, n, now);
      } else {
        kith[i] = kith(file, n, now);
        raw[i] = raw(file, n);
      }
      System.out.printf("round %d: iCal4j %.0f events/s, Kith %.0f events/s, ratio %.2f (CPU of the thread %.2f, of the JVM %.2f)%n",
          i + 1, n / raw[i][0], n / kith[i][0], raw[i][0] / kith[i][0], raw[i][1] / kith[i][1], raw[i][2] / kith[i][2]);
    }
    System.out.printf("cold (round 1): iCal4j %.0f events/s, Kith %.0f events/s, ratio %.2f (CPU of the thread %.2f,"
        + " of the JVM %.2f; target >= 0.5)%n",
        n / raw[0][0], n / kith[0][0], raw[0][0] / kith[0][0], raw[0][1] / kith[0][1], raw[0][2] / kith[0][2]);
    if (rounds > 1) {
      String[] measures = {"wall", "CPU of the thread", "CPU of the JVM"};
      for (int m = 0; m < measures.length; m++) {
        double[] r = new double[rounds - 1];
        double[] k = new double[rounds - 1];
        double[] ratios = new double[rounds - 1];
        for (int i = 1; i < rounds; i++) {
          r[i - 1] = raw[i][m];
          k[i - 1] = kith[i][m];
          ratios[i - 1] = raw[i][m] / kith[i][m];
        }
        System.out.printf("warm %s (median of rounds 2-%d): iCal4j %.0f events/s, Kith %.0f events/s, ratio %.2f"
                + " (median of per-round ratios %.2f; target >= 0.5)%n", measures[m],
            rounds, n / median(r), n / median(k), median(r) / median(k), median(ratios));
      }
    }
  }

  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static int rowsPrinted;

  /** One import of the file into a fresh H2 home: {wall s, CPU s of the importing thread}. */
  static double[] kith(Path file, int n, Instant now) throws Exception {
    Path home = Files.createTempDirectory("kith-bench");
    String extra = System.getProperty("kith.bench.h2", "");
    Map<String, String> settings = extra.isEmpty() ? Map.of()
        : Map.of("kith.db.url", app.kith.store.Database.defaultUrl(home) + extra, "kith.db.username", "sa");
    try (Kith kith = new Kith(KithConfig.of(home, settings), Clock.fixed(now, ZoneOffset.UTC))) {
      kith.database();
      if (rowsPrinted == 0) {
        System.out.println("H2: " + kith.database().inTransaction(c -> {
          try (var st = c.createStatement(); var rs = st.executeQuery(
              "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE '%CACHE%'")) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
              b.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
            }
            return b.toString();
          }
        }));
      }
      long t1 = System.nanoTime();
      long c1 = cpu();
      long p1 = processCpu();
      FileReport r = Importers.standard(kith).importFile(file, new ImportRequest(file.toString(), "bench", false));
      double kithSeconds = (System.nanoTime() - t1) / 1e9;
      double kithCpu = (cpu() - c1) / 1e9;
      double kithProcess = (processCpu() - p1) / 1e9;
      System.out.printf("Kith import: %.2f s wall (%.0f events/s), %.2f s CPU of the importing thread (%.0f events/s),"
              + " %.2f s CPU of the JVM (%.0f events/s); %s, received %d, created %d, rejected %d%n",
          kithSeconds, n / kithSeconds, kithCpu, n / kithCpu, kithProcess, n / kithProcess, r.status(), r.received(), r.created(), r.rejected());
      if (rowsPrinted++ == 0) {
        System.out.println("stored: " + kith.database().inTransaction(c -> {
          StringBuilder b = new StringBuilder();
          for (String t : new String[] {"calendar_event", "event_attendee", "occurrence", "contact", "interaction"}) {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
              rs.next();
              b.append(b.length() == 0 ? "" : ", ").append(rs.getLong(1)).append(' ').append(t);
            }
          }
          return b.toString();
        }));
      }
      if (r.created() != n) {
        throw new IllegalStateException("expected " + n + " events created: " + r);
      }
      return new double[] {kithSeconds, kithCpu, kithProcess};
    } finally {
      deleteTree(home);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** CPU of the whole JVM (every thread: H2's writer, the garbage collector...), fair under load. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** iCal4j's CalendarBuilder over the file, then every event's recurrence set: {wall s, CPU s}. */
  static double[] raw(Path file, int n) throws Exception {
    long t0 = System.nanoTime();
    long c0 = cpu();
    long p0 = processCpu();
    Calendar cal;
    try (InputStream in = Files.newInputStream(file)) {
      cal = new CalendarBuilder().build(in);
    }
    var window = new Period<>(ZonedDateTime.parse("2025-11-27T10:00:00Z"), ZonedDateTime.parse("2028-11-27T10:00:00Z"));
    long instances = 0;
    for (var c : cal.getComponents("VEVENT")) {
      instances += ((VEvent) c).calculateRecurrenceSet(window).size();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpu() - c0) / 1e9;
    double process = (processCpu() - p0) / 1e9;
    System.out.printf("iCal4j CalendarBuilder + expand: %.2f s wall (%.0f events/s), %.2f s CPU of the thread"
        + " (%.0f events/s), %.2f s CPU of the JVM (%.0f events/s), %d instances%n",
        wall, n / wall, cpu, n / cpu, process, n / process, instances);
    return new double[] {wall, cpu, process};
  }

  static void generate(Path file, int n) throws IOException {
    Random random = new Random(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kith//benchmark//EN\r\nMETHOD:PUBLISH\r\n");
      w.write("BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
          + "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n"
          + "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
          + "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n");
      for (int i = 0; i < n; i++) {
        String zone = ZONES[i % ZONES.length];
        int day = random.nextInt(700);
        var start = java.time.LocalDate.of(2026, 1, 1).plusDays(day).atTime(8 + random.nextInt(9), random.nextBoolean() ? 0 : 30);
        String local = start.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        String endLocal = start.plusMinutes(30 + 30 * random.nextInt(3))
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        w.write("BEGIN:VEVENT\r\nUID:bench-" + i + "@kith.example\r\nDTSTAMP:20261101T000000Z\r\nSEQUENCE:0\r\n");
        w.write("SUMMARY:Meeting " + i + " about topic " + random.nextInt(1000) + "\r\n");
        w.write("DESCRIPTION:Agenda\\, notes and a link https://meet.google.com/aaa-bbbb-" + i + "\r\n");
        w.write("LOCATION:Room " + random.nextInt(50) + "\r\n");
        if (zone.equals("UTC")) {
          w.write("DTSTART:" + local + "Z\r\nDTEND:" + endLocal + "Z\r\n");
        } else {
          String q = zone.contains(",") || zone.contains(":") ? "\"" + zone + "\"" : zone;
          w.write("DTSTART;TZID=" + q + ":" + local + "\r\nDTEND;TZID=" + q + ":" + endLocal + "\r\n");
        }
        if (i % 4 == 0) {
          w.write("RRULE:FREQ=WEEKLY;COUNT=" + (10 + random.nextInt(40)) + "\r\n");
        }
        w.write("ORGANIZER;CN=Organizer " + (i % 300) + ":mailto:org" + (i % 300) + "@example.org\r\n");
        int people = 2 + random.nextInt(6);
        for (int a = 0; a < people; a++) {
          int who = random.nextInt(3000);
          w.write("ATTENDEE;CN=Person " + who + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:p" + who
              + "@example.net\r\n");
        }
        if (i % 3 == 0) {
          w.write("ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com\r\n");
        }
        w.write("END:VEVENT\r\n");
      }
      w.write("END:VCALENDAR\r\n");
    }
  }
}
