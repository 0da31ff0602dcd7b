package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code run --demo}: drops the example files shipped in {@code examples/} into the inboxes. */
final class Demo {
  private Demo() {}

  static void copyExamples(Optional<Path> appDir, Kith kith, PrintWriter err) {
    Path examples = appDir.orElse(Path.of(".")).resolve("examples");
    if (!Files.isDirectory(examples)) {
      throw new KithException("--demo needs the examples/ folder beside the launcher; not found at " + examples);
    }
    copy(examples.resolve("contacts"), kith.folder("inbox/contacts"), err);
    copy(examples.resolve("calendar"), kith.folder("inbox/calendar"), err);
  }

  private static void copy(Path from, Path to, PrintWriter err) {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err.println("kith: demo: " + f.getFileName() + " -> " + to);
      }
    } catch (IOException e) {
      throw new KithException("cannot copy the examples: " + e.getMessage());
    }
  }
}
