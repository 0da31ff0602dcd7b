package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import app.kith.contacts.Contact;
import app.kith.contacts.ContactExport;
import app.kith.contacts.ContactStore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export contacts as vCard 4.0 (vcf) or CSV (csv), or the reminder calendar (ics; the reminder "
          + "rules are applied at now first, as for due).",
      "CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a "
          + "leading apostrophe; several e-mail addresses or phones share a cell, joined by ' ::: '."
    })
final class ExportCommand extends Subcommand {

  @Option(names = "--format", required = true, paramLabel = "vcf|csv|ics", description = "What to write.")
  String format;

  /** Why a file could not be written, in words ("permission denied"), not only the path Java names. */
  private static String why(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path outFile;

  @Override
  protected int run(Kith kith) throws IOException {
    String f = format.trim().toLowerCase(Locale.ROOT);
    if (f.equals("ics")) {
      // as due and agenda do: the rules at now first, so that what was just imported is in it
      new app.kith.schedule.Sweep(kith).run(kith.clock().instant());
      return exportCalendar(kith);
    }
    if (!f.equals("vcf") && !f.equals("csv")) {
      throw new KithException("--format must be vcf, csv or ics, not '" + format + "'");
    }
    List<Contact> contacts = new ContactStore(kith.database()).list(null);
    if (outFile == null) {
      if (json()) {
        throw new KithException("--json needs --out FILE (the export itself goes to stdout otherwise)");
      }
      if (f.equals("csv")) {
        out().write('\uFEFF'); // as in a file: `kith export --format csv > all.csv` opens right in a spreadsheet
      }
      write(f, contacts, out());
      out().flush();
    } else {
      Path target = outFile.toAbsolutePath();
      if (Files.isDirectory(target)) {
        throw new KithException("cannot write " + outFile + ": it is a folder (give a file name, such as "
            + outFile.resolve("contacts." + f) + ")");
      }
      if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
        throw new KithException("cannot write " + outFile + ": the folder " + target.getParent() + " does not exist");
      }
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
        if (f.equals("csv")) {
          w.write('\uFEFF'); // so that spreadsheets read the file as UTF-8
        }
        write(f, contacts, w);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        throw new KithException("cannot write " + outFile + ": " + why(e));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      if (json()) {
        Output.json(out(), Map.of("format", f, "path", outFile.toString(), "contacts", contacts.size()));
      }
      err().println("kith: wrote " + contacts.size() + " contacts to " + outFile);
      err().flush();
    }
    return KithCommand.OK;
  }

  /** The reminder calendar, the same document as the private feed. */
  private int exportCalendar(Kith kith) throws IOException {
    String ics = new app.kith.feed.ReminderCalendar(kith).feed();
    if (outFile == null) {
      if (json()) {
        throw new KithException("--json needs --out FILE (the export itself goes to stdout otherwise)");
      }
      out().print(ics);
      out().flush();
    } else {
      Files.writeString(outFile, ics, StandardCharsets.UTF_8);
      if (json()) {
        Output.json(out(), Map.of("format", "ics", "path", outFile.toString()));
      }
      err().println("kith: wrote the reminder calendar to " + outFile);
      err().flush();
    }
    return KithCommand.OK;
  }

  private static void write(String format, List<Contact> contacts, Writer w) throws IOException {
    if (format.equals("vcf")) {
      ContactExport.vcf(contacts, w);
    } else {
      ContactExport.csv(contacts, w);
    }
  }
}
