package app.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.config.KithConfig;
import app.kith.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging on a real H2 database: e-mail, then phone, then name with organisation. */
class ContactImportTest {

  @TempDir Path home;
  Database db;
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  @BeforeEach
  void open() {
    db = Database.open(KithConfig.of(home, Map.of()));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static ContactData person(String name, List<String> emails, List<String> phones, String org) {
    return new ContactData(name, emails, phones, org, null, null, null, null);
  }

  List<ContactImport.Outcome> load(String source, boolean dryRun, ContactData... records) {
    List<ContactImport.Outcome> out = new ArrayList<>();
    try (ContactImport imp =
        new ContactImport(db, new Interactions(new Cadence(KithConfig.of(home, Map.of()))), source, dryRun, NOW,
            LocalDate.of(2026, 1, 5), out::add)) {
      for (ContactData d : records) {
        imp.add(d);
      }
    }
    return out;
  }

  List<Contact> all() {
    return new ContactStore(db).list(null);
  }

  @Test
  void sameEmailInAnyCaseIsOnePersonAndAddsWhatIsNew() {
    load("vcard-3.0:phone.vcf", false, person("Amara Okafor", List.of("Amara.Okafor@Example.com"), List.of("+44 7700 900123"), null));
    List<ContactImport.Outcome> second =
        load("linkedin-csv:Connections.csv", false,
            new ContactData("Amara O.", List.of("amara.okafor@example.com"), List.of(), "Brightwater Labs", "Head of Product",
                null, null, LocalDate.of(2024, 3, 12)));
    assertThat(second).containsExactly(ContactImport.Outcome.MERGED);
    Contact c = all().get(0);
    assertThat(all()).hasSize(1);
    assertThat(c.name()).isEqualTo("Amara Okafor"); // filled fields are not overwritten
    assertThat(c.emails()).containsExactly("Amara.Okafor@Example.com");
    assertThat(c.organization()).isEqualTo("Brightwater Labs");
    assertThat(c.title()).isEqualTo("Head of Product");
    assertThat(c.since()).isEqualTo(LocalDate.of(2024, 3, 12)); // the earlier day wins
    assertThat(c.sources()).containsExactlyInAnyOrder("vcard-3.0:phone.vcf", "linkedin-csv:Connections.csv");
    db.inTransaction(con -> {
      try (var rs = con.createStatement().executeQuery("SELECT created_at, updated_at FROM contact")) {
        assertThat(rs.next()).isTrue();
        assertThat(app.kith.store.Sql.getInstant(rs, "created_at")).isEqualTo(NOW);
        assertThat(app.kith.store.Sql.getInstant(rs, "updated_at")).isEqualTo(NOW);
      }
      return null;
    });
  }

  /** Imports the records as one file; returns each record's outcome, after the record's note when it has one. */
  List<String> loadWithNotes(String source, ContactData... records) {
    List<String> heard = new ArrayList<>();
    try (ContactImport imp =
        new ContactImport(db, new Interactions(new Cadence(KithConfig.of(home, Map.of()))), source, false, NOW,
            LocalDate.of(2026, 1, 5), new ContactImport.Listener() {
              @Override
              public void outcome(ContactImport.Outcome outcome) {
                heard.add(outcome.name());
              }

              @Override
              public void note(String note) {
                heard.add(note);
              }
            })) {
      for (ContactData d : records) {
        imp.add(d);
      }
    }
    return heard;
  }

  @Test
  void anAddressThatPlainlyDifferentPeopleShareKeepsThemApart() {
    ContactData petra = new ContactData("Petra Novak", List.of("office@novakbau.example.at"), List.of("+43 1 555 0101"), null,
        "Office Manager", null, null, null);
    ContactData thomas = new ContactData("Thomas Huber", List.of("Office@NovakBau.example.at"), List.of("+43 664 555 0202"),
        null, "Bauleiter", null, "Site manager for the Linz project.", null);
    assertThat(loadWithNotes("phone.vcf", petra, thomas)).containsExactly("CREATED",
        "the address Office@NovakBau.example.at is also Petra Novak's, whose name differs: kept as two people, the address"
            + " with Petra Novak", "CREATED");
    // from a later file too, when the first is stored; and his own records still find him by his number
    ContactData luis = person("Luis Garcia", List.of("familia@example.es"), List.of(), null);
    ContactData carmen = person("Carmen Ortega", List.of("familia@example.es", "carmen@example.es"), List.of(), null);
    loadWithNotes("a.vcf", luis);
    assertThat(loadWithNotes("b.vcf", carmen, person("Thomas Huber", List.of(), List.of("+43 664 555 0202"), null)))
        .containsExactly("the address familia@example.es is also Luis Garcia's, whose name differs: kept as two people,"
            + " the address with Luis Garcia", "CREATED", "MERGED");
    assertThat(all()).extracting(Contact::name, Contact::emails, Contact::notes).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("Petra Novak", List.of("office@novakbau.example.at"), null),
        org.assertj.core.groups.Tuple.tuple("Thomas Huber", List.of(), "Site manager for the Linz project."),
        org.assertj.core.groups.Tuple.tuple("Luis Garcia", List.of("familia@example.es"), null),
        org.assertj.core.groups.Tuple.tuple("Carmen Ortega", List.of("carmen@example.es"), null));

    // the same person by another form of their name is still one: a shared word, an initial, umlauts
    // written out, a single name, another script
    String[][] samePerson = {
        {"Robert Smith", "Bob Smith"}, {"Jürgen Müller", "Juergen Mueller"}, {"Ann Lee", "A. Kim"}, {"Katarzyna Nowak", "Kasia"},
        {"王小明", "Xiaoming Wang"}};
    for (String[] names : samePerson) {
      String address = names[0].hashCode() + "@example.org";
      loadWithNotes("x", person(names[0], List.of(address), List.of(), null));
      assertThat(loadWithNotes("y", person(names[1], List.of(address), List.of(), null))).as(names[1]).containsExactly("MERGED");
    }
  }

  static List<String> describe(List<Contact> contacts) {
    return contacts.stream().map(c -> String.join(" | ", String.valueOf(c.name()), String.valueOf(c.emails()), String.valueOf(c.phones()),
        String.valueOf(c.organization()), String.valueOf(c.title()), String.valueOf(c.since()), String.valueOf(c.sources().stream().sorted().toList())))
        .sorted().toList();
  }

  @Test
  void addressesKeepTheirOrderWhetherOnTheContactRowOrAddedLater() throws Exception {
    load("a", false, person("Lars Henriksen", List.of(), List.of("+47 412 34 567"), null));
    load("b", false, person("Lars Henriksen", List.of("lars@example.no", "lars@home.example"), List.of("+47 999 88 777"), null));
    load("c", false, person("Lars Henriksen", List.of("LARS@home.example", "lh@old.example"), List.of(), null));
    Contact lars = all().get(0);
    assertThat(lars.emails()).containsExactly("lars@example.no", "lars@home.example", "lh@old.example");
    assertThat(lars.phones()).containsExactly("+47 412 34 567", "+47 999 88 777");
    try (var c = db.connection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT email, phone, (SELECT COUNT(*) FROM contact_email) FROM contact")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).as("the first address is on the contact row").isEqualTo("lars@example.no");
      assertThat(rs.getString(2)).isEqualTo("+47 412 34 567");
      assertThat(rs.getInt(3)).isEqualTo(2);
    }
    // each address finds the one person, wherever it is stored
    assertThat(load("d", false, person("L. H.", List.of("lh@old.example"), List.of(), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(load("e", false, person("Henriksen", List.of(), List.of("0047 99988777"), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    try (var c = db.connection()) {
      assertThat(ContactStore.idByEmailKey(c, "lars@example.no")).isEqualTo(lars.id());
      assertThat(ContactStore.idByEmailKey(c, "lh@old.example")).isEqualTo(lars.id());
      assertThat(ContactStore.idByEmailKey(c, "nobody@example.org")).isNull();
    }
    assertThat(all()).hasSize(1);
  }

  @Test
  void samePhoneWrittenDifferentlyIsOnePerson() {
    load("a", false, person("Lars Henriksen", List.of(), List.of("+47 412 34 567"), null));
    assertThat(load("b", false, person("Lars H", List.of("lars@example.no"), List.of("0047-412-34567"), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).singleElement().satisfies(c -> assertThat(c.emails()).containsExactly("lars@example.no"));
    // short numbers never match two people
    load("c", false, person("Ann", List.of(), List.of("112"), null), person("Bob", List.of(), List.of("112"), null));
    assertThat(all()).hasSize(3);
  }

  @Test
  void aSharedNumberDoesNotMakeTwoPeopleOne() {
    String landline = "+44 1632 960123";
    ContactData ann = person("Ann Smith", List.of("ann@example.org"), List.of(), null);
    ContactData bert = new ContactData("Bert Smith", List.of(), List.of(landline), "Smith Plumbing", "Owner", null, null, null);
    assertThat(load("google", false, ann, bert)).containsExactly(ContactImport.Outcome.CREATED, ContactImport.Outcome.CREATED);
    // Ann's phone export gives her the family's landline too
    assertThat(load("phone", false, person("Ann Smith", List.of("ann@example.org"), List.of(landline), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    // the first file again changes nothing: Bert is not matched to Ann by the number they share
    assertThat(load("google", false, ann, bert)).containsOnly(ContactImport.Outcome.UNCHANGED);
    assertThat(all()).hasSize(2).allSatisfy(c -> assertThat(c.organization())
        .isEqualTo(c.name().equals("Bert Smith") ? "Smith Plumbing" : null));
    // nor within one file (Kith's own export read into a fresh home)
    db.close();
    db = Database.open(KithConfig.of(home.resolve("fresh"), Map.of()));
    assertThat(load("export", false, person("Ann Smith", List.of("ann@example.org"), List.of(landline), null), bert))
        .containsExactly(ContactImport.Outcome.CREATED, ContactImport.Outcome.CREATED);
    // while a shortened name still finds its person by phone
    assertThat(load("later", false, person("A. Smith", List.of(), List.of(landline), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(2);
  }

  @Test
  void anOfficeNumberFindsWhicheverOfItsHoldersTheNameFits() {
    String office = "+1 (212) 555-0100";
    load("outlook", false,
        new ContactData("Anna Berg", List.of("anna@acme.example"), List.of(office), "Acme", null, null, null, null),
        new ContactData("Priya Nair", List.of("priya@acme.example"), List.of(office), "Acme", null, null, null, null),
        new ContactData("Tom Baker", List.of("tom@acme.example"), List.of(office), "Acme", null, null, null, null));
    assertThat(load("iphone", false, person("Tom Baker", List.of(), List.of("+1 212 555 0100", "+1 917 555 0142"), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(3);
    assertThat(all().stream().filter(c -> c.name().equals("Tom Baker")).findFirst().orElseThrow().phones())
        .containsExactly(office, "+1 917 555 0142");
  }

  @Test
  void aDryRunOverSeveralFilesFindsPeopleAsTheRealRunDoes() {
    ContactData[][] files = {
      {person("Michael Chen", List.of("mchen@example.com"), List.of(), null)},
      {person("Michael Chen", List.of("mchen@example.com"), List.of(), "Acme")},
      {person("Michael Chen", List.of(), List.of("+1 415 555 0199"), null)},
    };
    ContactImport.DryRun dry = new ContactImport.DryRun();
    List<ContactImport.Outcome> wouldBe = new ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      try (ContactImport imp = new ContactImport(db, new Interactions(new Cadence(KithConfig.of(home, Map.of()))), "f" + i, dry,
          NOW, LocalDate.of(2026, 1, 5), wouldBe::add)) {
        for (ContactData d : files[i]) {
          imp.add(d);
        }
      }
    }
    assertThat(all()).isEmpty();
    List<ContactImport.Outcome> real = new ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      real.addAll(load("f" + i, false, files[i]));
    }
    assertThat(wouldBe).isEqualTo(real);
    // the Michael Chen without a company is the only Michael Chen there is, now of Acme
    assertThat(real).containsExactly(ContactImport.Outcome.CREATED, ContactImport.Outcome.MERGED, ContactImport.Outcome.MERGED);
  }

  @Test
  void theOnlyPersonOfANameIsFoundByARecordWithoutTheirOrganisationInEitherOrder() {
    ContactData phone = person("José Ramírez", List.of("jose@example.org"), List.of("+34 600 111 222"), null);
    ContactData linkedIn = new ContactData("José Ramírez", List.of(), List.of(), "Verde Energía", "CTO", null, null,
        LocalDate.of(2021, 8, 15));
    assertThat(load("phone", false, phone)).containsExactly(ContactImport.Outcome.CREATED);
    assertThat(load("linkedin", false, linkedIn)).containsExactly(ContactImport.Outcome.MERGED);
    List<String> oneOrder = describe(all());
    assertThat(all()).singleElement().satisfies(c -> {
      assertThat(c.organization()).isEqualTo("Verde Energía");
      assertThat(c.emails()).containsExactly("jose@example.org");
    });
    db.close();
    db = Database.open(KithConfig.of(home.resolve("other-order"), Map.of()));
    assertThat(load("linkedin", false, linkedIn)).containsExactly(ContactImport.Outcome.CREATED);
    assertThat(load("phone", false, phone)).containsExactly(ContactImport.Outcome.MERGED);
    assertThat(describe(all())).isEqualTo(oneOrder);
  }

  @Test
  void twoPeopleOfANameAtTwoOrganisationsLeaveARecordWithoutOneOnItsOwnAndImportsStayIdempotent() {
    ContactData plain = person("David Miller", List.of(), List.of(), null);
    ContactData acme = person("David Miller", List.of(), List.of(), "Acme");
    ContactData globex = person("David Miller", List.of(), List.of(), "Globex");
    // in one file: the first becomes Acme's David Miller, Globex's is someone else
    assertThat(load("crm.csv", false, plain, acme, globex))
        .containsExactly(ContactImport.Outcome.CREATED, ContactImport.Outcome.MERGED, ContactImport.Outcome.CREATED);
    assertThat(load("crm.csv", false, plain, acme, globex)).containsOnly(ContactImport.Outcome.UNCHANGED);
    // from a phone, with a number: which of the two is it? Neither, until something else tells
    assertThat(load("phone.vcf", false, person("David Miller", List.of(), List.of("+1 312 555 0187"), null)))
        .containsExactly(ContactImport.Outcome.CREATED);
    assertThat(load("phone.vcf", false, person("David Miller", List.of(), List.of("+1 312 555 0187"), null)))
        .containsExactly(ContactImport.Outcome.UNCHANGED);
    assertThat(load("crm.csv", false, plain, acme, globex)).containsOnly(ContactImport.Outcome.UNCHANGED);
    assertThat(all()).extracting(Contact::organization).containsExactlyInAnyOrder("Acme", "Globex", null);
  }

  @Test
  void aNameWithAnInitialTakesTheFullNameAndUmlautsWrittenOutAreTheUmlauts() {
    load("android.vcf", false, person("Lars H", List.of(), List.of("412 34 567"), null));
    assertThat(load("iphone.vcf", false, person("Lars Henriksen", List.of(), List.of("+47 412 34 567"), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(load("Connections.csv", false, person("Lars Henriksen", List.of(), List.of(), "Fjordline Analytics AS")))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("Lars Henriksen");
      assertThat(c.organization()).isEqualTo("Fjordline Analytics AS");
    });
    // the short name again changes nothing, nor does a name that is no fuller
    assertThat(load("android.vcf", false, person("Lars H", List.of(), List.of("412 34 567"), null)))
        .containsExactly(ContactImport.Outcome.UNCHANGED);

    load("linkedin", false, person("Jürgen Müller", List.of(), List.of(), "Firma Technik GmbH"));
    assertThat(load("outlook", false, person("Juergen Mueller", List.of("jm@technik.example"), List.of(), "Firma Technik")))
        .containsExactly(ContactImport.Outcome.MERGED);
    // the same number under a name in Chinese characters and in Latin letters
    load("iphone.vcf", false, person("张伟", List.of(), List.of("+86 138 0013 8000"), null));
    assertThat(load("google", false, person("Wei Zhang", List.of(), List.of("+86 138 0013 8000"), null)))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(3);
  }

  @Test
  void aBirthdayWithoutAYearGetsItsYearFromALaterSource() {
    load("google", false, new ContactData("Sofia Berg", List.of("sofia@example.se"), List.of(), null, null, "--03-15", null, null));
    assertThat(load("outlook", false, new ContactData("Sofia Berg", List.of("sofia@example.se"), List.of(), null, null, "1990-03-15",
        null, null))).containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all().get(0).birthday()).isEqualTo("1990-03-15");
    // another day is another fact: the stored one stays
    load("other", false, new ContactData("Sofia Berg", List.of("sofia@example.se"), List.of(), null, null, "1991-04-01", null, null));
    assertThat(all().get(0).birthday()).isEqualTo("1990-03-15");
  }

  @Test
  void nameTogetherWithOrganisationMatchesAndNameAloneDoesNotMergeAcrossCompanies() {
    load("a", false, person("José Ramírez", List.of(), List.of(), "Verde Energía S.A."));
    assertThat(load("b", false, person("ramirez, jose", List.of("jose@example.org"), List.of(), "verde energia")))
        .containsExactly(ContactImport.Outcome.MERGED);
    assertThat(load("c", false, person("José Ramírez", List.of(), List.of(), "Another Company")))
        .containsExactly(ContactImport.Outcome.CREATED);
    assertThat(all()).hasSize(2);
  }

  @Test
  void aFieldSetByHandIsNeverFilledOrOverwritten() throws Exception {
    load("a", false, person("Mei Tanaka", List.of("mei@example.jp"), List.of(), null));
    db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE contact SET manual_fields = 'organization,title', title = 'Friend'"));
    load("b", false, new ContactData("Mei Tanaka", List.of("mei@example.jp"), List.of(), "Kumo Systems", "Designer", "1990-02-01", null, null));
    Contact c = all().get(0);
    assertThat(c.organization()).isNull();
    assertThat(c.title()).isEqualTo("Friend");
    assertThat(c.birthday()).isEqualTo("1990-02-01");
  }

  @Test
  void theSameRecordsTwiceChangeNothingTheSecondTime() {
    ContactData[] file = {
      person("Amara Okafor", List.of("amara@example.com"), List.of(), "Brightwater"),
      person("Lars Henriksen", List.of(), List.of("+47 412 34 567"), "Fjordline"),
      person("Mei Tanaka", List.of(), List.of(), "Kumo"),
      person("Mei Tanaka", List.of(), List.of(), "Kumo") // a duplicate row inside the file
    };
    assertThat(load("f", false, file))
        .containsExactly(ContactImport.Outcome.CREATED, ContactImport.Outcome.CREATED, ContactImport.Outcome.CREATED,
            ContactImport.Outcome.UNCHANGED);
    assertThat(load("f", false, file)).containsOnly(ContactImport.Outcome.UNCHANGED);
    assertThat(all()).hasSize(3);
  }

  @Test
  void aDryRunWritesNothingButReportsWhatWouldHappen() {
    load("a", false, person("Amara Okafor", List.of("amara@example.com"), List.of(), null));
    List<ContactImport.Outcome> dry =
        load("b", true,
            person("Amara Okafor", List.of("amara@example.com"), List.of("+44 7700 900123"), null),
            person("New Person", List.of("new@example.com"), List.of(), null),
            person("New Person", List.of("NEW@example.com"), List.of(), null));
    assertThat(dry).containsExactly(ContactImport.Outcome.MERGED, ContactImport.Outcome.CREATED, ContactImport.Outcome.UNCHANGED);
    assertThat(all()).singleElement().satisfies(c -> assertThat(c.phones()).isEmpty());
  }

  @Test
  void manyRecordsAcrossChunksMergeWithEarlierChunks() {
    List<ContactData> records = new ArrayList<>();
    for (int i = 0; i < ContactImport.CHUNK + 10; i++) {
      records.add(person("P" + i, List.of("p" + i + "@example.com"), List.of(), null));
    }
    records.add(person("P0 again", List.of("P0@example.com"), List.of("+31 6 12345678"), null));
    List<ContactImport.Outcome> out = load("big", false, records.toArray(ContactData[]::new));
    assertThat(out).hasSize(records.size());
    assertThat(out.get(out.size() - 1)).isEqualTo(ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(ContactImport.CHUNK + 10);
  }

  @Test
  void laterChunksMatchThePreviousChunkBeforeItIsCommittedAndOlderOnesAfter() {
    int n = ContactImport.CHUNK;
    List<ContactData> records = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      records.add(new ContactData("Person " + i, List.of("p" + i + "@example.com"), List.of("+31 6 " + (20_000_000 + i)),
          "Org " + i, null, null, null, null));
    }
    // third chunk: one of the second chunk (just written) and one of the first, by each key kind
    records.add(person("Person " + (n + 5), List.of("P" + (n + 5) + "@Example.com"), List.of(), null));
    records.add(person(null, List.of(), List.of("0031 6 " + (20_000_000 + n + 6)), null));
    records.add(new ContactData("person " + (n + 7), List.of(), List.of(), "ORG " + (n + 7) + " Inc.", "Boss", null, null, null));
    records.add(person("Person 3", List.of("p3@example.com", "new3@example.com"), List.of(), null));
    records.add(new ContactData("Person 4", List.of(), List.of(), "Org 4", null, null, null, null));
    List<ContactImport.Outcome> out = load("three-chunks", false, records.toArray(ContactData[]::new));
    assertThat(out).hasSize(records.size());
    assertThat(out.subList(2 * n, out.size())).containsExactly(ContactImport.Outcome.UNCHANGED, ContactImport.Outcome.UNCHANGED,
        ContactImport.Outcome.MERGED, ContactImport.Outcome.MERGED, ContactImport.Outcome.UNCHANGED);
    List<Contact> all = all();
    assertThat(all).hasSize(2 * n);
    assertThat(all.stream().filter(c -> c.name().equals("Person " + (n + 7))).findFirst().orElseThrow().title()).isEqualTo("Boss");
    assertThat(all.stream().filter(c -> c.name().equals("Person 3")).findFirst().orElseThrow().emails())
        .containsExactly("p3@example.com", "new3@example.com");
    assertThat(all.get(0).sources()).containsExactly("three-chunks");

    List<ContactImport.Outcome> again = load("three-chunks", false, records.toArray(ContactData[]::new));
    assertThat(again).hasSize(records.size()).containsOnly(ContactImport.Outcome.UNCHANGED);
    List<ContactImport.Outcome> other = load("second-file", false, records.get(0));
    assertThat(other).containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all().stream().filter(c -> c.name().equals("Person 0")).findFirst().orElseThrow().sources())
        .containsExactlyInAnyOrder("three-chunks", "second-file");
  }

  @Test
  void storedPeopleAreFoundByNameAndByALaterNumberWhoeverWroteThem() {
    // a second number is kept in contact_phone, not on the contact row
    load("iphone", false, person("Tom Baker", List.of(), List.of("+1 212 555 0100", "+1 917 555 0142"), null));
    // someone met at an event, written by the calendar import rather than by a contact import
    db.inTransaction(c -> NewContacts.fromAddress(c, "Ingrid Holm", "ingrid@example.se", null, "met at Nordic Summit", NOW));
    assertThat(load("google", false,
            person("T. Baker", List.of("tom@example.com"), List.of("+1 917 555 0142"), null),
            person("Ingrid Holm", List.of(), List.of("+46 70 123 45 67"), null)))
        .containsExactly(ContactImport.Outcome.MERGED, ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(2);
    assertThat(all().stream().filter(c -> c.name().equals("Ingrid Holm")).findFirst().orElseThrow().phones())
        .containsExactly("+46 70 123 45 67");
  }

  @Test
  void degreesDoNotKeepAPersonApartButJuniorAndSeniorDo() {
    ContactData father = new ContactData("James Whitfield Sr.", List.of(), List.of("(312) 555-0181"), "Whitfield & Sons", null,
        null, null, null);
    ContactData son = new ContactData("James Whitfield Jr.", List.of(), List.of("(312) 555-0182"), "Whitfield & Sons", null,
        null, null, null);
    ContactData sarah = new ContactData("Sarah Nguyen", List.of("sarah@acme.example"), List.of(), "Acme Corp", null, null,
        null, null);
    assertThat(load("outlook", false, father, son, sarah)).containsOnly(ContactImport.Outcome.CREATED);
    // LinkedIn puts the degree in the last name, and has no address
    assertThat(load("linkedin", false, new ContactData("Sarah Nguyen, PhD", List.of(), List.of(), "Acme Corp", "CTO", null,
        null, null))).containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(3);
  }

  @Test
  void whenAChunkFailsTheChunksQueuedAfterItAreNotWritten() {
    // the database refuses one record of the second chunk; the third is read (and queued) meanwhile
    db.inTransaction(c -> c.createStatement().executeUpdate(
        "ALTER TABLE contact ADD CONSTRAINT test_refused CHECK (name <> 'Refused Person')"));
    List<ContactImport.Outcome> out = new ArrayList<>();
    ContactImport imp =
        new ContactImport(db, new Interactions(new Cadence(KithConfig.of(home, Map.of()))), "big.csv", false, NOW,
            LocalDate.of(2026, 1, 5), out::add);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      try (imp) {
        for (int i = 0; i < ContactImport.CHUNK * 4; i++) {
          String name = i == ContactImport.CHUNK + 5 ? "Refused Person" : "Person " + i;
          imp.add(person(name, List.of("p" + i + "@example.org"), List.of(), null));
        }
      }
    }).hasMessageContaining("test_refused".toUpperCase());
    assertThat(all()).as("the first chunk only, as if read one by one").hasSize(ContactImport.CHUNK);
    assertThat(out).hasSize(ContactImport.CHUNK);
  }

  @Test
  void aStoredContactIsFoundByTheKeyOfItsStoredName() throws Exception {
    // each load is an import of its own, which makes name keys from the names stored by the one before
    load("google", false, new ContactData("Dr. Amelia Hartwell", List.of(), List.of(), "Northwind", null, null, null, null));
    assertThat(load("linkedin", false, new ContactData("Amelia Hartwell", List.of(), List.of(), "Northwind", "Architect", null,
        null, null))).containsExactly(ContactImport.Outcome.MERGED);
    assertThat(all()).singleElement().satisfies(c -> assertThat(c.title()).isEqualTo("Architect"));
  }

  @Test
  void aNumberInItsNationalAndItsInternationalFormIsOneNumber() {
    // a phone's own export writes numbers as dialled at home; Google and Outlook often as +46 ...
    load("phone.vcf", false, person("Sofia Berg", List.of(), List.of("070-123 45 67"), null),
        person("Tom Ashby", List.of(), List.of("(415) 555-0100"), null));
    assertThat(load("google.csv", false, person("Sofia Berg", List.of("sofia@nordlicht.example"), List.of("+46 70 123 45 67"), "Nordlicht"),
        person("Tom Ashby", List.of(), List.of("+1 415-555-0100", "+1 415-555-0199"), "Ashby & Co")))
        .containsExactly(ContactImport.Outcome.MERGED, ContactImport.Outcome.MERGED);
    assertThat(all()).hasSize(2);
    Contact sofia = all().stream().filter(c -> c.name().equals("Sofia Berg")).findFirst().orElseThrow();
    assertThat(sofia.phones()).as("the same number once, as first written").containsExactly("070-123 45 67");
    assertThat(sofia.organization()).isEqualTo("Nordlicht");
    Contact tom = all().stream().filter(c -> c.name().equals("Tom Ashby")).findFirst().orElseThrow();
    assertThat(tom.phones()).containsExactly("(415) 555-0100", "+1 415-555-0199");
    // and the other way round, within one file
    assertThat(load("outlook.csv", false, person("Ines Duarte", List.of(), List.of("+351 912 345 678"), "Tejo Lda"),
        person("Ines Duarte", List.of(), List.of("912 345 678"), null)))
        .as("found by the number, which she has already").containsExactly(ContactImport.Outcome.CREATED, ContactImport.Outcome.UNCHANGED);
    assertThat(all()).hasSize(3);
  }

  @Test
  void twoInternationalNumbersMatchOnlyWhenEqual() {
    // the same digits after different country codes are two numbers, even under one name
    load("a", false, person("Sam Lee", List.of(), List.of("+1 212 555 0100"), "Acme US"));
    assertThat(load("b", false, person("Sam Lee", List.of(), List.of("+44 212 555 0100"), "Acme UK")))
        .containsExactly(ContactImport.Outcome.CREATED);
    // and a national number whose digits end another's is no match under another name
    assertThat(load("c", false, person("Kim Park", List.of(), List.of("212 555 0100"), null)))
        .containsExactly(ContactImport.Outcome.CREATED);
    assertThat(all()).hasSize(3);
  }

  @Test
  void keysNormalise() {
    assertThat(Keys.phone("+1 (555) 010-0199 ext. 12")).isEqualTo("+15550100199");
    assertThat(Keys.phone("0031 6 1234 5678")).isEqualTo("+31612345678");
    assertThat(Keys.phone("tel:+1-418-656-9254;ext=102")).isEqualTo("+14186569254");
    assertThat(Keys.phone("+234 (0)802 555 0147")).isEqualTo(Keys.phone("+234 802 555 0147")).isEqualTo("+2348025550147");
    assertThat(Keys.phoneLinks("0701234567")).containsExactly("0701234567", "n701234567");
    assertThat(Keys.phoneProbes("0701234567")).containsExactly("0701234567", "n701234567", "i701234567");
    assertThat(Keys.phoneLinks("+46701234567")).containsExactly("+46701234567", "i6701234567", "i701234567", "i01234567");
    assertThat(Keys.phoneProbes("+46701234567")).containsExactly("+46701234567", "n6701234567", "n701234567", "n01234567");
    assertThat(Keys.phoneLinks("+4712345")).as("too short once a country code is off").containsExactly("+4712345");
    assertThat(Keys.phoneLinks("112")).isEmpty();
    assertThat(Keys.name("Doe, John")).isEqualTo(Keys.name("john DOE"));
    assertThat(Keys.name("Zoë Ærø")).isEqualTo(Keys.name("zoe ærø"));
    assertThat(Keys.name("Person12 Ada")).isEqualTo(Keys.name("ada person12")).isEqualTo("ada person12");
    assertThat(Keys.name("Mary Ann van Dyke")).isEqualTo(Keys.name("van Dyke, Mary Ann")).isEqualTo("ann dyke mary van");
    assertThat(Keys.name("Cher")).isEqualTo("cher");
    assertThat(Keys.name("Bo Bo")).isEqualTo("bo bo");
    assertThat(Keys.name("Dr. Amelia Hartwell")).isEqualTo(Keys.name("Amelia Hartwell"));
    assertThat(Keys.name("Sarah Nguyen, PhD")).isEqualTo(Keys.name("Sarah Nguyen"));
    assertThat(Keys.name("Mary Smith, MD")).isEqualTo(Keys.name("Mary Smith RN")).isEqualTo(Keys.name("Mary Smith"));
    assertThat(Keys.name("Conor O'Neil")).isEqualTo(Keys.name("Conor ONeil")).isEqualTo(Keys.name("Conor O\u2019Neil"))
        .isEqualTo(Keys.name("Cónor O'Neil")).isEqualTo("conor oneil");
    assertThat(Keys.name("王小明")).isEqualTo(Keys.name("王 小明")).isEqualTo("王小明");
    assertThat(Keys.name("박 서연")).isEqualTo(Keys.name("박서연"));
    assertThat(Keys.name("山田 Taro")).isEqualTo("taro 山田"); // mixed scripts: sorted words as before
    assertThat(Keys.name("Mr Smith")).isEqualTo("smith");
    assertThat(Keys.name("James Whitfield Jr.")).isNotEqualTo(Keys.name("James Whitfield Sr."));
    assertThat(Keys.name("Dr.")).as("a name that is only an honorific keeps it").isEqualTo("dr");
    assertThat(Keys.name(" - ")).isNull();
    assertThat(Keys.organization("Acme, Inc.")).isEqualTo(Keys.organization("ACME"));
    assertThat(Keys.organization("Company 12, Inc.")).isEqualTo("company 12");
    assertThat(Keys.organization("Acme Co. Ltd")).isEqualTo("acme");
    assertThat(Keys.organization("Ltd")).isEqualTo("ltd"); // a name that is only a suffix stays
    assertThat(Keys.organization("Zalando SE")).isEqualTo(Keys.organization("Zalando")).isEqualTo("zalando");
    assertThat(Keys.organization("Infobip d.o.o.")).isEqualTo(Keys.organization("Infobip"));
    assertThat(Keys.organization("The Growth Lab")).isEqualTo(Keys.organization("Growth Lab")).isEqualTo("growth lab");
    assertThat(Keys.organization("Thé Café Sàrl")).isEqualTo(Keys.organization("the cafe")).isEqualTo("cafe");
    assertThat(Keys.organization("The")).isEqualTo("the");
    assertThat(Keys.organization("Nestlé S.A.")).isEqualTo(Keys.organization("NESTLE SA")).isEqualTo("nestle");
    assertThat(Keys.organization("A. B. Consulting B.V.")).isEqualTo("ab consulting");
    assertThat(Keys.organization(" , ")).isNull();
    assertThat(Keys.namesFit(Keys.name("Lars H"), Keys.name("Lars Henriksen"))).isTrue();
    assertThat(Keys.namesFit(Keys.name("J. Doe"), Keys.name("Doe, John"))).isTrue();
    assertThat(Keys.namesFit(null, Keys.name("Ann Smith"))).isTrue();
    assertThat(Keys.namesFit(Keys.name("Bert Smith"), Keys.name("Ann Smith"))).isFalse();
    assertThat(Keys.namesFit(Keys.name("Johnny"), Keys.name("John Doe"))).isFalse();
  }
}
