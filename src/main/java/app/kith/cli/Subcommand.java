package app.kith.cli;

import app.kith.app.Kith;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** Base of every subcommand: access to the global options and the installation. */
abstract class Subcommand implements Callable<Integer> {

  @ParentCommand KithCommand root;

  /** Does the work with an open installation and returns the exit status. */
  protected abstract int run(Kith kith) throws Exception;

  @Override
  public final Integer call() throws Exception {
    Path home = root.homeDir();
    if (!Files.exists(home)) {
      // a mistyped --home would otherwise show an empty network without a word
      err().println("kith: no home at " + home.toAbsolutePath().normalize() + " yet; starting a new one there");
      err().flush();
    }
    try (Kith kith = root.open()) {
      return run(kith);
    }
  }

  protected boolean json() {
    return root.json();
  }

  protected PrintWriter out() {
    return root.out();
  }

  protected PrintWriter err() {
    return root.err();
  }
}
