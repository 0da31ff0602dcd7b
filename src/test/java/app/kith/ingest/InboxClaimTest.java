package app.kith.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How InboxProcessor claims a file on shared storage, and takes back a dead node's claim. */
class InboxClaimTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final String CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Example\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n";

  @TempDir Path home;

  @Test
  void aFileAnotherNodeAlreadyTookIsSkippedQuietly() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
      Path file = kith.folder("inbox/contacts").resolve("ada.vcf");
      Files.writeString(file, CARD);
      assertThat(inbox.take(file)).isNotNull();
      // the second node listed the same file before the first one renamed it
      assertThat(inbox.take(file)).isNull();
      assertThat(names(file.resolveSibling(".done"))).containsExactly("ada.vcf", "ada.vcf.report.json");
      assertThat(names(file.resolveSibling(".work"))).isEmpty();
    }
  }

  @Test
  void aClaimLeftByADeadNodeGoesBackToTheInboxAfterTheTimeoutAndIsImported() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
      Path folder = kith.folder("inbox/contacts");
      Path work = deadClaim(folder, "old.vcf");
      Path fresh = work.resolve("5a0f1d2e-8c1b-4f3a-b2d4-7e9c6a5b4d32-busy.vcf");
      Files.writeString(fresh, CARD);
      Files.setLastModifiedTime(fresh, FileTime.from(NOW.minusSeconds(60)));

      Path other = folder.resolve("other.vcf");
      Files.writeString(other, CARD.replace("Ada", "Bea").replace("ada@", "bea@"));
      inbox.take(other);

      // the stale claim is back in the inbox, the live one is left to its node
      assertThat(folder.resolve("old.vcf")).exists();
      assertThat(names(work)).containsExactly(fresh.getFileName().toString());
      assertThat(inbox.take(folder.resolve("old.vcf"))).isNotNull();
      assertThat(names(folder.resolve(".done"))).contains("old.vcf", "old.vcf.report.json", "other.vcf");
    }
  }

  @Test
  void aDeadNodesClaimComesBackWithoutAnotherFileAndALongNameFits() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
      Path folder = kith.folder("inbox/contacts");
      Path work = deadClaim(folder, "old.vcf");
      // the timer route's call, with no file dropped
      new app.kith.app.InboxOrphans(inbox, home).run();
      assertThat(folder.resolve("old.vcf")).exists();
      assertThat(names(work)).isEmpty();

      // a name of 226 bytes (74 Japanese letters) is claimed and reported under names that fit
      String name = "山".repeat(74) + ".vcf";
      Path file = folder.resolve(name);
      Files.writeString(file, CARD);
      assertThat(inbox.take(file).isRejected()).isFalse();
      assertThat(names(folder.resolve(".done"))).anyMatch(n -> n.endsWith(".vcf.report.json") && n.startsWith("山"))
          .allMatch(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255);
    }
    assertThat(InboxProcessor.fit("abc.vcf", 255)).isEqualTo("abc.vcf");
    assertThat(InboxProcessor.fit("é".repeat(200) + ".csv", 100)).isEqualTo("é".repeat(48) + ".csv");
  }

  @Test
  void onTheEmbeddedDatabaseAClaimLeftByAStoppedProcessComesBackAtStartAtOnce() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
      Path folder = kith.folder("inbox/contacts");
      Path work = Files.createDirectories(folder.resolve(".work"));
      // claimed a moment ago by a `kith run` that was then killed: only one process can open H2
      Path claim = work.resolve("5a0f1d2e-8c1b-4f3a-b2d4-7e9c6a5b4d32-big.vcf");
      Files.writeString(claim, CARD);
      Files.setLastModifiedTime(claim, FileTime.from(NOW.minusSeconds(5)));
      new app.kith.app.InboxOrphans(inbox, home).run();
      assertThat(claim).as("the every-minute pass waits for the cluster's timeout").exists();
      new app.kith.app.InboxOrphans(inbox, home).atStart(kith);
      assertThat(names(work)).isEmpty();
      assertThat(folder.resolve("big.vcf")).exists();
    }
  }

  @Test
  void aFileStillBeingWrittenWhileItIsReadGoesBackToTheInboxAndIsReadWholeLater() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      String more = CARD.replace("Ada", "Bea").replace("ada@", "bea@");
      // a copy that paused longer than the settle time: its writer goes on once Kith has claimed
      // the file and started to read it (here, at the start of the contact import itself)
      app.kith.ingest.contacts.ContactFileImporter contacts = new app.kith.ingest.contacts.ContactFileImporter(kith);
      FileImporter writtenOn = new FileImporter() {
        boolean once;

        @Override
        public boolean accepts(byte[] head) {
          return contacts.accepts(head);
        }

        @Override
        public FileReport importFile(Path claimed, ImportRequest request) {
          if (!once) {
            once = true;
            try {
              Files.writeString(claimed, more, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          return contacts.importFile(claimed, request);
        }
      };
      InboxProcessor inbox = new InboxProcessor(new Importer(kith, List.of(writtenOn)), kith.clock());
      Path file = kith.folder("inbox/contacts").resolve("slow.vcf");
      Files.writeString(file, CARD);

      FileReport partial = inbox.take(file);
      assertThat(partial.created()).isEqualTo(2); // what was read is kept
      assertThat(file).exists(); // and the file is back, to be read whole once it is left alone
      assertThat(names(file.resolveSibling(".done"))).isEmpty();
      assertThat(names(file.resolveSibling(".work"))).isEmpty();

      FileReport whole = inbox.take(file);
      assertThat(whole.received()).isEqualTo(2);
      assertThat(whole.unchanged()).isEqualTo(2);
      assertThat(names(file.resolveSibling(".done"))).containsExactly("slow.vcf", "slow.vcf.report.json");
    }
  }

  @Test
  void aFolderDroppedInAnInboxIsNamedOnceAndLeftAlone() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
      Path folder = kith.folder("inbox/contacts");
      Path export = Files.createDirectories(folder.resolve("Basic_LinkedInDataExport_11-27-2026"));
      Files.writeString(export.resolve("Connections.csv"), "First Name,Last Name,Email Address\r\nAda,Lovelace,ada@example.org\r\n");
      Files.createDirectories(folder.resolve(".done"));

      assertThat(inbox.newFolders(folder)).containsExactly("Basic_LinkedInDataExport_11-27-2026");
      // the timer's next pass does not name it again, and the folder's file stays where it is
      new app.kith.app.InboxOrphans(inbox, home).run();
      assertThat(inbox.newFolders(folder)).isEmpty();
      assertThat(export.resolve("Connections.csv")).exists();
    }
  }

  @Test
  void linksInTheInboxOrWhereReportsGoAreNeverFollowed() throws Exception {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
      Path folder = kith.folder("inbox/contacts");
      Path outside = Files.createDirectories(home.resolve("outside"));
      Path secret = Files.writeString(outside.resolve("secret.csv"), "Name,Email\nMallory,mallory@example.org\n");
      Files.setLastModifiedTime(secret, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
      Path victim = Files.writeString(outside.resolve("victim.txt"), "untouched");
      Path victim2 = outside.resolve("victim2.txt"); // not there yet: a dangling link
      // a link into the inbox, and links waiting where the reports of the next files would be written
      Files.createSymbolicLink(folder.resolve("linked.csv"), secret);
      Path error = Files.createDirectories(folder.resolve(".error"));
      Path done = Files.createDirectories(folder.resolve(".done"));
      Files.createSymbolicLink(error.resolve("bad.csv.error.json"), victim);
      Files.createSymbolicLink(done.resolve("ada.vcf.report.json"), victim2);

      FileReport linked = inbox.take(folder.resolve("linked.csv"));
      assertThat(linked.isRejected()).isTrue();
      assertThat(linked.problems().get(0).reason()).contains("symbolic link");
      assertThat(Files.isSymbolicLink(error.resolve("linked.csv"))).isTrue(); // the link, moved aside
      assertThat(Files.getLastModifiedTime(secret).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
      assertThat(new app.kith.contacts.ContactStore(kith.database()).list(null)).isEmpty();

      Files.writeString(folder.resolve("bad.csv"), "just some words\n");
      assertThat(inbox.take(folder.resolve("bad.csv")).isRejected()).isTrue();
      Files.writeString(folder.resolve("ada.vcf"), CARD);
      assertThat(inbox.take(folder.resolve("ada.vcf")).isRejected()).isFalse();
      assertThat(Files.readString(victim)).isEqualTo("untouched");
      assertThat(victim2).doesNotExist();
      assertThat(names(done)).contains("ada.vcf.report.json").anyMatch(n -> n.startsWith("ada.") && n.endsWith(".vcf.report.json")
          && !n.equals("ada.vcf.report.json"));
    }
  }

  /** A claim of {@code name} that a node made just over {@link InboxProcessor#CLAIM_TIMEOUT} ago and never finished; the .work folder. */
  private static Path deadClaim(Path inbox, String name) throws Exception {
    Path work = Files.createDirectories(inbox.resolve(".work"));
    Path dead = work.resolve("0b7e3c52-4b0e-4a8e-9a57-2f6d0c1f7a11-" + name);
    Files.writeString(dead, CARD);
    Files.setLastModifiedTime(dead, FileTime.from(NOW.minus(InboxProcessor.CLAIM_TIMEOUT).minusSeconds(1)));
    return work;
  }

  private static java.util.List<String> names(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return java.util.List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
