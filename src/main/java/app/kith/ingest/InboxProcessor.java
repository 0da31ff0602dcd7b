package app.kith.ingest;

import app.kith.cli.Output;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one file dropped in an inbox folder: imports it (committed by the importer), then moves it
 * to {@code .done/} beside {@code <name>.report.json}, or to {@code .error/} beside
 * {@code <name>.error.json} when it was rejected. The file is only moved after what it produced is
 * committed; a crash before the move means the file is read again, and importing is idempotent.
 *
 * <p>Several nodes may watch one inbox on shared storage. A node claims a file by renaming it into
 * {@code .work/} (one atomic rename: exactly one node succeeds, the others find it gone and skip
 * it), so no two nodes ever import the same file at once, whatever the poller's read lock did. A
 * claim left behind by a node that died is renamed back into the inbox once it is older than
 * {@link #CLAIM_TIMEOUT}, and read again.
 */
public final class InboxProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  /** How long a claimed file may stay in {@code .work/} before it is taken for a dead node's. */
  public static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(15);

  /** How long an inbox file must be left untouched before it is read ({@code kith.inbox.settle-ms}, 5 s). */
  public static int settleMillis(app.kith.config.KithConfig config) {
    return (int) ImportLimits.atLeast(config, "kith.inbox.settle-ms", 5000, 0);
  }

  private final Importer importer;
  private final Clock clock;
  /** Sub-folders already named in the log ({@link #newFolders}): once each, not at every pass. */
  private final java.util.Set<Path> noticedFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public InboxProcessor(Importer importer, Clock clock) {
    this.importer = importer;
    this.clock = clock;
  }

  /** Called by the inbox routes with the file Camel picked up. */
  public FileReport process(File file) throws IOException {
    return take(file.toPath());
  }

  /** Imports and moves one inbox file; null when another node (or an earlier pass) took it. */
  public FileReport take(Path file) throws IOException {
    String name = file.getFileName().toString();
    Path work = file.resolveSibling(".work");
    recoverOrphans(work, file.getParent(), CLAIM_TIMEOUT);
    if (Files.isSymbolicLink(file)) {
      // a link could point anywhere (/etc/passwd): it is neither read nor touched, only moved aside
      FileReport refused = FileReport.rejectedFile(name, "unknown", "file",
          "a symbolic link, not a file: Kith reads only plain files in its inboxes");
      settle(file, file, name, refused);
      return refused;
    }
    Path claimed = claim(file, work);
    if (claimed == null) {
      LOG.debug("{} is gone, already taken", Problem.printable(name));
      return null;
    }
    long size = Files.size(claimed);
    FileTime modified = Files.getLastModifiedTime(claimed);
    FileReport report;
    try {
      report = importer.importFile(claimed, new ImportRequest(name, name, false));
    } catch (RuntimeException e) {
      // infrastructure failed (database down...): put the file back, to be read again
      LOG.warn("could not import {} now, will retry: {}", Problem.printable(name), e.getMessage());
      unclaim(claimed, freeName(file.getParent(), name, ""));
      throw e;
    }
    if (Files.size(claimed) != size || !Files.getLastModifiedTime(claimed).equals(modified)) {
      // the program writing it paused longer than the settle time, and wrote on while it was read:
      // what was read is committed, and the whole file is read again once it is left alone
      LOG.warn("{} was still being written while it was read: back in the inbox, to be read again when it is left"
          + " untouched (a program that writes slowly should write under a dot-name and rename the file when done)",
          Problem.printable(name));
      unclaim(claimed, freeName(file.getParent(), name, ""));
      return report;
    }
    settle(file, claimed, name, report);
    return report;
  }

  /**
   * Moves the file to {@code .done/} or {@code .error/} beside the inbox, with its report. Names are
   * chosen so that neither the file's nor the report's is taken, not even by a link (a link there
   * would otherwise have the report written wherever it points), and the report is written as a new
   * file that cannot already exist.
   */
  private void settle(Path file, Path current, String name, FileReport report) throws IOException {
    boolean rejected = report.isRejected();
    String suffix = rejected ? ".error.json" : ".report.json";
    Path target = file.resolveSibling(rejected ? ".error" : ".done");
    Files.createDirectories(target);
    // room for a time stamp and the report's suffix in the longest name a file system holds
    Path moved = freeName(target, fit(name, MAX_NAME_BYTES - suffix.length() - 20), suffix);
    Path sidecar = target.resolve(moved.getFileName() + suffix);
    Object body =
        rejected
            ? Map.of("path", name, "status", report.status(), "reason", reason(report), "report", report)
            : report;
    Files.writeString(sidecar, Output.mapper().writeValueAsString(body), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Files.move(current, moved, StandardCopyOption.ATOMIC_MOVE);
    // a file name can hold line breaks and terminal escapes: never raw in the log
    LOG.info(
        "{}: {} ({} received, {} created, {} merged, {} unchanged, {} rejected){}",
        Problem.printable(name), report.status(), report.received(), report.created(), report.merged(), report.unchanged(),
        report.rejected(), rejected ? ": " + Problem.printable(reason(report)) : "");
  }

  /**
   * Renames the file into {@code .work/} under a name of this claim's own; null when it is gone.
   * The claim's time is the file's modification time from then on.
   */
  private Path claim(Path file, Path work) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Files.createDirectories(work);
    // a name of 255 bytes is the most most file systems hold: the claim's prefix takes 37 of them
    Path claimed = work.resolve(UUID.randomUUID() + "-" + fit(file.getFileName().toString(), MAX_NAME_BYTES - 37));
    try {
      Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return null; // another node renamed it first
    }
    Files.setLastModifiedTime(claimed, FileTime.from(clock.instant()));
    return claimed;
  }

  private static void unclaim(Path claimed, Path file) {
    try {
      Files.move(claimed, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("could not put {} back into the inbox: {}", Problem.printable(file.getFileName().toString()), e.getMessage());
    }
  }

  /**
   * Puts the claims of a node that died back into each of these inboxes, whether or not a new file
   * arrived there (a timer route calls this every minute).
   */
  public void recoverOrphans(List<Path> inboxes) {
    recoverEach(inboxes, CLAIM_TIMEOUT, true);
  }

  /**
   * The folders in an inbox that were not named before, each named now in the log. An inbox reads
   * only the files dropped in it, so an unzipped export dropped as a folder would otherwise wait
   * there unread without a word. Hidden folders ({@code .done}, {@code .error}, {@code .work}) are
   * Kith's own; a link to a folder is not a folder here.
   */
  public List<String> newFolders(Path inbox) throws IOException {
    if (!Files.isDirectory(inbox)) {
      return List.of();
    }
    List<String> found = new java.util.ArrayList<>();
    try (Stream<Path> entries = Files.list(inbox)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && noticedFolders.add(p)) {
          found.add(n);
          LOG.warn(
              "{} in {} is a folder, and an inbox reads only the files dropped in it: move its files into {},"
                  + " or import it with `kith import`",
              Problem.printable(n), inbox, inbox);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /**
   * At the start of the only process that can use this home (the embedded H2 database admits one):
   * every claim left in an inbox's {@code .work/} is a stopped process's, and goes back into the
   * inbox now, not after {@link #CLAIM_TIMEOUT}, which is there for the other nodes of a cluster.
   */
  public void recoverOrphansAtStart(List<Path> inboxes) {
    recoverEach(inboxes, Duration.ZERO, false);
  }

  /** Claims older than {@code age} back into each inbox, and (with {@code folders}) its new folders named. */
  private void recoverEach(List<Path> inboxes, Duration age, boolean folders) {
    for (Path inbox : inboxes) {
      try {
        recoverOrphans(inbox.resolve(".work"), inbox, age);
        if (folders) {
          newFolders(inbox);
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not look through {}: {}", inbox, e.getMessage());
      }
    }
  }

  /** Claims older than {@code age} belonged to a node that died: back into the inbox. */
  private void recoverOrphans(Path work, Path inbox, Duration age) throws IOException {
    if (!Files.isDirectory(work)) {
      return;
    }
    java.time.Instant limit = clock.instant().minus(age);
    try (Stream<Path> files = Files.list(work)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String n = p.getFileName().toString();
        int dash = n.indexOf('-', 36);
        if (dash != 36 || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try {
          if (age.isZero() || Files.getLastModifiedTime(p).toInstant().isBefore(limit)) {
            Path back = freeName(inbox, n.substring(37), "");
            Files.move(p, back, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("{} was claimed by a node that stopped; back in the inbox", Problem.printable(back.getFileName().toString()));
          }
        } catch (NoSuchFileException e) {
          // finished or recovered by another node meanwhile
        }
      }
    }
  }

  /** The longest file name, in bytes, that common file systems hold. */
  static final int MAX_NAME_BYTES = 255;

  /** The name, its stem shortened (its extension kept) until it takes at most {@code maxBytes} in UTF-8. */
  static String fit(String name, int maxBytes) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - ext.length());
    int budget = maxBytes - ext.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < stem.length(); ) {
      int cp = stem.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 bytes
      if (used + len > budget) {
        break;
      }
      b.appendCodePoint(cp);
      used += len;
      i += Character.charCount(cp);
    }
    return b + ext;
  }

  private static String reason(FileReport report) {
    return report.problems().isEmpty() ? "rejected" : report.problems().get(0).reason();
  }

  /**
   * {@code name}, or {@code name} with a time stamp when a file of that name was taken before; neither
   * it nor it with {@code suffix} (its report) exists, not even as a link.
   */
  private Path freeName(Path folder, String name, String suffix) {
    Path p = folder.resolve(name);
    if (free(folder, name, suffix)) {
      return p;
    }
    String stamp = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 0; ; i++) {
      String candidate = stem + "." + stamp + (i == 0 ? "" : "-" + i) + ext;
      if (free(folder, candidate, suffix)) {
        return folder.resolve(candidate);
      }
    }
  }

  private static boolean free(Path folder, String name, String suffix) {
    return !Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)
        && (suffix.isEmpty() || !Files.exists(folder.resolve(name + suffix), LinkOption.NOFOLLOW_LINKS));
  }
}
