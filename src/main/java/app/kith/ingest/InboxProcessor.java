package app.kith.ingest;

import app.kith.cli.Output;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one file dropped in an inbox folder: imports it (committed by the importer), then moves it
 * to {@code .done/} beside {@code <name>.report.json}, or to {@code .error/} beside
 * {@code <name>.error.json} when it was rejected. The file is only moved after what it produced is
 * committed; a crash before the move means the file is read again, and importing is idempotent.
 */
public final class InboxProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Importer importer;
  private final Clock clock;

  public InboxProcessor(Importer importer, Clock clock) {
    this.importer = importer;
    this.clock = clock;
  }

  /** Called by the inbox routes with the file Camel picked up. */
  public FileReport process(File file) throws IOException {
    return take(file.toPath());
  }

  /** Imports and moves one inbox file. */
  public FileReport take(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      // another node (or an earlier pass) took it between the listing and the lock
      LOG.debug("{} is gone, already taken", name);
      return null;
    }
    FileReport report;
    try {
      report = importer.importFile(file, new ImportRequest(name, name, false));
    } catch (RuntimeException e) {
      // infrastructure failed (database down...): leave the file where it is, to be read again
      LOG.warn("could not import {} now, will retry: {}", name, e.getMessage());
      throw e;
    }
    boolean rejected = report.isRejected();
    Path target = file.resolveSibling(rejected ? ".error" : ".done");
    Files.createDirectories(target);
    Path moved = freeName(target, name);
    Path sidecar = target.resolve(moved.getFileName() + (rejected ? ".error.json" : ".report.json"));
    Object body =
        rejected
            ? Map.of("path", name, "status", report.status(), "reason", reason(report), "report", report)
            : report;
    Files.writeString(sidecar, Output.mapper().writeValueAsString(body), StandardCharsets.UTF_8);
    Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
    LOG.info(
        "{}: {} ({} received, {} created, {} merged, {} unchanged, {} rejected)",
        name, report.status(), report.received(), report.created(), report.merged(), report.unchanged(), report.rejected());
    return report;
  }

  private static String reason(FileReport report) {
    return report.problems().isEmpty() ? "rejected" : report.problems().get(0).reason();
  }

  /** {@code name}, or {@code name} with a time stamp when a file of that name was taken before. */
  private Path freeName(Path folder, String name) {
    Path p = folder.resolve(name);
    if (!Files.exists(p)) {
      return p;
    }
    String stamp = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 0; ; i++) {
      Path candidate = folder.resolve(stem + "." + stamp + (i == 0 ? "" : "-" + i) + ext);
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
  }
}
