package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import app.kith.config.KithConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code kith}: the command line. Results go to stdout, progress and errors to stderr. */
@Command(
    name = "kith",
    mixinStandardHelpOptions = true,
    version = "kith 0.1.0",
    usageHelpAutoWidth = true,
    description = {
      "Kith reads your calendar invitations and contact exports and turns them into a few "
          + "well-prepared nudges: prepare before an event, follow up after meeting someone, and keep "
          + "in touch with the people who matter.",
      ""
    },
    subcommands = {
      ImportCommand.class,
      ContactsCommand.class,
      EventsCommand.class,
      DueCommand.class,
      AgendaCommand.class,
      DoneCommand.class,
      SnoozeCommand.class,
      LogCommand.class,
      CadenceCommand.class,
      ExportCommand.class,
      FeedUrlCommand.class,
      RunCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  all done",
      "  1  done, but some records or files were rejected (the report says which)",
      "  2  nothing could be done (bad usage, unreadable home, database in use, ...)",
      "",
      "Settings: config/application.properties, then <home>/kith.properties, then KITH_* variables."
    })
public final class KithCommand implements Runnable {

  public static final int OK = 0;
  public static final int PARTIAL = 1;
  public static final int FAILED = 2;

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Where the database, inboxes and outboxes live (env KITH_HOME, default ./data).")
  Path home;

  @Option(
      names = "--now",
      scope = ScopeType.INHERIT,
      paramLabel = "INSTANT",
      description = "A fixed clock for this command, ISO-8601 with an offset, e.g. 2025-03-03T09:00+01:00 (env KITH_NOW).")
  String now;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces and debug logs on stderr.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;
  private final Optional<Path> appDir;

  public KithCommand() {
    this(System.getenv(), Optional.ofNullable(System.getProperty("kith.app.dir")).map(Path::of));
  }

  public KithCommand(Map<String, String> env, Optional<Path> appDir) {
    this.env = env;
    this.appDir = appDir;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public boolean json() {
    return json;
  }

  public boolean verbose() {
    return verbose;
  }

  public Optional<Path> appDir() {
    return appDir;
  }

  /** The home folder from --home, KITH_HOME or ./data. */
  public Path homeDir() {
    if (home != null) {
      return home;
    }
    String fromEnv = env.get("KITH_HOME");
    return Path.of(fromEnv == null || fromEnv.isBlank() ? "data" : fromEnv);
  }

  /** The clock of this command: fixed at --now / KITH_NOW, else the system clock. */
  public Clock clock() {
    String value = now != null ? now : env.get("KITH_NOW");
    if (value == null || value.isBlank()) {
      return Clock.systemUTC();
    }
    return Clock.fixed(parseInstant(value, "--now"), ZoneOffset.UTC);
  }

  static java.time.Instant parseInstant(String value, String what) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.Instant.parse(value.trim());
      } catch (DateTimeParseException e2) {
        throw new KithException(
            what + " must be an ISO-8601 instant with an offset, like 2025-03-03T09:00+01:00, not '" + value + "'");
      }
    }
  }

  /** Opens the installation this command works on. */
  public Kith open() {
    KithConfig config = KithConfig.load(homeDir(), appDir, env);
    return new Kith(config, clock());
  }

  public PrintWriter out() {
    return spec.commandLine().getOut();
  }

  public PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Runs the command line and returns the exit status. */
  public static int execute(String[] args, Map<String, String> env, Optional<Path> appDir, PrintWriter out, PrintWriter err) {
    KithCommand root = new KithCommand(env, appDir);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // each subcommand takes -V from its standard options: it prints the root's version, not nothing
    String[] version = cl.getCommandSpec().version();
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean verbose = root.verbose;
          if (ex instanceof KithException) {
            err.println("kith: " + ex.getMessage());
          } else {
            err.println("kith: unexpected error: " + describe(ex));
          }
          if (verbose) {
            ex.printStackTrace(err);
          }
          err.flush();
          return FAILED;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("kith: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
          err.flush();
          return FAILED;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String describe(Throwable ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }

  public static void main(String[] args) {
    Logging.configure(args);
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
    int code =
        execute(
            args,
            System.getenv(),
            Optional.ofNullable(System.getProperty("kith.app.dir")).map(Path::of),
            out,
            err);
    System.exit(code);
  }
}
