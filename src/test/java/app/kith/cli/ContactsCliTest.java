package app.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, contacts and export through the real command line. */
class ContactsCliTest {

  @TempDir Path home;
  @TempDir Path files;

  static final Path EXAMPLES = Path.of("examples", "contacts");

  Cli cli() {
    return new Cli(home).env("KITH_NOW", "2026-01-05T09:00:00Z");
  }

  static JsonNode json(Cli.Result r) throws Exception {
    return Output.mapper().readTree(r.out());
  }

  @Test
  void importReportsAddUpAndASecondImportChangesNothing() throws Exception {
    Cli.Result r = cli().run("--json", "import", EXAMPLES.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode report = json(r);
    int received = 0;
    for (JsonNode f : report.get("files")) {
      assertThat(f.get("received").asInt())
          .isEqualTo(f.get("created").asInt() + f.get("merged").asInt() + f.get("unchanged").asInt() + f.get("rejected").asInt());
      assertThat(f.get("status").asText()).isEqualTo("imported");
      received += f.get("received").asInt();
    }
    assertThat(report.at("/totals/received").asInt()).isEqualTo(received).isEqualTo(7);
    assertThat(report.at("/totals/created").asInt()).isEqualTo(5); // Amara and Lars are in both files
    assertThat(report.at("/totals/merged").asInt()).isEqualTo(2);
    assertThat(report.findValuesAsText("format")).containsExactlyInAnyOrder("linkedin-csv", "vcard-3.0");

    JsonNode again = json(cli().run("--json", "import", EXAMPLES.toString()));
    assertThat(again.at("/totals/created").asInt()).isZero();
    assertThat(again.at("/totals/merged").asInt()).isZero();
    assertThat(again.at("/totals/unchanged").asInt()).isEqualTo(7);
  }

  @Test
  void aReportNeverPrintsTheFilesControlCharacters() throws Exception {
    Path csv = files.resolve("esc.csv");
    Files.writeString(csv, "Name,Email\nMallory,bad\u001b]0;pwned\u0007@x\nAda Lovelace,ada@example.com\n");
    Cli.Result r = cli().run("import", csv.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    assertThat(r.out()).contains("e-mail 'bad?]0;pwned?@x' is not an address").doesNotContain("\u001b").doesNotContain("\u0007");
  }

  @Test
  void aFileNameWithControlCharactersIsNotPrintedRawAndAPipeIsNoMissingFile() throws Exception {
    Path csv = files.resolve("esc\u001b]0;pwned\u0007.csv");
    Files.writeString(csv, "Name,Email\nAda Lovelace,ada@example.com\n");
    Cli.Result r = cli().run("import", csv.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("importing ").doesNotContain("\u001b").doesNotContain("\u0007");
    Path fifo = files.resolve("pipe.csv");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Cli.Result p = cli().run("--json", "import", fifo.toString());
    assertThat(json(p).at("/files/0/problems/0/reason").asText()).startsWith("not a plain file");
  }

  @Test
  void anEmptyFolderSaysSo() throws Exception {
    Path empty = Files.createDirectories(files.resolve("nothing-here"));
    Cli.Result r = cli().run("import", empty.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("no files to import in " + empty);
  }

  @Test
  void theOwnersOwnCardInAPhoneExportIsRejectedAsTheOwners() throws Exception {
    Path vcf = files.resolve("iphone.vcf");
    Files.writeString(vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Example;Sam;;;\r\nFN:Sam Example\r\nitem1.EMAIL;type=INTERNET:Sam@Home.example\r\n"
        + "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n");
    Cli.Result r = cli().env("KITH_OWNER_EMAIL", "sam@work.example").env("KITH_OWNER_ALIASES", "sam@home.example")
        .run("--json", "import", vcf.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode f = json(r).at("/files/0");
    assertThat(f.get("created").asInt()).isEqualTo(1);
    assertThat(f.at("/problems/0/where").asText()).isEqualTo("card 1");
    assertThat(f.at("/problems/0/reason").asText()).startsWith("this is you (kith.owner.email)");
    // without an owner configured, the same card is a contact like any other
    Cli.Result other = new Cli(files.resolve("other-home")).run("--json", "import", vcf.toString());
    assertThat(json(other).at("/files/0/created").asInt()).isEqualTo(2);
    // nor is the placeholder address the shipped configuration names as the owner's anyone's own
    Path me = files.resolve("me.vcf");
    Files.writeString(me, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mel Example\r\nEMAIL:me@example.com\r\nEND:VCARD\r\n");
    assertThat(json(new Cli(files.resolve("third-home")).run("--json", "import", me.toString())).at("/files/0/created").asInt())
        .isEqualTo(1);
  }

  @Test
  void anImportStoppedWithCtrlCSaysWhatIsKeptAndHowToFinish() throws Exception {
    Path big = files.resolve("big.vcf");
    try (java.io.BufferedWriter w = Files.newBufferedWriter(big)) {
      for (int i = 0; i < 300_000; i++) {
        w.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Person" + i + "\r\nEMAIL:ada" + i + "@example.org\r\nEND:VCARD\r\n");
      }
    }
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "app.kith.cli.KithCommand", "--home", home.toString(), "import", big.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(files.resolve("err.txt").toFile()).start();
    try {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
          .until(() -> Files.readString(files.resolve("err.txt")).contains("importing"));
      p.destroy(); // SIGTERM, as Ctrl-C, while 300,000 cards are read: the JVM runs its shutdown hooks
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(Files.readString(files.resolve("err.txt")))
        .contains("kith: interrupted; what was imported so far is kept, and importing the same files again finishes the job");
  }

  @Test
  void anArchiveIsRefusedWithWhatToDoEvenWhenItHoldsAVCardUncompressed() throws Exception {
    Path zip = files.resolve("export.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.setMethod(java.util.zip.ZipOutputStream.STORED);
      byte[] card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n".repeat(5)
          .getBytes(StandardCharsets.UTF_8);
      java.util.zip.ZipEntry e = new java.util.zip.ZipEntry("contacts.vcf");
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(card);
      e.setSize(card.length);
      e.setCrc(crc.getValue());
      out.putNextEntry(e);
      out.write(card);
      out.closeEntry();
    }
    Cli.Result r = cli().run("--json", "import", zip.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(json(r).at("/files/0/status").asText()).isEqualTo("rejected");
    assertThat(json(r).at("/files/0/problems/0/reason").asText()).startsWith("an archive (zip, gzip or 7z)");
    assertThat(json(cli().run("--json", "contacts"))).isEmpty();
  }

  @Test
  void aBadImportSettingStopsImportAndRunInOneSentence() throws Exception {
    Cli.Result negative = cli().env("KITH_IMPORT_MAX_FIELD_LENGTH", "-5").run("import", EXAMPLES.toString());
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).contains("setting kith.import.max-field-length must be at least 100, not -5")
        .doesNotContain("Exception").doesNotContain("\tat ");
    Cli.Result word = cli().env("KITH_IMPORT_MAX_FILE_BYTES", "abc").run("run");
    assertThat(word.exitCode()).isEqualTo(2);
    assertThat(word.err()).contains("setting kith.import.max-file-bytes has an invalid value 'abc'");
    assertThat(word.out()).isEmpty();
    // the service's own settings: one sentence naming the setting, before it says it is starting
    for (String[] bad : new String[][] {
        {"KITH_HTTP_PORT", "70000", "setting kith.http.port must be a port number from 1 to 65535, not 70000"},
        {"KITH_HTTP_PORT", "0", "setting kith.http.port must be a port number from 1 to 65535, not 0"},
        {"KITH_DB_POOL_SIZE", "0", "setting kith.db.pool-size must be at least 1, not 0"},
        {"KITH_SCHEDULE_SWEEP_CRON", "bogus", "setting kith.schedule.sweep-cron is no Quartz cron expression"},
        {"KITH_OUTBOX_POLL_MS", "0", "setting kith.outbox.poll-ms must be at least 10, not 0"},
        {"KITH_TIMEZONE", "Mars/Olympus", "setting kith.timezone has an invalid value 'Mars/Olympus'"}}) {
      Cli.Result r = cli().env(bad[0], bad[1]).run("run");
      assertThat(r.exitCode()).as(bad[0]).isEqualTo(2);
      assertThat(r.err()).as(bad[0]).contains(bad[2]).doesNotContain("starting on").doesNotContain("\tat ");
    }
    // inbox settings given by environment variable reach Kith's own check too
    Cli.Result settle = cli().env("KITH_INBOX_SETTLE_MS", "abc").run("run");
    assertThat(settle.exitCode()).isEqualTo(2);
    assertThat(settle.err()).contains("setting kith.inbox.settle-ms has an invalid value 'abc'");
  }

  @Test
  void aFolderReportsItsPipesAndBrokenLinksInsteadOfSkippingThem() throws Exception {
    Path dir = Files.createDirectories(files.resolve("export"));
    Files.writeString(dir.resolve("a.csv"), "Name,Email\nAda Lovelace,ada@example.com\n");
    assertThat(new ProcessBuilder("mkfifo", dir.resolve("b.csv").toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(dir.resolve("c.vcf"), dir.resolve("gone.vcf"));
    Files.createSymbolicLink(dir.resolve("d.vcf"), dir.resolve("d.vcf")); // a link to itself
    Files.createDirectories(files.resolve("elsewhere"));
    Files.createSymbolicLink(dir.resolve("e"), files.resolve("elsewhere")); // a link to a folder: not followed, not reported
    Files.writeString(Files.createDirectories(dir.resolve(".hidden")).resolve("x.csv"), "Name\nHidden\n");
    JsonNode r = json(cli().run("--json", "import", dir.toString()));
    assertThat(r.get("files")).hasSize(4);
    assertThat(r.at("/files/0/created").asInt()).isEqualTo(1);
    assertThat(r.at("/files/1/problems/0/reason").asText()).startsWith("not a plain file");
    assertThat(r.at("/files/2/problems/0/reason").asText()).startsWith("a symbolic link to nothing");
    assertThat(r.at("/files/3/problems/0/reason").asText()).startsWith("a symbolic link to nothing");
  }

  @Test
  void dryRunWritesNothing() throws Exception {
    JsonNode r = json(cli().run("--json", "import", "--dry-run", EXAMPLES.toString()));
    assertThat(r.at("/totals/created").asInt()).isEqualTo(5);
    assertThat(json(cli().run("--json", "contacts"))).isEmpty();
  }

  @Test
  void exitOneWhenSomethingWasRejectedWithWhereAndWhy() throws Exception {
    Path csv = files.resolve("people.csv");
    Files.writeString(csv, "Name,Email,Phone\nAda Lovelace,ada@example.com,\n,,\n,write to x@y.z soon,\nGrace Hopper,,+1 555 0100\n, ,\n");
    Cli.Result r = cli().run("--json", "import", csv.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode f = json(r).get("files").get(0);
    assertThat(f.get("status").asText()).isEqualTo("partial");
    assertThat(f.get("format").asText()).isEqualTo("generic-csv");
    assertThat(f.get("received").asInt()).as(r.out()).isEqualTo(3);
    assertThat(f.get("rejected").asInt()).as(r.out()).isEqualTo(1);
    assertThat(f.get("created").asInt()).isEqualTo(2);
    assertThat(f.get("rejected").asInt()).isEqualTo(1);
    assertThat(f.at("/problems/0/where").asText()).isEqualTo("row 4");
    assertThat(f.at("/problems/0/reason").asText()).contains("not an e-mail address");

    Path empty = files.resolve("nothing.vcf");
    Files.writeString(empty, "BEGIN:VCARD\nVERSION:3.0\nNOTE:no name, no mail, no phone\nEND:VCARD\n");
    Cli.Result e = cli().run("--json", "import", empty.toString());
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(json(e).at("/files/0/status").asText()).isEqualTo("rejected");
    assertThat(json(e).at("/files/0/problems/0/reason").asText()).isEqualTo("no name, e-mail address or phone number");
  }

  @Test
  void contactsJsonHasTheContractShape() throws Exception {
    cli().run("import", EXAMPLES.toString());
    JsonNode list = json(cli().run("--json", "contacts"));
    assertThat(list).hasSize(5);
    JsonNode amara = json(cli().run("--json", "contacts", "okafor")).get(0);
    List<String> names = new ArrayList<>();
    amara.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("id", "name", "emails", "phones", "organization", "title", "birthday", "notes", "since",
        "cadence", "lastInteraction", "nextDue", "sources");
    assertThat(amara.get("name").asText()).isEqualTo("Amara Okafor");
    assertThat(amara.get("emails").get(0).asText()).isEqualTo("amara.okafor@example.com");
    assertThat(amara.get("phones").get(0).asText()).isEqualTo("+44 7700 900123");
    assertThat(amara.get("organization").asText()).isEqualTo("Brightwater Labs");
    assertThat(amara.get("title").asText()).isEqualTo("Head of Product");
    assertThat(amara.get("birthday").asText()).isEqualTo("1988-04-17");
    assertThat(amara.get("since").asText()).isEqualTo("2024-03-12");
    assertThat(amara.get("cadence").isNull()).isTrue();
    assertThat(amara.get("nextDue").isNull()).isTrue();
    assertThat(amara.get("sources")).hasSize(2);
    JsonNode sofia = json(cli().run("--json", "contacts", "sofia")).get(0);
    assertThat(sofia.get("birthday").asText()).isEqualTo("--02-29");
    assertThat(sofia.get("since").asText()).isEqualTo("2026-01-05"); // the day of the first import
    Cli.Result text = cli().run("contacts", "fjordline");
    assertThat(text.out()).contains("Lars Henriksen").doesNotContain("Amara");
    // a number in its national form finds the international one; an organisation by its key
    assertThat(json(cli().run("--json", "contacts", "07700 900123"))).singleElement()
        .satisfies(c -> assertThat(c.get("name").asText()).isEqualTo("Amara Okafor"));
    assertThat(json(cli().run("--json", "contacts", "brightwater labs ltd"))).singleElement()
        .satisfies(c -> assertThat(c.get("name").asText()).isEqualTo("Amara Okafor"));
    assertThat(json(cli().run("--json", "contacts", "07700 900999"))).isEmpty();
    // accents or none, on either side: "Söfia" finds Sofia, "Sofia" finds "Söfia"
    assertThat(json(cli().run("--json", "contacts", "Söfia"))).singleElement()
        .satisfies(c -> assertThat(c.get("name").asText()).startsWith("Sofia"));
    assertThat(json(cli().run("--json", "contacts", "HENRÍKSEN"))).singleElement()
        .satisfies(c -> assertThat(c.get("name").asText()).isEqualTo("Lars Henriksen"));
  }

  @Test
  void vcardExportParsesBackToTheSameFields() throws Exception {
    cli().run("import", EXAMPLES.toString());
    Path out = files.resolve("out.vcf");
    Cli.Result r = cli().run("export", "--format", "vcf", "--out", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode contacts = json(cli().run("--json", "contacts"));
    List<VCard> cards = new ArrayList<>();
    try (VCardReader reader = new VCardReader(out)) {
      VCard c;
      while ((c = reader.readNext()) != null) {
        cards.add(c);
      }
    }
    assertThat(cards).hasSize(contacts.size());
    for (int i = 0; i < cards.size(); i++) {
      VCard card = cards.get(i);
      JsonNode c = contacts.get(i);
      assertThat(card.getVersion().getVersion()).isEqualTo("4.0");
      assertThat(card.getFormattedName().getValue()).isEqualTo(c.get("name").isNull() ? "" : c.get("name").asText());
      assertThat(card.getStructuredName()).as("no N made up from the name").isNull();
      assertThat(card.getEmails().stream().map(e -> e.getValue()).toList()).isEqualTo(texts(c.get("emails")));
      assertThat(card.getTelephoneNumbers().stream().map(t -> t.getText()).toList()).isEqualTo(texts(c.get("phones")));
      assertThat(card.getOrganization() == null ? null : card.getOrganization().getValues().get(0))
          .isEqualTo(c.get("organization").isNull() ? null : c.get("organization").asText());
      if (!c.get("birthday").isNull()) {
        String b = card.getBirthday().getDate() != null ? card.getBirthday().getDate().toString()
            : "--" + String.format("%02d-%02d", card.getBirthday().getPartialDate().getMonth(), card.getBirthday().getPartialDate().getDate());
        assertThat(b).isEqualTo(c.get("birthday").asText());
      }
    }
    // and Kith reads its own export back without changes
    JsonNode again = json(cli().run("--json", "import", out.toString()));
    assertThat(again.at("/files/0/format").asText()).isEqualTo("vcard-4.0");
    assertThat(again.at("/totals/created").asInt()).isZero();
    assertThat(again.at("/totals/rejected").asInt()).isZero();
  }

  @Test
  void someoneWithoutANameHasNoneAfterExportAndImportElsewhere() throws Exception {
    Path in = files.resolve("phone.vcf");
    Files.writeString(in, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:\r\nTEL;TYPE=CELL:+1 415 555 0199\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nORG:Stadtwerke Köln GmbH\r\nTEL:+49 221 1780\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anke van der Berg\r\nEMAIL:anke@example.nl\r\nEND:VCARD\r\n");
    assertThat(cli().run("import", in.toString()).exitCode()).isZero();
    Path out = files.resolve("out.vcf");
    assertThat(cli().run("export", "--format", "vcf", "--out", out.toString()).exitCode()).isZero();
    Cli elsewhere = new Cli(files.resolve("other-home")).env("KITH_NOW", "2026-01-05T09:00:00Z");
    assertThat(elsewhere.run("import", out.toString()).exitCode()).isZero();
    JsonNode there = json(elsewhere.run("--json", "contacts"));
    assertThat(there).hasSize(3);
    List<String> names = new ArrayList<>();
    there.forEach(c -> names.add(c.get("name").isNull() ? null : c.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder(null, null, "Anke van der Berg");
  }

  @Test
  void csvExportNeutralisesFormulasAndReadsBack() throws Exception {
    Path in = files.resolve("risky.csv");
    Files.writeString(in, "Name,Email,Phone,Company,Notes\n=HYPERLINK(\"http://evil.example\"),eve@example.com,+1 555 0100,@SUM(A1),-2+3\n");
    cli().run("import", in.toString());
    Path out = files.resolve("out.csv");
    assertThat(cli().run("export", "--format", "csv", "--out", out.toString()).exitCode()).isZero();
    String file = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(file).startsWith("\uFEFFName,");
    assertThat(cli().run("export", "--format", "csv").out()).as("stdout as the file").isEqualTo(file);
    String text = file.replace("\uFEFF", "");
    List<CSVRecord> rows = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(CSVFormat.DEFAULT).get().getRecords();
    CSVRecord row = rows.get(1);
    assertThat(row.get(0)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(row.get(1)).isEqualTo("eve@example.com");
    assertThat(row.get(2)).isEqualTo("'+1 555 0100");
    assertThat(row.get(3)).isEqualTo("'@SUM(A1)");
    assertThat(row.get(6)).isEqualTo("'-2+3");
    for (CSVRecord r : rows) {
      for (String cell : r) {
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
            .doesNotStartWith("\t").doesNotStartWith("\r");
      }
    }
    JsonNode before = json(cli().run("--json", "contacts"));
    JsonNode again = json(cli().run("--json", "import", out.toString()));
    assertThat(again.at("/totals/created").asInt()).isZero();
    assertThat(again.at("/totals/rejected").asInt()).isZero();
    JsonNode after = json(cli().run("--json", "contacts"));
    for (String field : List.of("name", "emails", "phones", "organization", "notes", "since")) {
      assertThat(after.get(0).get(field)).as(field).isEqualTo(before.get(0).get(field));
    }
    assertThat(after.get(0).get("name").asText()).isEqualTo("=HYPERLINK(\"http://evil.example\")");
  }

  @Test
  void csvExportReadsBackNamesWithACommaAndANoteThatStartsWithAnApostrophe() throws Exception {
    Path in = files.resolve("odd.vcf");
    Files.writeString(in, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Okafor\\, Chinedu\r\nEMAIL:chinedu@example.ng\r\n"
        + "NOTE:'=quoted already\r\nEND:VCARD\r\n");
    cli().run("import", in.toString());
    Path out = files.resolve("odd.csv");
    assertThat(cli().run("export", "--format", "csv", "--out", out.toString()).exitCode()).isZero();
    Cli elsewhere = new Cli(files.resolve("fresh-home")).env("KITH_NOW", "2026-01-05T09:00:00Z");
    assertThat(elsewhere.run("import", out.toString()).exitCode()).isZero();
    JsonNode back = json(elsewhere.run("--json", "contacts")).get(0);
    assertThat(back.get("name").asText()).isEqualTo("Okafor, Chinedu");
    assertThat(back.get("notes").asText()).isEqualTo("'=quoted already");
  }

  @Test
  void anUnknownExportFormatIsOneClearSentence() {
    Cli.Result folder = cli().run("export", "--format", "csv", "--out", files.toString());
    assertThat(folder.exitCode()).isEqualTo(2);
    assertThat(folder.err()).contains("it is a folder").doesNotContain("unexpected");
    Cli.Result nowhere = cli().run("export", "--format", "vcf", "--out", files.resolve("no/such/dir/x.vcf").toString());
    assertThat(nowhere.exitCode()).isEqualTo(2);
    assertThat(nowhere.err()).contains("does not exist");
    Cli.Result r = cli().run("export", "--format", "xlsx");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--format must be vcf, csv or ics").doesNotContain("Exception");
    Cli.Result ics = cli().run("export", "--format", "ics");
    assertThat(ics.exitCode()).as(ics.toString()).isZero();
    assertThat(ics.out()).startsWith("BEGIN:VCALENDAR");
    // --json is for a summary: with --out, as for vcf and csv; without it, refused as for them
    assertThat(cli().run("--json", "export", "--format", "ics").exitCode()).isEqualTo(2);
    Cli.Result summary = cli().run("--json", "export", "--format", "ics", "--out", files.resolve("r.ics").toString());
    assertThat(summary.exitCode()).isZero();
    assertThat(summary.out()).contains("\"format\" : \"ics\"");
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
