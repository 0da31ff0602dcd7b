package app.kith.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real command line in-process, the way {@code ./kith} does, capturing stdout and stderr.
 * Tests use it for every CLI check.
 */
public final class Cli {

  private final Path home;
  private final Map<String, String> env = new HashMap<>();

  public Cli(Path home) {
    this.home = home;
  }

  public Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  public Result runRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        KithCommand.execute(
            args, env, Optional.of(Path.of("").toAbsolutePath()), new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
