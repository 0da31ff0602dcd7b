package app.kith.ingest.contacts;

import app.kith.app.Kith;
import app.kith.contacts.Cadence;
import app.kith.contacts.ContactData;
import app.kith.contacts.ContactImport;
import app.kith.contacts.Interactions;
import app.kith.contacts.Keys;
import app.kith.ingest.FileImporter;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Tally;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Contact exports: vCard 2.1/3.0/4.0 and contact CSV (LinkedIn, Google, Outlook, or any CSV
 * whose header names name, e-mail or phone columns). Reads one record at a time and merges each
 * into the contacts (see {@link ContactImport}); a broken card or row is rejected on its own with
 * where and why while the rest of the file imports.
 */
public final class ContactFileImporter implements FileImporter {

  private final Kith kith;
  /** One dry run per importer (that is, per command): the files of a run see each other's records. */
  private final ContactImport.DryRun dryRun = new ContactImport.DryRun();

  public ContactFileImporter(Kith kith) {
    this.kith = kith;
  }

  @Override
  public boolean accepts(byte[] head) {
    if (isVCard(head, head.length)) {
      return true; // a stray NUL byte in a card is dropped with the other control characters
    }
    if (isBinary(head)) {
      return false; // a program or an image renamed .csv: "not a format Kith reads", not a CSV of garbage
    }
    return sniffHead(head) != null;
  }

  /**
   * NUL bytes outside UTF-16 text, near the start (where images, archives and programs have them in
   * their magic numbers) or many of them (eight or more, and over one in a thousand bytes). A stray NUL
   * further on is a damaged text, whose other records still import.
   */
  static boolean isBinary(byte[] head) {
    if (TextEncodings.unicode(head, head.length) != null) {
      return false;
    }
    int nuls = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        if (i < 64) {
          return true;
        }
        nuls++;
      }
    }
    return nuls >= 8 && nuls * 1000 > head.length;
  }

  static boolean isVCard(byte[] head, int len) {
    String text = headText(head, len).toUpperCase(Locale.ROOT);
    int card = text.indexOf("BEGIN:VCARD");
    if (card < 0) {
      return false;
    }
    int calendar = text.indexOf("BEGIN:VCALENDAR");
    return calendar < 0 || calendar > card;
  }

  private static String headText(byte[] head, int len) {
    TextEncodings.Unicode u = TextEncodings.unicode(head, len);
    if (u != null) {
      return new String(head, u.bomLength(), len - u.bomLength(), u.charset());
    }
    return new String(head, 0, len, TextEncodings.guess(head, 0, len));
  }

  private static CsvSource.Sniff sniffHead(byte[] head) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(headText(head, head.length)))) {
      String line;
      while ((line = r.readLine()) != null && lines.size() < 50) {
        lines.add(line);
      }
    } catch (IOException e) {
      return null;
    }
    if (lines.size() > 1 && lines.size() < 50) {
      // the head may cut the last line short
      lines.remove(lines.size() - 1);
    }
    return CsvSource.sniffLines(lines, StandardCharsets.UTF_8, 0);
  }

  @Override
  public FileReport importFile(Path file, ImportRequest request) {
    Tally tally = new Tally(request.displayPath(), "unknown");
    app.kith.ingest.ImportLimits limits = app.kith.ingest.ImportLimits.of(kith.config());
    int maxField = limits.maxFieldLength();
    long maxPhoto = limits.maxPhotoBytes();
    Set<String> owner = ownerAddresses(kith.config());
    // where each record handed to the import is, until its outcome comes back (a few chunks at most)
    java.util.ArrayDeque<String> waiting = new java.util.ArrayDeque<>();
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8192);
    } catch (IOException e) {
      tally.rejectFile("file", "cannot read the file: " + e.getMessage());
      return tally.report();
    }
    try (RecordSource source = open(file, head, maxField, maxPhoto, tally)) {
      if (source == null) {
        return tally.report();
      }
      tally.format(source.format());
      ContactImport session =
          new ContactImport(
              kith.database(),
              new Interactions(new Cadence(kith.config())),
              source.format() + ":" + request.sourceName(),
              request.dryRun() ? dryRun : null,
              kith.clock().instant(),
              LocalDate.ofInstant(kith.clock().instant(), kith.config().zone()),
              new ContactImport.Listener() {
                @Override
                public void outcome(ContactImport.Outcome outcome) {
                  waiting.poll();
                  tally.count(
                      switch (outcome) {
                        case CREATED -> Tally.Outcome.CREATED;
                        case MERGED -> Tally.Outcome.MERGED;
                        case UNCHANGED -> Tally.Outcome.UNCHANGED;
                      });
                }

                @Override
                public void note(String note) {
                  tally.note(waiting.peek(), note);
                }
              });
      try (session) {
        RecordSource.Rec rec;
        while ((rec = source.next()) != null) {
          for (String note : rec.notes()) {
            tally.note(rec.where(), note);
          }
          if (rec.reject() != null) {
            tally.rejected(rec.where(), rec.reject());
            continue;
          }
          if (rec.noteOnly()) {
            continue;
          }
          ContactData data = rec.draft().finish(maxField);
          for (String note : rec.draft().notesOnRecord) {
            tally.note(rec.where(), note);
          }
          if (data == null) {
            tally.rejected(rec.where(), rec.draft().reject);
          } else if (isOwner(data, owner)) {
            tally.rejected(rec.where(), "this is you (kith.owner.email): Kith keeps in touch with the others");
          } else {
            waiting.add(rec.where());
            session.add(data);
          }
        }
      }
    } catch (IOException e) {
      tally.rejectFile("file", "cannot read the file: " + e.getMessage());
    }
    return tally.report();
  }

  /** The {@code kith.owner.email} of config/application.properties, until the user gives theirs. */
  static final String PLACEHOLDER_OWNER = "me@example.com";

  /**
   * The user's own addresses ({@code kith.owner.email}, {@code kith.owner.aliases}) as e-mail keys.
   * A phone's full export holds the owner's own card ("My Card" on an iPhone): not someone to keep
   * in touch with, as the owner is no attendee to follow up either.
   */
  static Set<String> ownerAddresses(app.kith.config.KithConfig config) {
    Set<String> keys = new java.util.HashSet<>();
    // the placeholder config/application.properties ships is no one's address
    config.find("kith.owner.email").map(Keys::email).filter(e -> !e.equals(PLACEHOLDER_OWNER)).ifPresent(keys::add);
    for (String alias : config.getList("kith.owner.aliases")) {
      keys.add(Keys.email(alias));
    }
    keys.remove(null);
    keys.remove("");
    return keys;
  }

  private static boolean isOwner(ContactData data, Set<String> owner) {
    if (owner.isEmpty()) {
      return false;
    }
    for (String e : data.emails()) {
      if (owner.contains(Keys.email(e))) {
        return true;
      }
    }
    return false;
  }

  private static RecordSource open(Path file, byte[] head, int maxField, long maxPhoto, Tally tally) throws IOException {
    TextEncodings.Unicode u = TextEncodings.unicode(head, head.length);
    if (isVCard(head, head.length)) {
      InputStream in = Files.newInputStream(file);
      boolean unicode = false;
      if (u != null) {
        in.skipNBytes(u.bomLength());
        if (!u.charset().equals(StandardCharsets.UTF_8)) {
          in = TextEncodings.toUtf8(in, u.charset());
          unicode = true;
        }
      }
      VCardSource source = new VCardSource(in, unicode, maxField, maxPhoto);
      tally.format(source.format());
      return source;
    }
    CsvSource.Sniff sniff = CsvSource.sniff(file, head, head.length);
    if (sniff == null) {
      tally.rejectFile("file", "no contact header found (a CSV needs columns such as Name, E-mail or Phone)");
      return null;
    }
    tally.format(sniff.layout().format);
    if (sniff.problem() != null) {
      tally.rejectFile("file", sniff.problem());
      return null;
    }
    return new CsvSource(file, sniff);
  }

  static Charset utf8() {
    return StandardCharsets.UTF_8;
  }
}
