package app.kith.ingest;

import app.kith.app.Kith;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one importer behind {@code kith import} and the inbox routes: tells the format from the
 * content, applies the size limit, and hands the file to the {@link FileImporter} that reads it.
 */
public final class Importer {

  public static final int HEAD_BYTES = 8192;

  private final Kith kith;
  private final List<FileImporter> importers;

  public Importer(Kith kith, List<FileImporter> importers) {
    this.kith = kith;
    this.importers = List.copyOf(importers);
  }

  /** Imports one file; never throws for bad content. */
  public FileReport importFile(Path file, ImportRequest request) {
    String shown = request.displayPath();
    long max = ImportLimits.of(kith.config()).maxFileBytes();
    byte[] head;
    long size;
    try {
      if (!Files.isRegularFile(file)) {
        return FileReport.rejectedFile(shown, "unknown", "file",
            Files.exists(file) ? "not a plain file (a pipe, a device or a folder Kith cannot list)"
                : Files.isSymbolicLink(file) ? "a symbolic link to nothing (its target is missing, or links loop)" : "no such file");
      }
      size = Files.size(file);
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(HEAD_BYTES);
      }
    } catch (IOException e) {
      return FileReport.rejectedFile(shown, "unknown", "file", "cannot read the file: " + e.getMessage());
    }
    if (size == 0) {
      return FileReport.rejectedFile(shown, "unknown", "file", "the file is empty");
    }
    if (size > max) {
      return FileReport.rejectedFile(
          shown, "unknown", "file", "the file is " + size + " bytes, over the limit of " + max + " (kith.import.max-file-bytes)");
    }
    if (isArchive(head)) {
      // an unpacked zip can hold a vCard's text right after its header, which was read as a
      // vCard whose first card was lost
      return FileReport.rejectedFile(shown, "unknown", "file",
          "an archive (zip, gzip or 7z), not a contact or calendar file: unpack it and import the files inside");
    }
    for (FileImporter importer : importers) {
      if (importer.accepts(head)) {
        return importer.importFile(file, request);
      }
    }
    return FileReport.rejectedFile(
        shown, "unknown", "file", "not a format Kith reads (vCard, contact CSV, iCalendar or an e-mail message)");
  }

  /** A zip (as LinkedIn's and Google's exports come), gzip or 7z archive, told by its first bytes. */
  static boolean isArchive(byte[] head) {
    return startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6) || startsWith(head, 0x1F, 0x8B)
        || startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C);
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Imports files and folders (folders recursively, hidden files skipped), reporting progress. */
  public ImportReport importPaths(List<Path> paths, boolean dryRun, Consumer<String> progress) {
    List<FileReport> reports = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : expand(path)) {
        String shown = file.toString();
        progress.accept("importing " + Problem.printable(shown)); // a file name can hold terminal escapes too
        reports.add(importFile(file, new ImportRequest(shown, file.getFileName().toString(), dryRun)));
      }
    }
    return ImportReport.of(reports);
  }

  /**
   * The files of a folder, recursively, without hidden ones. A pipe, a device or a sub-folder that
   * cannot be listed is kept in the list, so that its report says so, rather than left out unseen.
   */
  private static List<Path> expand(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(path, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
          return !dir.equals(path) && isHidden(path.relativize(dir))
              ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
          if (!isHidden(path.relativize(file)) && !Files.isDirectory(file)) {
            out.add(file); // plain files, and pipes or devices (reported as not plain); not a link to a folder
          }
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
          if (!isHidden(path.relativize(file))) {
            out.add(file); // a folder that cannot be listed, or a link that loops: reported by importFile
          }
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException e) {
      return List.of(path);
    }
    out.sort(null);
    return out;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
