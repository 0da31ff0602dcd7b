package app.kith.ingest.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.contacts.ContactData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telling the format from the content, and mapping each export's columns. */
class ContactFormatTest {

  static final String LINKEDIN =
      "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing."
          + " You will only see email addresses for connections who have allowed their connections to see or download"
          + " their email address using this setting https://www.linkedin.com/psettings/privacy/email.\"\r\n\r\n"
          + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
          + "Amara,Okafor,https://www.linkedin.com/in/amara,amara@example.com,Brightwater Labs,Head of Product,12 Mar 2024\r\n";

  static final String GOOGLE =
      "First Name,Middle Name,Last Name,Phonetic First Name,Organization Name,Organization Title,Birthday,Notes,Labels,"
          + "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value\n"
          + "Sofia,,Berg,,Nordlicht,Founder,--02-29,Met in Malmö,* myContacts,Work,sofia@work.example ::: * sofia@home.example,"
          + "Other,sb@old.example,Mobile,+46 70 123 45 67 ::: +46 8 555 01 23\n";

  static final String OUTLOOK_DESKTOP =
      "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\",\"Department\",\"Job Title\","
          + "\"Business Phone\",\"Mobile Phone\",\"Business Fax\",\"Birthday\",\"E-mail Address\",\"E-mail Type\","
          + "\"E-mail Display Name\",\"E-mail 2 Address\",\"E-mail 2 Type\",\"Notes\"\r\n"
          + "\"Dr.\",\"Lena\",\"\",\"Vogel\",\"\",\"Contoso Ltd\",\"R&D\",\"Chief Scientist\",\"+49 30 1234567\",\"\","
          + "\"+49 30 7654321\",\"4/7/1979\",\"/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=lvogel\",\"EX\",\"Lena Vogel\","
          + "\"lena.vogel@contoso.example\",\"SMTP\",\"\"\r\n";

  static final String OUTLOOK_COM =
      "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,"
          + "E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Mobile Phone,Company,Job Title,Birthday,Notes\r\n"
          + "Tom,,Ashby,,,,,,tom@ashby.example,,,,,,07700 900456,Ashby & Co,Owner,0/0/00,\r\n";

  static final String GOOGLE_LEGACY =
      "Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
          + "E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n"
          + "Ana Silva,Ana,,Silva,1990-02-01,,* My Contacts,Home,ana@home.example,* Work,ana@work.example,Work Fax,+351 21 000 0000,"
          + "Tejo Lda,Architect\n";

  static final String SEMICOLON =
      "NAME;EMAIL;PHONE;COMPANY;TITLE\nNoor Haddad;noor@example.org;+971 4 123 4567;Sahel Partners;Analyst\n";

  static final String THUNDERBIRD =
      "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,Mobile Number,Organization,Job Title\n"
          + "John,Doe,Johnny D,,john@doe.example,jd@doe.example,,+1 555 0100,Doe Inc,CEO\n";

  static CsvSource.Sniff sniff(String text) {
    return CsvSource.sniffLines(text.lines().toList(), StandardCharsets.UTF_8, 0);
  }

  static Draft firstRow(String text) throws Exception {
    CsvSource.Sniff s = sniff(text);
    List<String> lines = text.lines().toList();
    String row = lines.get(s.headerLine() + 1);
    List<String> cells =
        org.apache.commons.csv.CSVParser.builder()
            .setReader(new java.io.StringReader(row))
            .setFormat(org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(s.delimiter()).get())
            .get()
            .getRecords()
            .get(0)
            .toList();
    return s.layout().map(cells);
  }

  @Test
  void formatsAreToldFromTheContent() {
    assertThat(sniff(LINKEDIN).layout().format).isEqualTo("linkedin-csv");
    assertThat(sniff(LINKEDIN).headerLine()).isEqualTo(3);
    assertThat(sniff(GOOGLE).layout().format).isEqualTo("google-csv");
    assertThat(sniff(GOOGLE_LEGACY).layout().format).isEqualTo("google-csv");
    assertThat(sniff(OUTLOOK_DESKTOP).layout().format).isEqualTo("outlook-csv");
    assertThat(sniff(OUTLOOK_COM).layout().format).isEqualTo("outlook-csv");
    assertThat(sniff(SEMICOLON).layout().format).isEqualTo("generic-csv");
    assertThat(sniff(SEMICOLON).delimiter()).isEqualTo(';');
    assertThat(sniff(THUNDERBIRD).layout().format).isEqualTo("generic-csv");
    assertThat(sniff("just some words, no contacts here\nand more words\n")).isNull();
    assertThat(sniff("a,b,c\n1,2,3\n")).isNull();
  }

  @Test
  void vcardIsToldFromTheContentAndCalendarsAreNot() {
    byte[] card = "\r\n\r\nbegin:vcard\r\nversion:3.0\r\nFN:x\r\nend:vcard\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] cal = "BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(ContactFileImporter.isVCard(card, card.length)).isTrue();
    assertThat(ContactFileImporter.isVCard(cal, cal.length)).isFalse();
  }

  @Test
  void linkedInConnectedOnBecomesSince() throws Exception {
    Draft d = firstRow(LINKEDIN);
    assertThat(d.name).isEqualTo("Amara Okafor");
    assertThat(d.emails).containsExactly("amara@example.com");
    assertThat(d.organization).isEqualTo("Brightwater Labs");
    assertThat(d.title).isEqualTo("Head of Product");
    assertThat(d.since).isEqualTo(LocalDate.of(2024, 3, 12));
  }

  @Test
  void googleMultiValuesAndPrimaryMarks() throws Exception {
    Draft d = firstRow(GOOGLE);
    assertThat(d.name).isEqualTo("Sofia Berg");
    assertThat(d.emails).containsExactly("sofia@home.example", "sofia@work.example", "sb@old.example");
    assertThat(d.phones).containsExactly("+46 70 123 45 67", "+46 8 555 01 23");
    assertThat(d.organization).isEqualTo("Nordlicht");
    assertThat(d.title).isEqualTo("Founder");
    assertThat(d.birthday).isEqualTo("--02-29");
    assertThat(d.notes).isEqualTo("Met in Malmö");
  }

  @Test
  void legacyGoogleNumberedColumnsByNameWithPrimaryTypeAndNoFax() throws Exception {
    Draft d = firstRow(GOOGLE_LEGACY);
    assertThat(d.name).isEqualTo("Ana Silva");
    assertThat(d.emails).containsExactly("ana@work.example", "ana@home.example");
    assertThat(d.phones).isEmpty();
    assertThat(d.organization).isEqualTo("Tejo Lda");
    assertThat(d.title).isEqualTo("Architect");
    assertThat(d.birthday).isEqualTo("1990-02-01");
  }

  @Test
  void outlookDesktopSkipsExchangeAddressesAndHonorifics() throws Exception {
    Draft d = firstRow(OUTLOOK_DESKTOP);
    assertThat(d.name).isEqualTo("Lena Vogel");
    assertThat(d.emails).containsExactly("lena.vogel@contoso.example");
    assertThat(d.phones).containsExactly("+49 30 1234567");
    assertThat(d.organization).isEqualTo("Contoso Ltd");
    assertThat(d.title).isEqualTo("Chief Scientist");
    assertThat(d.birthday).isEqualTo("1979-04-07");
  }

  @Test
  void outlooksProfessionIsTheTitleOfARowWithoutAJobTitle() throws Exception {
    String header = "\"First Name\",\"Last Name\",\"Company\",\"Job Title\",\"E-mail Address\",\"Profession\"\r\n";
    Draft onlyProfession = firstRow(header + "\"Ines\",\"Moll\",\"\",\"\",\"ines@moll.example\",\"Architect\"\r\n");
    assertThat(onlyProfession.title).isEqualTo("Architect");
    Draft both = firstRow(header + "\"Ines\",\"Moll\",\"Moll Bau\",\"Managing Director\",\"ines@moll.example\",\"Architect\"\r\n");
    assertThat(both.title).isEqualTo("Managing Director");
    Draft german = firstRow("Vorname,Nachname,E-Mail-Adresse,Position,Beruf\r\nJonas,Brandt,jonas@brandt.example,,Tischler\r\n");
    assertThat(german.title).isEqualTo("Tischler");
  }

  @Test
  void outlookComWithItsEmptyBirthday() throws Exception {
    Draft d = firstRow(OUTLOOK_COM);
    assertThat(d.name).isEqualTo("Tom Ashby");
    assertThat(d.emails).containsExactly("tom@ashby.example");
    assertThat(d.phones).containsExactly("07700 900456");
    assertThat(d.title).isEqualTo("Owner");
    assertThat(d.birthday).isNull();
    assertThat(d.notesOnRecord).as("0/0/00 is Outlook's \"no birthday\", not a problem").isEmpty();
  }

  @Test
  void genericHeadersInAnyCaseAndThunderbirdNames() throws Exception {
    Draft d = firstRow(SEMICOLON);
    assertThat(d.name).isEqualTo("Noor Haddad");
    assertThat(d.emails).containsExactly("noor@example.org");
    assertThat(d.phones).containsExactly("+971 4 123 4567");
    assertThat(d.organization).isEqualTo("Sahel Partners");
    assertThat(d.title).isEqualTo("Analyst");
    Draft t = firstRow(THUNDERBIRD);
    assertThat(t.name).isEqualTo("Johnny D");
    assertThat(t.emails).containsExactly("john@doe.example", "jd@doe.example");
    assertThat(t.phones).containsExactly("+1 555 0100");
  }

  @Test
  void mixedDelimitersAreRefused() {
    assertThat(sniff("Name,Email,Phone,Company\nA,a@x.example,1,C\nB\tb@x.example\t2\tD\n").problem())
        .isEqualTo("mixed delimiters: line 1 is separated by ',' but line 3 by 'tab'");
  }

  @Test
  void anotherDelimiterInsideACellIsNoMixOfDelimiters() {
    // Outlook desktop quotes every cell; a note runs over lines and one of them lists things with ';'
    String outlook = "\"First Name\",\"Last Name\",\"E-mail Address\",\"Notes\"\r\n"
        + "\"Léa\",\"Martin\",\"lea@example.fr\",\"Met in Lyon.\r\nKids: Noé; Chloé; Jules\r\nLikes jazz\"\r\n"
        + "\"Tom\",\"Ashby\",\"tom@example.org\",\"\"\r\n"
        + "\"Ann\",\"Lee\",\"ann@example.org\",\"\"\r\n";
    assertThat(sniff(outlook).problem()).isNull();
    // Excel in a ';' locale quotes only cells holding a ';', a quote or a line break
    String excel = "Name;E-mail;Notes\nJonas Weber;jonas@example.de;Interests: sailing, golf, wine, jazz\n"
        + "Eva Roth;eva@example.de;\"Hauptstr. 1, 10115 Berlin\nGermany\"\nMax Bauer;max@example.de;\n";
    assertThat(sniff(excel).problem()).isNull();
    assertThat(sniff(excel).delimiter()).isEqualTo(';');
  }

  @Test
  void outlookInGermanOrFrenchNamesItsColumnsSo() throws Exception {
    Draft de = firstRow("\"Anrede\",\"Vorname\",\"Weitere Vornamen\",\"Nachname\",\"Suffix\",\"Firma\",\"Abteilung\",\"Position\","
        + "\"Telefon geschäftlich\",\"Telefon Firma\",\"Mobiltelefon\",\"Fax geschäftlich\",\"Geburtstag\",\"E-Mail-Adresse\","
        + "\"E-Mail-Typ\",\"E-Mail: Angezeigter Name\",\"E-Mail 2: Adresse\",\"Notizen\"\r\n"
        + "\"Herr\",\"Jürgen\",\"\",\"Größ\",\"\",\"Müller & Söhne KG\",\"\",\"Geschäftsführer\",\"+49 30 555\",\"+49 30 100\","
        + "\"+49 172 555\",\"+49 30 556\",\"15.03.1970\",\"juergen@mueller-soehne.example\",\"SMTP\","
        + "\"Jürgen Größ (juergen@mueller-soehne.example)\",\"jg@privat.example\",\"Sehr pünktlich\"\r\n");
    assertThat(de.name).isEqualTo("Jürgen Größ");
    assertThat(de.emails).containsExactly("juergen@mueller-soehne.example", "jg@privat.example");
    assertThat(de.phones).containsExactly("+49 30 555", "+49 172 555");
    assertThat(de.organization).isEqualTo("Müller & Söhne KG");
    assertThat(de.title).isEqualTo("Geschäftsführer");
    assertThat(de.birthday).isEqualTo("1970-03-15");
    assertThat(de.notes).isEqualTo("Sehr pünktlich");
    Draft fr = firstRow("Prénom,Nom,Société,Fonction,Téléphone mobile,Adresse de messagerie,Type de messagerie,Anniversaire\r\n"
        + "Hélène,Dubois,Société Générale,Analyste,+33 6 12 34 56 78,helene@example.fr,SMTP,01/12/1990\r\n");
    assertThat(fr.name).isEqualTo("Hélène Dubois");
    assertThat(fr.emails).containsExactly("helene@example.fr");
    assertThat(fr.phones).containsExactly("+33 6 12 34 56 78");
    assertThat(fr.organization).isEqualTo("Société Générale");
    assertThat(fr.title).isEqualTo("Analyste");
    assertThat(fr.birthday).isEqualTo("1990-12-01");
  }

  @Test
  void crmExportsKeepTheirMetadataColumnsOutOfAddressesAndPhones() throws Exception {
    Draft zoho = firstRow("Record Id,Salutation,First Name,Last Name,Title,Account Name,Email,Secondary Email,Owner Email,"
        + "Email Opt Out,Phone,Phone Extension,Asst Phone,Mobile,Description,Marketing emails opened,Email Domain\r\n"
        + "zcrm_1,Ms.,Jane,Doe,CTO,Acme,jane@acme.example,jane@home.example,sam@vendor.example,false,+1 555 0100,12,"
        + "+1 555 0111,+1 555 0199,Met at the fair,3,acme.example\r\n");
    assertThat(zoho.name).isEqualTo("Jane Doe");
    assertThat(zoho.title).isEqualTo("CTO");
    assertThat(zoho.organization).isEqualTo("Acme");
    assertThat(zoho.emails).containsExactly("jane@acme.example", "jane@home.example");
    assertThat(zoho.phones).containsExactly("+1 555 0100", "+1 555 0199");
    assertThat(zoho.notes).isEqualTo("Met at the fair");
    Draft sf = firstRow("FIRSTNAME,LASTNAME,TITLE,EMAIL,MOBILEPHONE,HOMEPHONE,HASOPTEDOUTOFEMAIL,DONOTCALL\r\n"
        + "Bob,Smith,Buyer,bob@smith.example,+1 555 0142,+1 555 0143,false,false\r\n");
    assertThat(sf.title).isEqualTo("Buyer");
    assertThat(sf.emails).containsExactly("bob@smith.example");
    assertThat(sf.phones).containsExactly("+1 555 0142", "+1 555 0143");
    Draft pipedrive = firstRow("Person - Name,Person - First name,Person - Last name,Person - Organization,"
        + "Person - Email - Work,Person - Phone - Mobile,Person - Owner\r\n"
        + "Rui Costa,Rui,Costa,Atlântico Lda,rui@atlantico.example,+351 912 345 678,Ana Lima\r\n");
    assertThat(pipedrive.name).isEqualTo("Rui Costa");
    assertThat(pipedrive.organization).isEqualTo("Atlântico Lda");
    assertThat(pipedrive.emails).containsExactly("rui@atlantico.example");
    assertThat(pipedrive.phones).containsExactly("+351 912 345 678");
  }

  @Test
  void aShortNumberAloneTellsNoOne() {
    Draft d = new Draft();
    d.phone("12", false);
    assertThat(d.finish(10_000)).isNull();
    assertThat(d.reject).contains("too short");
    Draft named = new Draft();
    named.name = "Pizza Roma";
    named.phone("112", false);
    assertThat(named.finish(10_000)).isNotNull();
  }

  @Test
  void theCompanySwitchboardIsNoOnesOwnPhone() throws Exception {
    Draft d = firstRow("First Name,Last Name,E-mail Address,Company Main Phone,Mobile Phone,Business Phone\r\n"
        + "Siobhán,Kelly,siobhan@example.ie,+353 1 555 0100,+353 87 123 4567,+353 1 555 0142\r\n");
    assertThat(d.phones).containsExactly("+353 87 123 4567", "+353 1 555 0142");
  }

  @Test
  void notesKeepTheirLineBreaksAsOneNewline() {
    Draft d = new Draft();
    d.name = "Ann";
    d.notes = "Met at PyCon.\r\nLikes climbing.\rOld Mac line.";
    assertThat(d.finish(10_000).notes()).isEqualTo("Met at PyCon.\nLikes climbing.\nOld Mac line.");
  }

  @Test
  void outlookDatesFollowTheOrderTheFileShows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String header = "First Name,Last Name,E-mail Address,Business Phone,Company,Job Title,Birthday\r\n";
    // a UK Outlook: 15/03/1985 can only be day first, so 03/04/1990 is 3 April
    assertThat(birthdays(dir.resolve("uk.csv"), header + "Siobhán,Kelly,s@example.ie,,,,03/04/1990\r\n"
        + "Niamh,Byrne,n@example.ie,,,,15/03/1985\r\n")).containsExactly("1990-04-03", "1985-03-15");
    // a US one as before: month first
    assertThat(birthdays(dir.resolve("us.csv"), header + "Tom,Ashby,t@example.com,,,,3/4/1990\r\n"
        + "Ann,Lee,a@example.com,,,,3/15/1985\r\n")).containsExactly("1990-03-04", "1985-03-15");
    // nothing to tell by, or both orders: each format's default
    assertThat(birthdays(dir.resolve("plain.csv"), header + "Tom,Ashby,t@example.com,,,,3/4/1990\r\n"))
        .containsExactly("1990-03-04");
    assertThat(birthdays(dir.resolve("both.csv"), header + "Tom,Ashby,t@example.com,,,,3/4/1990\r\n"
        + "Ann,Lee,a@example.com,,,,3/15/1985\r\nBo,Ek,b@example.com,,,,15/3/1985\r\n"))
        .containsExactly("1990-03-04", "1985-03-15", "1985-03-15");
  }

  @Test
  void aStrayQuoteCostsNoMoreThanItsOwnRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String header = "Name,Email,Company\n";
    // closed by a quote further down: the rows between were one garbled name
    assertThat(rows(dir.resolve("closed.csv"), header + "Ann One,ann@example.org,Acme\n\"Bob Two,bob@example.org,Beta\n"
        + "Cy Three,cy@example.org,Gamma\nDi Four,di@example.org,\"Delta, Inc\"\n"))
        .containsExactly("row 2: Ann One <ann@example.org> Acme", "row 3: Bob Two <bob@example.org> Beta"
            + " [a quote (\") in this row is not closed where the row ends; its quotes are read as plain characters and left out]",
            "row 4: Cy Three <cy@example.org> Gamma", "row 5: Di Four <di@example.org> Delta, Inc");
    // never closed: the rest of the file was one rejected record
    assertThat(rows(dir.resolve("open.csv"), header + "Ann One,ann@example.org,Acme\nBob \"Two,bob@example.org,\"Beta, Inc\n"
        + "Cy Three,cy@example.org,Gamma\n"))
        .containsExactly("row 2: Ann One <ann@example.org> Acme",
            "row 3: rejected: a quote (\") opened in this row is never closed; the row is left out, the rows after it are read",
            "row 4: Cy Three <cy@example.org> Gamma");
    // a name over two lines is no stray quote, nor are notes over several
    assertThat(rows(dir.resolve("lines.csv"), "Name,Email,Notes\n\"Jane\nDoe\",jane@example.org,\"one, two\nthree, four\"\n"
        + "Bo Ek,bo@example.org,\n"))
        .containsExactly("row 2: Jane Doe <jane@example.org> null", "row 5: Bo Ek <bo@example.org> null");
  }

  @Test
  void strayQuotesOnManyRowsStopAfterAFew(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    StringBuilder text = new StringBuilder("Name,Email,Company\n");
    for (int i = 0; i < CsvSource.MAX_RESTARTS + 5; i++) {
      text.append("P").append(i).append(",p").append(i).append("@example.org,\"Co ").append(i).append(", Ltd\n");
    }
    List<String> out = rows(dir.resolve("many.csv"), text.toString());
    assertThat(out).hasSize(CsvSource.MAX_RESTARTS + 1);
    assertThat(out.get(out.size() - 1)).contains("the rest of the file is left out");
  }

  @Test
  void aRowThatAQuotedNoteRanIntoIsReadAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertThat(rows(dir.resolve("notes.csv"), "Name,Email,Phone,Company,Title,Notes\n"
        + "Emma Stone,emma@stone.example,+1 310 555 0199,Acme,Actor,\"Said she'd call back\n"
        + "Finn Olsen,finn@olsen.example,+47 912 34 567,Equinor,Geologist,\"Likes \"\"fika\"\"\"\n"
        + "Hana Sato,hana@sato.example,,Sony,PM,\"Two\nlines, one comma\"\n"))
        .containsExactly("row 2: Emma Stone <emma@stone.example> Acme [a quote (\") in this row is not closed where the row"
            + " ends; its quotes are read as plain characters and left out]", "row 3: Finn Olsen <finn@olsen.example> Equinor",
            "row 4: Hana Sato <hana@sato.example> Sony");
  }

  @Test
  void handMadeAndServiceExports(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // a space after each comma, before a quoted cell
    assertThat(rows(dir.resolve("spaces.csv"), "Name, Email, Company, Title\n"
        + "Peter Pan, peter@pan.example, \"Neverland, Ltd\", \"Captain, Lost Boys\"\n"))
        .containsExactly("row 2: Peter Pan <peter@pan.example> Neverland, Ltd");
    // Eventbrite's second ticket of an order whose buyer gave no details for it
    assertThat(rows(dir.resolve("eventbrite.csv"), "Order #,First Name,Last Name,Email,Cell Phone,Company,Buyer Email\n"
        + "8812345672,Info,Requested,Info Requested,Info Requested,Info Requested,olu@adeyemi.example\n"))
        .containsExactly("row 2: rejected: the attendee's details were not collected (Eventbrite's \"Info Requested\")");
    // an address with its display name; a name written family name first
    assertThat(rows(dir.resolve("named.csv"), "Name,Email\n\"Two, Bravo\",\"\"\"Bravo Two\"\" <bravo@two.example>\"\n"
        + "\"Doe, Jane, MBA\",jane@doe.example\n\"Nguyen, PhD\",sarah@nguyen.example\n"))
        .containsExactly("row 2: Bravo Two <bravo@two.example> null [e-mail '\"Bravo Two\" <bravo@two.example>' has a display"
            + " name; the address bravo@two.example is kept]", "row 3: Doe, Jane, MBA <jane@doe.example> null",
            "row 4: Nguyen, PhD <sarah@nguyen.example> null");
    // Mailchimp writes its birthdays MM/DD
    assertThat(birthdays(dir.resolve("mailchimp.csv"), "Email Address,First Name,Last Name,Birthday,MEMBER_RATING,OPTIN_TIME,LEID,EUID\n"
        + "hedy@lamarr.example,Hedy,Lamarr,11/09,2,2023-05-01 10:00:00,123456,abcd1234\n")).containsExactly("--11-09");
  }

  @Test
  void moreWaysToNameACompanyATitleAndTheDayMetAndATotalRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    for (String[] h : new String[][] {{"Company / Organization", "Job title at company"}, {"Current Company", "Occupation"},
        {"Affiliation", "Designation"}, {"Where do you work?", "What do you do?"}, {"Works at", "Your role"}}) {
      CsvSource.Sniff s = sniff("Name,Email,\"" + h[0] + "\",\"" + h[1] + "\"\nAda Lovelace,ada@example.com,Analytical,Countess\n");
      Draft d = s.layout().map(List.of("Ada Lovelace", "ada@example.com", "Analytical", "Countess"));
      assertThat(List.of(String.valueOf(d.organization), String.valueOf(d.title))).as(h[0] + " / " + h[1])
          .containsExactly("Analytical", "Countess");
    }
    List<String> since = new java.util.ArrayList<>();
    for (RecordSource.Rec r : recs(dir.resolve("scans.csv"), "First Name,Last Name,Company,Email,Scanned At\n"
        + "Kenji,Watanabe,Rakuten,kenji@example.jp,5/14/2025 10:32 AM\nOlu,Adeyemi,Paystack,olu@example.ng,2025-05-15 09:01:00\n"
        + "Total: 2,,,,\n")) {
      ContactData d = r.draft().finish(10_000);
      since.add(d == null ? "rejected: " + r.draft().reject : String.valueOf(d.since()));
    }
    assertThat(since).containsExactly("2025-05-14", "2025-05-15", "rejected: a spreadsheet's total row, not a person");
  }

  @Test
  void phoneColumnsAsGermanSpanishAndDutchExportsNameThem() {
    for (String header : new String[] {"Mobil", "Mobilnummer", "Telefonnummer", "Handynummer", "Rufnummer", "Festnetz",
        "Celular", "Telefoonnummer", "GSM"}) {
      CsvSource.Sniff s = sniff("Name;E-Mail;" + header + ";Kundennummer\nHans Müller;hans@example.de;0171 2345678;K-1001\n");
      Draft d = s.layout().map(List.of("Hans Müller", "hans@example.de", "0171 2345678", "K-1001"));
      assertThat(d.phones).as(header).containsExactly("0171 2345678");
    }
  }

  @Test
  void severalNumbersInOnePhoneCell() {
    Draft d = new Draft();
    d.name = "Wei Zhang";
    d.phone("+86 10 1234 5678 / +86 139 0000 0000", false);
    d.phone("+1 555 010 0123; +1 555 010 0456", false);
    d.phone("0170/1234567", false); // a German area code, one number
    d.phone("+1-418-656-9254;ext=102", false); // an extension, one number
    assertThat(d.finish(10_000).phones()).containsExactly("+86 10 1234 5678", "+86 139 0000 0000", "+1 555 010 0123",
        "+1 555 010 0456", "0170/1234567", "+1-418-656-9254;ext=102");
  }

  /** Each row as "where: name <emails> organization [notes]", or "where: rejected: reason". */
  static List<String> rows(java.nio.file.Path file, String text) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (RecordSource.Rec r : recs(file, text)) {
      if (r.reject() != null) {
        out.add(r.where() + ": rejected: " + r.reject());
        continue;
      }
      if (r.noteOnly()) {
        out.add(r.where() + ": note: " + String.join("; ", r.notes()));
        continue;
      }
      ContactData d = r.draft().finish(10_000);
      if (d == null) {
        out.add(r.where() + ": rejected: " + r.draft().reject);
        continue;
      }
      List<String> notes = new java.util.ArrayList<>(r.notes());
      notes.addAll(r.draft().notesOnRecord);
      out.add(r.where() + ": " + d.name() + " <" + String.join(", ", d.emails()) + "> " + d.organization()
          + (notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]"));
    }
    return out;
  }

  /** Each record as "name | emails | phones | organization | title | birthday". */
  static List<String> fields(java.nio.file.Path file, String text) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (RecordSource.Rec r : recs(file, text)) {
      ContactData d = r.reject() == null ? r.draft().finish(10_000) : null;
      out.add(d == null ? "rejected" : String.join(" | ", String.valueOf(d.name()), String.join(", ", d.emails()),
          String.join(", ", d.phones()), String.valueOf(d.organization()), String.valueOf(d.title()), String.valueOf(d.birthday())));
    }
    return out;
  }

  @Test
  void outlookInMoreLanguagesAndHandMadeListsInTheirOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertThat(fields(dir.resolve("it.csv"), "\"Nome\";\"Cognome\";\"Società\";\"Posizione\";\"Cellulare\";\"Compleanno\";"
        + "\"Indirizzo posta elettronica\";\"Nome visualizzato posta elettronica\"\r\n\"Giovanni\";\"D'Alessandro\";\"Fiat S.p.A.\";"
        + "\"Responsabile acquisti\";\"+39 333 7654321\";\"14/03/1985\";\"g.dalessandro@example.it\";\"Giovanni D'Alessandro\"\r\n"))
        .containsExactly("Giovanni D'Alessandro | g.dalessandro@example.it | +39 333 7654321 | Fiat S.p.A. | Responsabile acquisti"
            + " | 1985-03-14");
    assertThat(fields(dir.resolve("sv.csv"), "Förnamn;Efternamn;Företag;Befattning;Mobiltelefon;Födelsedag;E-postadress\r\n"
        + "Åsa;Lindström;Ericsson AB;Säljchef;070-123 45 67;1980-05-17;asa@example.se\r\n"))
        .containsExactly("Åsa Lindström | asa@example.se | 070-123 45 67 | Ericsson AB | Säljchef | 1980-05-17");
    assertThat(fields(dir.resolve("pt.csv"), "Nome;Sobrenome;Empresa;Cargo;Telefone comercial;Aniversário;Endereço de email\r\n"
        + "João;Silva;Petrobras;Engenheiro;+55 21 3224 5000;1979-12-01;joao@example.com.br\r\n"))
        .containsExactly("João Silva | joao@example.com.br | +55 21 3224 5000 | Petrobras | Engenheiro | 1979-12-01");
    // Polish Outlook's display-name column is not the address
    assertThat(fields(dir.resolve("pl.csv"), "Imię;Nazwisko;Firma;Adres e-mail;Typ e-mail;Nazwa wyświetlana e-mail\r\n"
        + "Lukasz;Wojcik;PKO BP;lukasz@example.pl;SMTP;Lukasz Wojcik (lukasz@example.pl)\r\n"))
        .containsExactly("Lukasz Wojcik | lukasz@example.pl |  | PKO BP | null | null");
    // French Outlook writes "Titre" twice: the honorific before the first name, then the job title
    assertThat(fields(dir.resolve("fr.csv"), "Titre,Prénom,Nom,Société ,Titre,Adresse de messagerie\r\n"
        + "M.,François,Lefèvre,Société Générale,Directeur financier,f.lefevre@example.fr\r\n"))
        .containsExactly("François Lefèvre | f.lefevre@example.fr |  | Société Générale | Directeur financier | null");
    // a German list's "Name" beside "Vorname" is the family name; the Dutch "tussenvoegsel" sits in between
    assertThat(fields(dir.resolve("de.csv"), "Name;Vorname;E-Mail;Unternehmen;Bemerkung\r\nMüller;Hans;hans@example.de;Bosch;x\r\n"))
        .containsExactly("Hans Müller | hans@example.de |  | Bosch | null | null");
    assertThat(fields(dir.resolve("nl.csv"), "Achternaam;Voornaam;Tussenvoegsel;Bedrijfsnaam;Verjaardag\r\nBerg;Jan;van den;Philips;14-3-1985\r\n"))
        .containsExactly("Jan van den Berg |  |  | Philips | null | 1985-03-14");
    // Japanese headers; Zoom's participant list; Outlook's "Name (address)" form in an e-mail cell
    assertThat(fields(dir.resolve("ja.csv"), "姓,名,メールアドレス,携帯電話,会社名,役職\r\n山田,太郎,taro@example.jp,090-1234-5678,ソニー,部長\r\n"))
        .containsExactly("山田太郎 | taro@example.jp | 090-1234-5678 | ソニー | 部長 | null");
    assertThat(fields(dir.resolve("zoom.csv"), "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n"
        + "Dimitra Papadopoulou,dimitra@example.gr,03/21/2024 09:01:12 AM,03/21/2024 10:00:40 AM,60\r\n"
        + "iPhone de Luis (Luis Ortega),luis@example.mx,03/21/2024 09:02:00 AM,03/21/2024 10:00:40 AM,59\r\n"))
        .containsExactly("Dimitra Papadopoulou | dimitra@example.gr |  | null | null | null",
            "Luis Ortega | luis@example.mx |  | null | null | null");
    // a Salesforce report's footer is no contact, and where it starts the file ends
    assertThat(rows(dir.resolve("salesforce.csv"), "\"Contact Name\",\"Account Name\",\"Email\"\r\n"
        + "\"Aoife Ní Bhriain\",\"Initech\",\"aoife@initech.example\"\r\n\"\"\r\n\"Confidential Information - Do Not Distribute\"\r\n"
        + "\"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.\"\r\n\"\"\r\n"
        + "\"Generated By:  Sam Admin  3/21/2024 9:12 AM\"\r\n\"Initech, Ltd.\"\r\n"))
        .containsExactly("row 2: Aoife Ní Bhriain <aoife@initech.example> Initech",
            "row 4: note: Salesforce's report footer (\"Confidential Information - Do Not Distribute\" and the lines after it) is no"
                + " contact; left out");
    assertThat(rows(dir.resolve("paren.csv"), "Name,Email,Phone\r\nAnna Berg,Anna Berg (anna@example.se),+46 70 1234567\r\n"))
        .containsExactly("row 2: Anna Berg <anna@example.se> null [e-mail 'Anna Berg (anna@example.se)' has a display name;"
            + " the address anna@example.se is kept]");
  }

  static List<String> birthdays(java.nio.file.Path file, String text) throws Exception {
    return recs(file, text).stream().map(r -> r.draft().birthday).toList();
  }

  /** Every record of the text (or, with none, of the file as it is), written to the file and read as a contact CSV. */
  static List<RecordSource.Rec> recs(java.nio.file.Path file, String text) throws Exception {
    if (text != null) {
      java.nio.file.Files.writeString(file, text);
    }
    byte[] head = java.nio.file.Files.readAllBytes(file);
    List<RecordSource.Rec> out = new java.util.ArrayList<>();
    try (CsvSource s = new CsvSource(file, CsvSource.sniff(file, head, head.length))) {
      for (RecordSource.Rec r = s.next(); r != null; r = s.next()) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void datesAsExportsWriteThem() {
    assertThat(Dates.birthday("4/7/1979", true)).isEqualTo("1979-04-07");
    assertThat(Dates.birthday("20/01/1991", true)).isEqualTo("1991-01-20");
    assertThat(Dates.birthday("02.01.1990", true)).isEqualTo("1990-01-02");
    // Dutch Outlook's d-M-yyyy, day first even in a month-first file unless the numbers say otherwise
    assertThat(Dates.birthday("14-3-1985", true)).isEqualTo("1985-03-14");
    assertThat(Dates.birthday("4-7-1979", true)).isEqualTo("1979-07-04");
    assertThat(Dates.birthday("3-14-1985", false)).isEqualTo("1985-03-14");
    assertThat(Dates.birthday("0/0/00", true)).isNull();
    assertThat(Dates.birthday("--0229", false)).isEqualTo("--02-29");
    assertThat(Dates.birthday("19781229", false)).isEqualTo("1978-12-29");
    assertThat(Dates.birthday("1604-05-06", false)).as("Apple's year for none").isEqualTo("--05-06");
    assertThat(Dates.birthday("1603-05-06", false)).isNull();
    assertThat(Dates.slashedOrder("15/03/1985")).isFalse();
    assertThat(Dates.slashedOrder("3/15/1985")).isTrue();
    assertThat(Dates.slashedOrder("03/04/1990")).isNull();
    assertThat(Dates.slashedOrder("15.03.1985")).as("dotted dates are day first anyway").isNull();
    // a birthday without its year: Mailchimp's MM/DD, a German dd.mm.
    assertThat(Dates.birthday("03/14", true)).isEqualTo("--03-14");
    assertThat(Dates.birthday("04/07", true)).isEqualTo("--04-07");
    assertThat(Dates.birthday("04/07", false)).isEqualTo("--07-04");
    assertThat(Dates.birthday("25/12", true)).as("only one way to read it").isEqualTo("--12-25");
    assertThat(Dates.birthday("14.03.", true)).isEqualTo("--03-14");
    assertThat(Dates.birthday("02/30", true)).isNull();
    assertThat(Dates.slashedOrder("12/25")).isTrue();
    // Outlook's year for none, as Apple's
    assertThat(Dates.birthday("3/14/1604", true)).isEqualTo("--03-14");
    assertThat(Dates.birthday("14/03/1604", false)).isEqualTo("--03-14");
    assertThat(Dates.date("12 Mar 2024", false)).isEqualTo(LocalDate.of(2024, 3, 12));
    assertThat(Dates.date("3 mar 2024", false)).isEqualTo(LocalDate.of(2024, 3, 3));
    assertThat(Dates.date("12-Mar-24", false)).isEqualTo(LocalDate.of(2024, 3, 12));
    assertThat(Dates.date("sometime", false)).isNull();
    assertThat(Dates.date("01 Dec 1999", false)).isEqualTo(LocalDate.of(1999, 12, 1));
    assertThat(Dates.date("12 Foo 2024", false)).isNull();
    assertThat(Dates.date("12 Mar 2O24", false)).isNull();
    assertThat(Dates.date("31 Feb 2024", false)).isNull();
    assertThat(Dates.date("29 Feb 2024", false)).isEqualTo(LocalDate.of(2024, 2, 29));
    // written out with the month's name (Notion, Numbers, Excel) or year first (Japanese, Chinese)
    for (String written : new String[] {"March 15, 1985", "Mar 15, 1985", "Mar 15 1985", "15 March 1985", "15-Mar-1985",
        "15-Mar-85", "Friday, March 15, 1985", "Fri, Mar 15, 1985", "march 15th, 1985", "Sept 15, 1985".replace("Sept", "Mar"),
        "1985/03/15", "1985.03.15"}) {
      assertThat(Dates.birthday(written, false)).as(written).isEqualTo("1985-03-15");
    }
    assertThat(Dates.birthday("Sept 9, 1990", false)).isEqualTo("1990-09-09");
    assertThat(Dates.birthday("March 15", false)).isEqualTo("--03-15");
    assertThat(Dates.birthday("15 March", true)).isEqualTo("--03-15");
    assertThat(Dates.birthday("Smarch 15, 1985", false)).isNull();
    assertThat(Dates.birthday("Ma 15, 1985", false)).isNull();
    assertThat(Dates.birthday("February 30, 1985", false)).isNull();
    // a two-digit year is in the last hundred years: Excel's 15-Mar-85 is no birthday in 2085
    assertThat(Dates.birthday("15-Mar-85", false)).isEqualTo("1985-03-15");
    assertThat(Dates.birthday("3/15/85", true)).isEqualTo("1985-03-15");
  }

  @Test
  void anEventReportGivesTheAttendeeNotTheBuyer() throws Exception {
    String eventbrite = "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Buyer Last Name,Buyer First Name,"
        + "Buyer Email,Job Title,Company\n"
        + "1001,2025-02-10 14:03:22-08:00,Mei,Chen,,1,General Admission,Okafor,Daniel,daniel.okafor@gmail.com,Designer,Hive\n"
        + "1002,2025-02-10 15:00:00-08:00,Info Requested,Info Requested,Info Requested,1,General Admission,Diaz,José,"
        + "jose@example.com,Info Requested,Info Requested\n";
    Draft mei = firstRow(eventbrite);
    assertThat(mei.name).isEqualTo("Mei Chen");
    assertThat(mei.emails).isEmpty();
    assertThat(mei.organization).isEqualTo("Hive");
    Draft unknown = firstRow(eventbrite.replaceFirst("\n1001[^\n]*", ""));
    assertThat(unknown.name).isNull();
    assertThat(unknown.emails).isEmpty();
    assertThat(unknown.title).isNull();
  }

  @Test
  void registrationQuestionsYahooPhonesAndNotionLinks() throws Exception {
    Draft luma = firstRow("name,email,What company do you work for?,What is your job title?,What is your email at work?\n"
        + "Priya Raman,priya@example.com,Northwind Labs,Staff Engineer,p.raman@northwind.example\n");
    assertThat(luma.organization).isEqualTo("Northwind Labs");
    assertThat(luma.title).isEqualTo("Staff Engineer");
    assertThat(firstRow("Name,Email,Which company or organisation do you represent today?\nAda,ada@example.com,Analytical Engines\n")
        .organization).isEqualTo("Analytical Engines");
    Draft yahoo = firstRow("First,Middle,Last,Nickname,Email,Home,Work,Pager,Fax,Mobile,Other,Yahoo! Phone,Title,Company\n"
        + "Maria,Luisa,García,,maria@example.es,+34 912 345 678,(510) 555-0188,555-0199,555-0198,+34 600 111 222,,,CTO,Acme\n");
    assertThat(yahoo.name).isEqualTo("Maria Luisa García");
    assertThat(yahoo.phones).containsExactly("+34 912 345 678", "(510) 555-0188", "+34 600 111 222");
    // newer exports write the column without the exclamation mark
    assertThat(firstRow("\"First\",\"Last\",\"Email\",\"Home\",\"Work\",\"Mobile\",\"Yahoo Phone\"\n"
        + "\"Giulia\",\"Rossi\",\"giulia@example.it\",\"+39 06 1234 5678\",\"\",\"+39 333 123 4567\",\"\"\n").phones)
        .containsExactly("+39 06 1234 5678", "+39 333 123 4567");
    // without Yahoo's own column, "Home" and "Work" are no phones
    assertThat(firstRow("Name,Email,Home,Work\nAda,ada@example.com,Berlin,Acme\n").phones).isEmpty();
    Draft meetup = firstRow("Name,Member ID,Title,Location,Joined Group on,Last visited group on\n"
        + "Priya Raman,219876543,Event Host,Berlin,\"January 10, 2024\",\"February 2, 2025\"\n");
    assertThat(meetup.name).isEqualTo("Priya Raman");
    assertThat(meetup.title).as("a role in the group, not a job").isNull();
    Draft notion = firstRow("Name,Email,Company\n"
        + "Lena,lena@example.de,\"Northwind Labs (https://www.notion.so/Northwind-Labs-3f2a9c?pvs=21)\"\n");
    assertThat(notion.organization).isEqualTo("Northwind Labs");
  }

  @Test
  void aSuffixStaysInTheNameAndASecondOrganisationIsLeftOut() throws Exception {
    String outlook = "Title,First Name,Middle Name,Last Name,Suffix,Company,Job Title,Mobile Phone\n";
    assertThat(firstRow(outlook + "Mr.,James,,Whitfield,Jr.,Whitfield & Sons,Partner,(312) 555-0182\n").name)
        .isEqualTo("James Whitfield Jr.");
    Draft google = firstRow("First Name,Middle Name,Last Name,Name Suffix,Organization Name,Organization Title,E-mail 1 - Value\n"
        + "Robert,,Ellison,III,Acme Corp ::: Ellison Family Foundation,VP Sales ::: Trustee,robert@acme.example\n");
    assertThat(google.name).isEqualTo("Robert Ellison III");
    assertThat(google.organization).isEqualTo("Acme Corp");
    assertThat(google.title).isEqualTo("VP Sales");
  }

  @Test
  void anAddressForANameAndANumberASpreadsheetMangled() throws Exception {
    ContactData d = firstRow("Name,Email,Phone\nlena.fischer@datenwerk.de,,\"4,91761E+11\"\n").finish(10_000);
    assertThat(d.name()).isNull();
    assertThat(d.emails()).containsExactly("lena.fischer@datenwerk.de");
    assertThat(d.phones()).isEmpty();
    Draft named = firstRow("Name,Email\nLena.Fischer@datenwerk.de,lena.fischer@datenwerk.de\n");
    ContactData same = named.finish(10_000);
    assertThat(same.name()).isNull();
    assertThat(same.emails()).containsExactly("lena.fischer@datenwerk.de");
    Draft excel = firstRow("Name,Phone\nKarl,\"4,91761E+11\"\n");
    excel.finish(10_000);
    assertThat(excel.notesOnRecord).singleElement().asString().contains("spreadsheet");
  }

  @Test
  void aNicknameNamesSomeoneWithoutOtherNames() throws Exception {
    Draft d = firstRow("First Name,Last Name,Nickname,E-mail 1 - Value\n,,Bee,bee@example.com\n");
    assertThat(d.name).isEqualTo("Bee");
  }

  @Test
  void aZoomReportReadsEachSectionByItsOwnHeader(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // the participant report "with meeting data": the meeting's summary, a blank line, the participants
    assertThat(rows(dir.resolve("participants.csv"), "\uFEFFMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
        + "812 3456 7890,\"Quarterly Review, Q1\",03/12/2024 10:00:12 AM,03/12/2024 11:02:45 AM,host@example.com,63,3\r\n\r\n"
        + "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
        + "Ana Souza (Ana Paula Souza),ana@example.br,03/12/2024 10:01:40 AM,03/12/2024 11:02:45 AM,62,Yes\r\n"
        + "iPhone,,03/12/2024 10:05:00 AM,03/12/2024 10:06:00 AM,1,Yes\r\n"))
        .containsExactly(
            "row 2: note: the meeting's summary (the rows under \"Meeting ID\") names no participant; left out",
            "row 5: Ana Paula Souza <ana@example.br> null",
            "row 6: rejected: no name, e-mail address or phone number");
    // a webinar's attendee report: a section per role, each titled, each with its own header
    assertThat(rows(dir.resolve("webinar.csv"), "Attendee Report\r\nReport Generated:,\"3/12/2024 11:10 AM\"\r\n"
        + "Topic,Webinar ID,Actual Start Time,Unique Viewers,\r\n\"Launch\",\"812 3456 7890\",\"Mar 12, 2024 10:00 AM\",\"2\",\r\n"
        + "Host Details,\r\nAttended,User Name (Original Name),Email,Join Time,Is Guest,\r\n"
        + "Yes,\"Host Person\",\"host@example.com\",\"Mar 12, 2024 09:55:00\",\"No\",\r\n"
        + "Attendee Details,\r\nAttended,First Name,Last Name,Email,Registration Time,Join Time,Is Guest,\r\n"
        + "Yes,\"Ana\",\"Souza\",\"ana@example.br\",\"Mar 01, 2024 08:00:00\",\"Mar 12, 2024 10:01:00\",\"Yes\",\r\n"
        + "No,\"健二\",\"伊藤\",\"kenji@example.jp\",\"Mar 02, 2024 08:00:00\",\"--\",\"Yes\",\r\n"))
        .containsExactly(
            "row 7: Host Person <host@example.com> null",
            "row 8: note: \"Attendee Details\" titles a section with a header of its own; no contact",
            "row 10: Ana Souza <ana@example.br> null",
            "row 11: 伊藤健二 <kenji@example.jp> null");
  }

  @Test
  void aReportsTotalAndTitleAreNoPeopleAndAJoinedHeaderIsNoRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    assertThat(rows(dir.resolve("salesforce.csv"), "\"Full Name\",\"Title\",\"Account Name\",\"Email\"\r\n"
        + "\"Rafael Núñez\",\"CFO\",\"Iberia Foods\",\"rafael@x.example\"\r\n\"Grand Totals (1 records)\"\r\n\r\n\r\n"
        + "\"My Contacts Report\"\r\n\"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.\"\r\n"
        + "\"Confidential Information - Do Not Distribute\"\r\n\"Acme Corp\"\r\n"))
        .containsExactly(
            "row 2: Rafael Núñez <rafael@x.example> Iberia Foods",
            "row 3: note: the report's total row (\"Grand Totals (1 records)\") is no contact; left out",
            "row 7: note: Salesforce's report footer (the report's title \"My Contacts Report\", then \"Copyright (c) 2000-2024"
                + " salesforce.com, inc. All rights reserved.\" and the lines after it) is no contact; left out");
    // a row with its first cell only is a person with a name only, unless a header or a footer follows it
    assertThat(rows(dir.resolve("joined.csv"), "Name,Email,Company\nAda Lovelace,ada@example.org,Engines\nBarbara Liskov,,\n"
        + "Name,Email,Company\nCarl Gauss,carl@example.de,Göttingen\nDonald Knuth\n"))
        .containsExactly(
            "row 2: Ada Lovelace <ada@example.org> Engines",
            "row 3: Barbara Liskov <> null",
            "row 4: note: the header again (files joined together); left out",
            "row 5: Carl Gauss <carl@example.de> Göttingen",
            "row 6: Donald Knuth <> null");
  }

  @Test
  void thunderbirdInGermanWithItsBirthdayInThreeColumns() throws Exception {
    String header = "Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,Tel. dienstlich,"
        + "Mobil-Tel.-Nr.,Arbeitstitel,Abteilung,Organisation,Geburtsjahr,Geburtsmonat,Geburtstag,Notizen,\n";
    Draft d = firstRow(header + "Käthe,Schröder,Käthe Schröder,,kaethe@example.de,k@firma.example,+49 40 123456,+49 160 1234567,"
        + "Projektleiterin,,Hanse Logistik GmbH,1990,7,21,\"Kennengelernt auf der CeBIT, 2017\",\n");
    assertThat(d.name).isEqualTo("Käthe Schröder");
    assertThat(d.emails).containsExactly("kaethe@example.de", "k@firma.example");
    assertThat(d.phones).containsExactly("+49 40 123456", "+49 160 1234567");
    assertThat(d.title).isEqualTo("Projektleiterin");
    assertThat(d.organization).isEqualTo("Hanse Logistik GmbH");
    assertThat(d.birthday).isEqualTo("1990-07-21");
    assertThat(d.notesOnRecord).isEmpty();
    Draft displayOnly = firstRow(header + ",,Lukas Weber,,lukas@example.at,,,,,,,,12,3,,\n");
    assertThat(displayOnly.name).isEqualTo("Lukas Weber");
    assertThat(displayOnly.birthday).isEqualTo("--12-03");
  }

  @Test
  void aLinkedInFileSavedByExcelKeepsItsDayOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    List<LocalDate> us = recs(dir.resolve("us.csv"), header + "Soren,Agard,,,Orsted,Engineer,3/12/2024\n"
        + "Maria,Garcia,,,,,8/17/2020\n").stream().map(r -> r.draft().since).toList();
    assertThat(us).containsExactly(LocalDate.of(2024, 3, 12), LocalDate.of(2020, 8, 17));
    List<LocalDate> uk = recs(dir.resolve("uk.csv"), header + "Soren,Agard,,,Orsted,Engineer,3/12/2024\n"
        + "Maria,Garcia,,,,,17/8/2020\n").stream().map(r -> r.draft().since).toList();
    assertThat(uk).containsExactly(LocalDate.of(2024, 12, 3), LocalDate.of(2020, 8, 17));
  }

  @Test
  void numbersSeparatedByCommasAndACompanyWithItsLegalForm() throws Exception {
    assertThat(firstRow("Name,Phone\nTomás Ortega,\"600 111 222, 911 222 333\"\n").phones)
        .containsExactly("600 111 222", "911 222 333");
    assertThat(firstRow("Name,Phone\nKarl,\"+49 30 1234567,89\"\n").phones).containsExactly("+49 30 1234567,89");
    assertThat(CsvLayout.familyNameFirst("Bank of America, N.A.")).isEqualTo("Bank of America, N.A.");
    assertThat(CsvLayout.familyNameFirst("Okafor, Chinedu")).isEqualTo("Chinedu Okafor");
  }
}
