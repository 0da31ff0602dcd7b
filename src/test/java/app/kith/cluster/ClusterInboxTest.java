package app.kith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes share one home folder (shared storage) and one PostgreSQL schema: every file dropped
 * in the inboxes is imported by one node only, ends in {@code .done/} once with one report, and
 * what it holds exists once.
 */
@Tag("postgres")
class ClusterInboxTest {

  static final int PER_FOLDER = 30;

  @TempDir Path dir;

  @Test
  void inboxFilesOnSharedStorageAreTakenOnceAcrossThreeNodes() throws Exception {
    assumeThat(PostgresSchema.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    Path home = dir.resolve("shared-home");
    Files.createDirectories(home.resolve("inbox/contacts"));
    Files.createDirectories(home.resolve("inbox/calendar"));
    List<NodeProcess> nodes = new ArrayList<>();
    PostgresSchema schema = PostgresSchema.create("kith_inbox");
    try {
      Map<String, String> env = schema.clusterEnv();
      env.put("JAVA_TOOL_OPTIONS", System.getProperty("kith.test.node-opts", ""));
      for (int i = 1; i <= 3; i++) {
        nodes.add(NodeProcess.start("node" + i, home, env));
      }
      for (NodeProcess n : nodes) {
        n.awaitHealthy(Duration.ofSeconds(90));
      }

      for (int i = 0; i < PER_FOLDER; i++) {
        drop(home.resolve("inbox/contacts"), "person-" + i + ".vcf", vcard(i));
        drop(home.resolve("inbox/calendar"), "meeting-" + i + ".ics", ics(i));
      }

      Awaitility.await("every inbox file taken")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> waiting(home, "contacts") == 0 && waiting(home, "calendar") == 0);
      // a node that listed a file another node took must not move or report it a second time
      Awaitility.await("the nodes settle")
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(20))
          .until(() -> names(home.resolve("inbox/contacts/.done")).size() == 2 * PER_FOLDER);

      for (String folder : List.of("contacts", "calendar")) {
        Path done = home.resolve("inbox/" + folder + "/.done");
        List<String> names = names(done);
        String ext = folder.equals("contacts") ? ".vcf" : ".ics";
        String stem = folder.equals("contacts") ? "person-" : "meeting-";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PER_FOLDER; i++) {
          expected.add(stem + i + ext);
          expected.add(stem + i + ext + ".report.json");
        }
        assertThat(names).as(folder + "/.done: each file once, one report each").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(home.resolve("inbox/" + folder + "/.error"))).as(folder + "/.error").isEmpty();
        assertThat(names(home.resolve("inbox/" + folder + "/.work"))).as(folder + "/.work: no claim left").isEmpty();
        for (int i = 0; i < PER_FOLDER; i++) {
          assertThat(Files.readString(done.resolve(stem + i + ext + ".report.json"))).containsPattern("\"created\"\\s*:\\s*1,");
        }
      }
      try (Connection c = schema.connect()) {
        assertThat(count(c, "SELECT COUNT(*) FROM contact")).isEqualTo(PER_FOLDER);
        assertThat(count(c, "SELECT COUNT(DISTINCT contact_id) FROM contact_emails")).isEqualTo(PER_FOLDER);
        assertThat(count(c, "SELECT COUNT(*) FROM contact_emails")).isEqualTo(PER_FOLDER);
        assertThat(count(c, "SELECT COUNT(*) FROM calendar_event")).isEqualTo(PER_FOLDER);
        assertThat(count(c, "SELECT COUNT(DISTINCT uid) FROM calendar_event")).isEqualTo(PER_FOLDER);
        assertThat(count(c, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'kith-inbox'"))
            .as("no lock left behind")
            .isZero();
      }
      for (NodeProcess n : nodes) {
        // a lost race for a file is quiet: no warning, no stack trace
        assertThat(Files.readAllLines(n.log())).as(n.log().toString()).noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));
      }
      System.out.printf("cluster inbox: %d files over 3 nodes sharing one home, each taken once%n", 2 * PER_FOLDER);
    } finally {
      for (NodeProcess n : nodes) {
        n.close();
        Path keep = Path.of("target", "cluster-logs", "inbox-" + n.log().getFileName());
        Files.createDirectories(keep.getParent());
        Files.copy(n.log(), keep, StandardCopyOption.REPLACE_EXISTING);
      }
      schema.close();
    }
  }

  /** Written beside the inbox under a hidden name, then renamed in: a node never sees half a file. */
  private static void drop(Path folder, String name, String text) throws IOException {
    Path tmp = folder.resolve("." + name + ".part");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String vcard(int i) {
    return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + i + " Example\r\nN:Example;Person " + i + ";;;\r\n"
        + "EMAIL:person" + i + "@example.org\r\nEND:VCARD\r\n";
  }

  private static String ics(int i) {
    String day = String.format("202701%02d", 1 + i % 28);
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith test//EN\r\nBEGIN:VEVENT\r\n"
        + "UID:cluster-inbox-" + i + "@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
        + "DTSTART:" + day + "T100000Z\r\nDTEND:" + day + "T110000Z\r\nSUMMARY:Meeting " + i + "\r\n"
        + "END:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  private static long waiting(Path home, String folder) throws IOException {
    try (Stream<Path> s = Files.list(home.resolve("inbox/" + folder))) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static int count(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
