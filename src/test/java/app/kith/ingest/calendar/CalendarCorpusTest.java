package app.kith.ingest.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Importers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Walks every .ics and .eml of the shared corpus and checks what PROVENANCE.md expects of it. */
class CalendarCorpusTest {

  /** ../shared/corpus beside the project (also found from a worktree one level deeper). */
  static final Path CORPUS = Stream.of("../shared/corpus", "../../shared/corpus")
      .map(p -> Path.of(p).toAbsolutePath().normalize())
      .filter(p -> Files.isDirectory(p))
      .findFirst()
      .orElse(Path.of("../shared/corpus").toAbsolutePath().normalize());

  @TempDir Path home;

  @TestFactory
  Stream<DynamicTest> everyCalendarFileOfTheCorpus() throws IOException {
    assumeTrue(Files.isRegularFile(CORPUS.resolve("PROVENANCE.md")), "shared corpus not present");
    Map<String, String> expect = expectations(Files.readString(CORPUS.resolve("PROVENANCE.md")));
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("ics", "eml")) {
      try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
        s.sorted().forEach(files::add);
      }
    }
    Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    kith.database(); // opened and migrated before the timed imports
    var importer = Importers.standard(kith);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      String rel = CORPUS.relativize(f).toString();
      String want = expect.getOrDefault(rel, "");
      FileReport r = assertTimeoutPreemptively(Duration.ofSeconds(3),
          () -> importer.importFile(f, new ImportRequest(rel, f.getFileName().toString(), false)));
      assertThat(r.received()).isEqualTo(r.created() + r.merged() + r.unchanged() + r.rejected());
      if (want.equals("reject")) {
        // rejected as a whole, or (when only some of its events are broken) those events rejected
        assertThat(r.status()).as(r.toString()).isIn(FileReport.REJECTED, FileReport.PARTIAL);
        if (r.status().equals(FileReport.PARTIAL)) {
          assertThat(r.rejected()).isPositive();
        }
        assertThat(r.problems()).as(r.toString()).isNotEmpty();
        assertThat(r.problems().get(0).reason()).isNotBlank();
      } else if (rel.startsWith("eml/") || !emptyCalendar(f)) {
        assertThat(r.status()).as(r.toString()).isIn(FileReport.IMPORTED, FileReport.PARTIAL);
      } else {
        // a calendar without any component: the contract says zero records is "rejected", with a reason
        assertThat(r.problems()).as(r.toString()).isNotEmpty();
      }
    }));
  }

  @org.junit.jupiter.api.Test
  void aVCalendarOneFileIsRefusedNotMisread() throws IOException {
    Path f = home.resolve("user-cal.vcf");
    Files.writeString(f, "BEGIN:VCALENDAR\nPRODID:-//GNOME//NONSGML GnomeCalendar//EN\nTZ:CEST\nVERSION:1.1.4\n"
        + "BEGIN:VEVENT\nUID:1\nDTSTART:20000530T150000\nDTEND:20000530T170000\nSUMMARY:Old\nEND:VEVENT\nEND:VCALENDAR\n");
    Kith kith = new Kith(KithConfig.of(home.resolve("h"), Map.of()), Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    try (kith) {
      FileReport r = Importers.standard(kith).importFile(f, new ImportRequest("user-cal.vcf", "user-cal.vcf", false));
      assertThat(r.status()).isEqualTo(FileReport.REJECTED);
      assertThat(r.problems().get(0).reason()).isEqualTo("a vCalendar 1.0 file (VERSION:1.1.4); Kith reads iCalendar 2.0");
    }
  }

  private static boolean emptyCalendar(Path f) throws IOException {
    String s = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).toUpperCase();
    return !s.contains("BEGIN:VEVENT") && !s.contains("BEGIN:VTODO") && !s.contains("BEGIN:VFREEBUSY")
        && !s.contains("BEGIN:VJOURNAL");
  }

  static Map<String, String> expectations(String provenance) {
    Map<String, String> out = new HashMap<>();
    for (String line : provenance.split("\n")) {
      if (!line.startsWith("| ics/") && !line.startsWith("| eml/")) {
        continue;
      }
      String[] cells = line.split("\\|");
      if (cells.length > 7) {
        out.put(cells[1].trim(), cells[6].trim());
      }
    }
    return out;
  }
}
