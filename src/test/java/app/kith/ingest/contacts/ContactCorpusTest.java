package app.kith.ingest.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.kith.app.Kith;
import app.kith.cli.Output;
import app.kith.config.KithConfig;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every .vcf and .csv of the shared corpus, checked against what its PROVENANCE.md line says:
 * well-formed files import with no record rejected, lenient ones import (problems allowed), files
 * marked reject come out rejected with a reason; none crashes or takes long.
 */
class ContactCorpusTest {

  /** ../shared/corpus beside the project (or beside a worktree's parent; -Dkith.corpus=DIR overrides). */
  static final Path CORPUS = corpus();

  static Path corpus() {
    String given = System.getProperty("kith.corpus");
    if (given != null) {
      return Path.of(given);
    }
    Path beside = Path.of("..", "shared", "corpus");
    Path above = Path.of("..", "..", "shared", "corpus");
    return Files.isDirectory(beside) || !Files.isDirectory(above) ? beside : above;
  }
  static Path home;
  static Kith kith;

  @BeforeAll
  static void open() throws Exception {
    home = Files.createTempDirectory("kith-corpus");
    kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC));
    kith.database(); // opened and migrated before the per-file clocks start
  }

  @AfterAll
  static void close() {
    if (kith != null) {
      kith.close();
    }
  }

  record Entry(String file, String expect, String quirk) {}

  static List<Entry> entries() throws Exception {
    List<Entry> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("PROVENANCE.md"))) {
      if (line.startsWith("| vcf/") || line.startsWith("| csv/")) {
        String[] cells = line.split("\\|");
        out.add(new Entry(cells[1].trim(), cells[6].trim(), cells[7].trim()));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyContactFileOfTheCorpus() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(CORPUS.resolve("PROVENANCE.md")), "the shared corpus is not here");
    List<Entry> entries = entries();
    // every contact file on disk is described, and the other way round
    try (Stream<Path> files = Stream.concat(Files.list(CORPUS.resolve("vcf")), Files.list(CORPUS.resolve("csv")))) {
      List<String> onDisk = files.map(p -> CORPUS.relativize(p).toString()).sorted().toList();
      assertThat(entries.stream().map(Entry::file).sorted().toList()).isEqualTo(onDisk);
    }
    Importer importer = new Importer(kith, List.of(new ContactFileImporter(kith)));
    return entries.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.file() + (e.expect().isEmpty() ? "" : " (" + e.expect() + ")"),
                    () -> {
                      Path file = CORPUS.resolve(e.file());
                      FileReport r =
                          assertTimeoutPreemptively(
                              Duration.ofSeconds(10),
                              () -> importer.importFile(file, new ImportRequest(e.file(), file.getFileName().toString(), false)));
                      System.out.println(Output.mapper().writeValueAsString(r));
                      switch (e.expect()) {
                        case "reject" -> {
                          assertThat(r.status()).as(r.toString()).isEqualTo(FileReport.REJECTED);
                          assertThat(r.problems()).as(r.toString()).isNotEmpty();
                          assertThat(r.problems().get(0).reason()).isNotBlank();
                        }
                        case "lenient" -> {
                          assertThat(r.status()).as(r.toString()).isNotEqualTo(FileReport.REJECTED);
                          assertThat(r.created() + r.merged() + r.unchanged()).isPositive();
                        }
                        default -> {
                          assertThat(r.status()).as(r.toString()).isEqualTo(FileReport.IMPORTED);
                          assertThat(r.rejected()).isZero();
                          assertThat(r.received()).isPositive();
                        }
                      }
                    }));
  }
}
