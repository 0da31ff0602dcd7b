package app.kith.ingest.contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the columns of a contact CSV mean, read from its header: which export it is (LinkedIn,
 * Google, Outlook or another with recognisable names) and which column holds the name, the e-mail
 * addresses, the phones and so on. Numbered columns ({@code E-mail 2 - Value}) are mapped by name,
 * never by position.
 */
final class CsvLayout {

  static final String LINKEDIN = "linkedin-csv";
  static final String GOOGLE = "google-csv";
  static final String OUTLOOK = "outlook-csv";
  static final String GENERIC = "generic-csv";

  private static final Pattern NUMBERED = Pattern.compile("(e-?mail|phone) ?(\\d+) - (value|type|label)");
  private static final Pattern ORG_NUMBERED = Pattern.compile("organi[sz]ation ?(\\d+) - (name|title)");
  private static final Pattern MULTI = Pattern.compile(" ::: ");
  /** "Total: 12", "Sum", "Gesamt 4": the footer a hand-made list has under its rows. */
  private static final Pattern TOTAL_ROW =
      Pattern.compile("(?i)\\s*(?:total|totals|grand total|sum|count|gesamt|summe|totaal|totale)\\b[\\s:=]*[\\d.,]*\\s*");
  /** {@code "Bravo Two" <bravo@two.example>} or {@code Bravo Two <bravo@two.example>} in an e-mail column. */
  private static final Pattern NAMED_ADDRESS =
      Pattern.compile("\\s*(?:\"[^\"]*\"|[^\"<>@]*)\\s*<\\s*([^<>\\s@]+@[^<>\\s@]+)\\s*>\\s*");
  /** Outlook's display form {@code Anna Berg (anna@example.se)}. */
  private static final Pattern NAME_THEN_ADDRESS =
      Pattern.compile("\\s*[^()<>@\"]+\\(\\s*([^()<>\\s@]+@[^()<>\\s@]+)\\s*\\)\\s*");
  private static final Set<String> NAME =
      Set.of("name", "display name", "full name", "contact name", "fn", "contact", "name (original name)",
          "user name (original name)", "attendee name", "anzeigename", "nom à afficher",
          "participant name", "guest name", "氏名", "名前", "姓名", "이름");
  // Outlook names its columns in the language it runs in: the German, French, Spanish, Dutch,
  // Italian, Portuguese, Swedish, Polish and Japanese names of the columns Kith reads are listed with
  // the English ones
  private static final Set<String> FIRST =
      Set.of("first name", "given name", "firstname", "first", "forename", "givenname", "vorname", "prénom", "prenom",
          "nombre", "voornaam", "förnamn", "fornamn", "imię", "imie", "名");
  /** Italian and Portuguese "Nome": the first name beside "Cognome" or "Sobrenome", else the whole name. */
  private static final String NOME = "nome";
  private static final Set<String> MIDDLE =
      Set.of("middle name", "additional name", "middlename", "middle", "weitere vornamen", "deuxième prénom",
          "segundo nombre", "middelste naam", "tussenvoegsel", "secondo nome", "drugie imię", "mellannamn");
  /** Jr., Sr., III: they tell a father from his son, so they stay in the name. */
  private static final Set<String> SUFFIX =
      Set.of("suffix", "name suffix", "namenszusatz", "suffixe", "sufijo", "achtervoegsel");
  private static final Set<String> LAST =
      Set.of("last name", "family name", "surname", "lastname", "last", "familyname", "nachname", "nom", "apellidos",
          "achternaam", "familienname", "apellido", "nom de famille", "cognome", "sobrenome", "efternamn", "nazwisko", "姓");
  private static final Set<String> ORG =
      Set.of("company", "organization", "organisation", "org", "employer", "company name", "organization name",
          "organisation name", "business name", "firma", "société", "societe", "entreprise", "organización", "compañía",
          "organisatie", "bedrijf", "account name", "company / organization", "company/organization",
          "company / organisation", "organization / company", "current company", "your company", "works at", "affiliation",
          "company or organization", "organization or company", "empresa", "unternehmen", "firmenname", "azienda",
          "società", "societa", "företag", "foretag", "bedrijfsnaam", "nazwa firmy", "会社名", "会社", "勤務先", "公司",
          "회사");
  private static final Set<String> JOB_TITLE =
      Set.of("job title", "arbeitstitel", "position", "role", "organization title", "organisation title", "jobtitle", "job", "fonction",
          "puesto", "cargo", "functie", "occupation", "designation", "job title at company", "title at company",
          "your role", "current title", "current position", "job role", "posizione", "qualifica", "befattning",
          "stanowisko", "役職", "职位", "직책");
  /** Outlook's "no date": 0/0/00, 0/0/0000, 00.00.0000 and the like. */
  private static final Pattern NO_DATE = Pattern.compile("\\s*0+[/.-]0+[/.-]0+\\s*");
  private static final Set<String> BIRTHDAY =
      Set.of("birthday", "birth date", "date of birth", "bday", "dob", "birthdate", "geburtstag", "geburtsdatum",
          "anniversaire", "date de naissance", "cumpleaños", "fecha de nacimiento", "verjaardag", "compleanno",
          "data di nascita", "aniversário", "aniversario", "data de nascimento", "födelsedag", "urodziny", "data urodzenia",
          "誕生日", "生日", "생일");
  private static final Set<String> NOTES =
      Set.of("notes", "note", "comments", "comment", "notizen", "notiz", "remarques", "notas", "notities", "description",
          "intro", "bemerkung", "bemerkungen", "anmerkungen", "anteckningar", "uwagi", "observações", "observacoes", "メモ",
          "备注", "메모");
  private static final Set<String> NICKNAME = Set.of("nickname", "nick name", "file as", "spitzname", "surnom");
  /** Outlook's "Profession", beside its "Job Title": the title of a row whose job title is empty. */
  private static final Set<String> PROFESSION =
      Set.of("profession", "beruf", "profesión", "profesion", "beroep", "professione", "profissão", "profissao", "yrke",
          "zawód", "zawod");
  /** The day someone entered the network: LinkedIn's connection, a badge scan at an event. */
  private static final Set<String> SINCE =
      Set.of("connected on", "since", "scanned at", "scan date", "scanned on", "date scanned", "met on", "date met");

  final String format;
  final boolean headerless;
  /** Zoom's meeting or webinar summary ("Meeting ID", "Topic", the host's "User Email"): no participants. */
  boolean summary;
  /** The header's cells as the file wrote them (empty for a headerless file). */
  private List<String> header = List.of();
  private final int columns;
  private int nickname = -1;
  private int profession = -1;
  private int suffix = -1;
  private int name = -1, first = -1, middle = -1, last = -1, org = -1, title = -1, birthday = -1, notes = -1, since = -1;
  private int birthYear = -1, birthMonth = -1, birthDay = -1;
  private final List<Column> emails = new ArrayList<>();
  private final List<Column> phones = new ArrayList<>();
  private int known;
  /** Whether the file's own slashed birthdays showed day first, and month first (see {@link #noteDateOrder}). */
  private boolean dayFirstSeen, monthFirstSeen;
  /** A generic CSV from a service that writes its dates month first (Mailchimp). */
  private boolean usDates;
  /** Kith's own `export --format csv`: its names are read as they were stored. */
  private boolean kithExport;
  /** Zoom's "Name (Original Name)" column, see {@link #originalName}. */
  private boolean zoomNames;

  /** A multi-valued column: its value, its type/label column (or -1), its order. */
  private record Column(int value, int type, int order, boolean primary) {}

  private CsvLayout(String format, boolean headerless, int columns) {
    this.format = format;
    this.headerless = headerless;
    this.columns = columns;
  }

  static String normalise(String header) {
    String h = header.replace("\uFEFF", "").replace('"', ' ').replace('_', ' ').trim().toLowerCase(Locale.ROOT);
    h = h.replaceAll("\\s+", " ");
    // Pipedrive prefixes each column with the record kind: "Person - Name", "Person - Email - Work"
    return h.startsWith("person - ") ? h.substring("person - ".length()) : h;
  }

  /** The layout a header describes, or null when it names no contact column. */
  static CsvLayout fromHeader(List<String> raw) {
    List<String> h = raw.stream().map(CsvLayout::normalise).toList();
    String format = format(h);
    CsvLayout l = new CsvLayout(format, false, h.size());
    l.header = List.copyOf(raw);
    l.summary = h.contains("topic") && (h.contains("meeting id") || h.contains("webinar id"));
    boolean hasJobTitle = h.stream().anyMatch(JOB_TITLE::contains);
    // Yahoo Mail names its phone columns "Home", "Work", "Mobile", "Other" beside "Yahoo! Phone"
    boolean yahoo = h.contains("yahoo! phone") || h.contains("yahoo phone");
    // Meetup's member list: "Title" is the member's role in the group (Organizer, Event Host)
    boolean meetup = h.contains("member id") && h.stream().anyMatch(c -> c.startsWith("joined group"));
    // Mailchimp's audience writes its birthdays MM/DD
    l.usDates = h.contains("member rating") && h.contains("leid");
    l.kithExport = h.contains("next due") && h.contains("last interaction") && h.contains("sources");
    List<int[]> numberedEmail = new ArrayList<>(), numberedPhone = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      String c = h.get(i);
      if (c.length() > 40 && !c.endsWith("?")) {
        continue; // a sentence (LinkedIn's preamble), not a column name; a long question may be one
      }
      Matcher m = NUMBERED.matcher(c);
      Matcher om = ORG_NUMBERED.matcher(c);
      if (m.matches()) {
        int n = Integer.parseInt(m.group(2));
        boolean value = m.group(3).equals("value");
        List<int[]> list = m.group(1).startsWith("e") ? numberedEmail : numberedPhone;
        int[] slot = list.stream().filter(s -> s[0] == n).findFirst().orElse(null);
        if (slot == null) {
          slot = new int[] {n, -1, -1};
          list.add(slot);
        }
        slot[value ? 1 : 2] = i;
      } else if (om.matches()) {
        if (om.group(1).equals("1")) {
          if (om.group(2).equals("name")) {
            l.org = i;
          } else {
            l.title = i;
          }
          l.known++;
        }
      } else if (c.equals("name") && h.stream().anyMatch(FIRST::contains) && h.stream().noneMatch(LAST::contains)) {
        l.last = i; // a German list's "Name" beside "Vorname" is the family name
        l.known++;
      } else if (NAME.contains(c) || (c.equals(NOME) && h.stream().noneMatch(LAST::contains))) {
        l.zoomNames |= l.name < 0 && c.endsWith("(original name)");
        l.name = l.name < 0 ? i : l.name;
        l.known++;
      } else if (c.equals(NOME)) {
        l.first = i;
        l.known++;
      } else if (FIRST.contains(c)) {
        l.first = i;
        l.known++;
      } else if (MIDDLE.contains(c)) {
        l.middle = i;
      } else if (SUFFIX.contains(c)) {
        l.suffix = i;
      } else if (LAST.contains(c)) {
        l.last = i;
        l.known++;
      } else if (ORG.contains(c)) {
        l.org = l.org < 0 ? i : l.org;
        l.known++;
      } else if (c.equals("title") && meetup) {
        l.known++; // a column Meetup's member list is known by, and left out
      } else if (JOB_TITLE.contains(c) || (TITLE.contains(c) && !hasJobTitle && !honorific(h, i))) {
        l.title = l.title < 0 ? i : l.title;
        l.known++;
      } else if (c.endsWith("?") && asksFor(c, ORG_QUESTION) && !asksFor(c, "email", "e-mail", "phone")) {
        l.org = l.org < 0 ? i : l.org; // an event's registration question: "What company do you work for?"
        l.known++;
      } else if (c.endsWith("?") && asksFor(c, TITLE_QUESTION)) {
        l.title = l.title < 0 ? i : l.title; // "What is your job title?"
        l.known++;
      } else if (c.equals("birth day") || (c.equals("geburtstag") && h.contains("geburtsmonat"))) {
        l.birthDay = i; // Thunderbird's birthday in three columns; in German the day's is "Geburtstag"
      } else if (BIRTHDAY.contains(c)) {
        l.birthday = i;
      } else if (c.equals("birth year") || c.equals("geburtsjahr")) {
        l.birthYear = i;
      } else if (c.equals("birth month") || c.equals("geburtsmonat")) {
        l.birthMonth = i;
      } else if (NOTES.contains(c)) {
        l.notes = i;
      } else if (NICKNAME.contains(c)) {
        l.nickname = l.nickname < 0 ? i : l.nickname;
      } else if (PROFESSION.contains(c)) {
        l.profession = i;
      } else if (SINCE.contains(c)) {
        l.since = i;
      } else if (isEmail(c)) {
        l.emails.add(new Column(i, typeColumn(h, i), i, c.contains("primary")));
        l.known++;
      } else if (isPhone(c) || (yahoo && (c.equals("home") || c.equals("work") || c.equals("other")))) {
        l.phones.add(new Column(i, -1, i, c.contains("primary")));
        l.known++;
      }
    }
    for (int[] s : numberedEmail) {
      if (s[1] >= 0) {
        l.emails.add(new Column(s[1], s[2], s[0], false));
        l.known++;
      }
    }
    for (int[] s : numberedPhone) {
      if (s[1] >= 0) {
        l.phones.add(new Column(s[1], s[2], s[0], false));
        l.known++;
      }
    }
    Comparator<Column> order = Comparator.comparing((Column c) -> !c.primary).thenComparingInt(Column::order);
    l.emails.sort(order);
    l.phones.sort(order);
    boolean contactish = l.name >= 0 || l.first >= 0 || l.last >= 0 || !l.emails.isEmpty() || !l.phones.isEmpty();
    return contactish && (l.known >= 2 || !l.emails.isEmpty()) ? l : null;
  }

  private static String format(List<String> h) {
    if (h.contains("connected on") || (h.contains("first name") && h.contains("url") && h.contains("position"))) {
      return LINKEDIN;
    }
    if (h.stream().anyMatch(c -> NUMBERED.matcher(c).matches()) || h.contains("group membership")
        || (h.contains("labels") && h.contains("organization name"))) {
      return GOOGLE;
    }
    if (h.contains("e-mail address") || h.contains("e-mail 2 address")
        || (h.contains("job title") && h.contains("business phone") && h.contains("company"))) {
      return OUTLOOK;
    }
    return GENERIC;
  }

  private static final String[] ORG_QUESTION =
      {"company", "organization", "organisation", "employer", "work for", "where do you work", "where you work"};
  private static final String[] TITLE_QUESTION = {"job title", "your title", "your role", "position", "what do you do"};

  private static boolean asksFor(String question, String... words) {
    for (String w : words) {
      if (question.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** "Title", and French Outlook's "Titre", which it writes twice: the honorific, then the job title. */
  private static final Set<String> TITLE = Set.of("title", "titre");

  /** Outlook's "Title" is the honorific (Dr., Ms.) and comes right before "First Name"; a CRM's is the job. */
  private static boolean honorific(List<String> h, int i) {
    return i + 1 < h.size() && FIRST.contains(h.get(i + 1));
  }

  /**
   * Words that make a column about an address or number rather than the address or number itself:
   * CRM exports have "Owner Email" (the salesperson's), "Email Opt Out", "Marketing emails opened",
   * "Email Domain", "Phone Extension" and the like; an event's attendee report has "Buyer Email",
   * the address of whoever paid, which is someone else's for a ticket bought for a colleague.
   */
  private static final Set<String> NOT_THE_VALUE =
      Set.of("owner", "opt", "opted", "optout", "unsubscribed", "unsubscribe", "subscribed", "opened", "clicked", "sent",
          "bounced", "bounce", "domain", "status", "consent", "count", "date", "format", "preference", "preferences",
          "marketing", "verified", "valid", "extension", "ext", "do", "not", "has", "hasoptedoutofemail", "donotcall",
          "last", "first", "hash", "buyer", "purchaser");

  private static boolean aboutTheValue(String c) {
    for (String w : c.split("[ \\-/'().:_]+")) {
      if (NOT_THE_VALUE.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmail(String c) {
    // the address's type (SMTP, EX) and display name sit in columns of their own
    if (c.contains("typ") || c.contains("tipo") || c.contains("label") || c.contains("display") || c.contains("angezeigt")
        || c.contains("nom ") || c.contains("nombre") || c.contains("weergave") || c.contains("wyświetlana")
        || c.contains("visualizzato") || c.contains("visningsnamn") || c.contains("exibição") || c.contains("exibicao")
        || c.contains("表示名") || aboutTheValue(c)) {
      return false;
    }
    return c.contains("e-mail") || c.contains("email") || c.equals("mail") || c.startsWith("mail ") || c.endsWith(" mail")
        || c.contains("messagerie") || c.contains("correo") || c.contains("courriel") || c.contains("e-post")
        || c.contains("posta elettronica") || c.contains("メール") || c.contains("邮件") || c.contains("邮箱")
        || c.contains("이메일");
  }

  private static final Set<String> PHONE_WORDS =
      Set.of("phone", "mobile", "tel", "telephone", "cell", "cellphone", "handy", "phones", "telefon", "mobiltelefon",
          "téléphone", "portable", "teléfono", "telefono", "móvil", "movil", "telefoon", "mobiel", "mobieltje", "mobil",
          "mobilnummer", "telefonnummer", "handynummer", "rufnummer", "festnetz", "celular", "telefoonnummer",
          "mobielnummer", "gsm", "cellulare", "cellulaire", "phonenumber", "mobilephone", "mobilenumber", "telefone",
          "whatsapp", "komórka", "telefonu", "携帯電話", "電話", "電話番号", "携帯", "手机",
          "电话", "휴대폰", "전화");

  private static boolean isPhone(String c) {
    // Outlook's "Company Main Phone" is the switchboard, shared by everyone there: not the person's
    if (c.contains("fax") || c.contains("pager") || c.contains("type") || c.contains("label") || c.contains("assist")
        || c.contains("asst") || c.contains("video") || c.contains("company") || c.contains("firma") || c.contains("société")
        || c.contains("empresa") || c.contains("bedrijf") || aboutTheValue(c)) {
      return false;
    }
    for (String w : c.split("[ \\-/'().]+")) {
      // "MobilePhone", "HomePhone": Salesforce's API names run the words together
      if (PHONE_WORDS.contains(w) || (w.endsWith("phone") && w.length() > "phone".length())) {
        return true;
      }
    }
    return false;
  }

  /** Outlook desktop writes "E-mail Type" right after "E-mail Address" ("EX" for Exchange addresses). */
  private static int typeColumn(List<String> h, int i) {
    if (i + 1 < h.size() && h.get(i + 1).startsWith("e-mail") && h.get(i + 1).endsWith("type")) {
      return i + 1;
    }
    return -1;
  }

  /** A layout for a file without a header, guessed from its first row. */
  static CsvLayout guess(List<String> firstRow) {
    CsvLayout l = new CsvLayout(GENERIC, true, firstRow.size());
    for (int i = 0; i < firstRow.size(); i++) {
      String v = firstRow.get(i).trim();
      if (v.contains("@") && !v.contains(" ")) {
        l.emails.add(new Column(i, -1, i, false));
      } else if (v.replaceAll("[^0-9]", "").length() >= 7 && v.matches("[+0-9 ()./-]+")) {
        l.phones.add(new Column(i, -1, i, false));
      } else if (l.name < 0 && v.codePoints().anyMatch(Character::isLetter)) {
        l.name = i;
      }
    }
    return l.emails.isEmpty() ? null : l;
  }

  int columns() {
    return columns;
  }

  /** Whether the first column holds a name, or part of one (a row with only that cell may be a person). */
  boolean namesInFirstColumn() {
    return name == 0 || first == 0 || last == 0 || nickname == 0;
  }

  String firstColumn() {
    return header.isEmpty() ? "" : header.get(0).strip();
  }

  /** Whether a row repeats the header (two exports joined into one file). */
  boolean isHeader(List<String> cells) {
    if (header.isEmpty() || cells.size() != header.size() || !cells.get(0).strip().equals(header.get(0).strip())) {
      return false; // nearly every row: its first cell differs
    }
    for (int i = 1; i < cells.size(); i++) {
      if (!cells.get(i).strip().equals(header.get(i).strip())) {
        return false;
      }
    }
    return true;
  }

  /** Salesforce's "Grand Totals (12 records)" under a report's rows. */
  private static final Pattern REPORT_TOTAL = Pattern.compile("(?i)\\s*(?:grand )?totals?\\s*\\(\\s*\\d[\\d.,]*\\s+records?\\s*\\)\\s*");

  static boolean isReportTotal(List<String> cells) {
    if (cells.isEmpty() || cells.get(0).indexOf('(') < 0 || !REPORT_TOTAL.matcher(cells.get(0)).matches()) {
      return false;
    }
    for (int i = 1; i < cells.size(); i++) {
      if (!cells.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Slashed dates month first: as the file's own dates showed, else as its producer writes them. */
  boolean monthFirst() {
    return dayFirstSeen != monthFirstSeen ? monthFirstSeen : usDates || !format.equals(GOOGLE) && !format.equals(GENERIC);
  }

  /** Whether rows have slashed dates whose order of day and month the file's own rows can tell. */
  boolean hasDates() {
    return birthday >= 0 || since >= 0;
  }

  /**
   * Notes the order of day and month a row's slashed birthday shows. Outlook writes them in the
   * order of the computer's regional settings, so a UK export has 15/03/1985 where a US one has
   * 3/15/1985. A date that can only be read one way (a number over 12) decides for the ambiguous
   * ones, such as 03/04/1990; when the file shows both orders, each format's default stays.
   */
  void noteDateOrder(List<String> row) {
    for (int column : new int[] {birthday, since}) {
      Boolean order = Dates.slashedOrder(cell(row, column));
      dayFirstSeen |= Boolean.FALSE.equals(order);
      monthFirstSeen |= Boolean.TRUE.equals(order);
    }
  }

  /**
   * Whether the record holds rows that a stray quote swallowed: a name, address, phone, company or
   * title cell with a line break and, after it, the delimiter ({@code "Bob,bob@x.org,Beta\nCy,...}).
   * Notes and addresses may span lines; these cells never do, let alone with the rows' delimiters.
   */
  boolean swallowsRows(List<String> cells, char delimiter) {
    if (!anyLineBreak(cells)) {
      return false; // nearly every row: nothing below can hold
    }
    for (int i : new int[] {name, first, middle, last, org, title}) {
      if (swallows(cells, i, delimiter)) {
        return true;
      }
    }
    for (Column c : emails) {
      if (swallows(cells, c.value, delimiter)) {
        return true;
      }
    }
    for (Column c : phones) {
      if (swallows(cells, c.value, delimiter)) {
        return true;
      }
    }
    // notes may span lines, but not one that holds a whole row's delimiters
    for (String v : cells) {
      if (holdsARow(v, delimiter)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any cell holds a line break: without one, no cell can have run into the rows below. */
  private static boolean anyLineBreak(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (c == '\n' || c == '\r') {
          return true;
        }
      }
    }
    return false;
  }

  private boolean holdsARow(String v, char delimiter) {
    if (columns < 3) {
      return false;
    }
    int lineStart = v.indexOf('\n') + 1;
    while (lineStart > 0) {
      int end = v.indexOf('\n', lineStart);
      int count = 0;
      for (int i = lineStart; i < (end < 0 ? v.length() : end); i++) {
        if (v.charAt(i) == delimiter) {
          count++;
        }
      }
      if (count >= columns - 1) {
        return true;
      }
      lineStart = end + 1;
    }
    return false;
  }

  private static boolean swallows(List<String> cells, int i, char delimiter) {
    if (i < 0 || i >= cells.size()) {
      return false;
    }
    String v = cells.get(i);
    int br = v.indexOf('\n');
    if (br < 0) {
      br = v.indexOf('\r');
    }
    return br >= 0 && v.indexOf(delimiter, br) >= 0;
  }

  /** The names Zoom's apps give a participant who did not give one: "iPhone", "Ana's iPad", "Galaxy S23". */
  private static final Pattern DEVICE = Pattern.compile(
      "(?i)\\s*(?:\\S+(?:'|’)s\\s+)?(?:iphone|ipad|android|galaxy(?:\\s+\\S+)?|pixel(?:\\s+\\S+)?|macbook(?:\\s+\\S+)?"
          + "|zoom user|zoom rooms?|guest)\\s*");

  /** Zoom's "Display Name (Original Name)" of someone who renamed themselves in the meeting: the original. */
  private static final Pattern RENAMED = Pattern.compile("[^()]+\\(([^()]+)\\)\\s*");

  private String originalName(String value) {
    if (!zoomNames || value == null) {
      return value;
    }
    Matcher m = RENAMED.matcher(value);
    return m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : value;
  }

  /** The record's fields; multi-values split on " ::: ", "* " marks the primary one. */
  Draft map(List<String> cells) {
    Draft d = new Draft();
    d.name = kithExport ? cell(cells, name) : familyNameFirst(originalName(cell(cells, name))); // Kith's own names as stored
    if (d.name == null) {
      String joined = Draft.joinName(cell(cells, first), cell(cells, middle), cell(cells, last));
      String sfx = cell(cells, suffix);
      d.name = joined == null ? cell(cells, nickname) : sfx == null ? joined : joined + " " + sfx;
    }
    if (zoomNames && d.name != null && DEVICE.matcher(d.name).matches()) {
      // someone who joined from an app that names them after the device: no name of a person
      d.notesOnRecord.add("the name '" + Draft.shorten(d.name) + "' is a device's, not a person's; left out");
      d.name = null;
    }
    boolean placeholder = d.name != null && d.name.equalsIgnoreCase("info requested");
    if (placeholder) {
      d.name = null; // Eventbrite's first "Info", last "Requested": details the organiser did not collect
    }
    for (Column c : emails) {
      String type = cell(cells, c.type);
      if (type != null && type.equalsIgnoreCase("EX")) {
        continue; // an Exchange directory name, not an address
      }
      boolean primaryByType = type != null && type.startsWith("* ");
      for (String v : split(cell(cells, c.value))) {
        boolean star = v.startsWith("* ");
        String value = star ? v.substring(2) : v;
        if (value.startsWith("/o=") || value.startsWith("/O=")) {
          continue;
        }
        Matcher named = value.indexOf('<') >= 0 ? NAMED_ADDRESS.matcher(value) : null;
        if ((named == null || !named.matches()) && value.indexOf('(') >= 0) {
          named = NAME_THEN_ADDRESS.matcher(value);
        }
        if (named != null && named.matches()) {
          d.notesOnRecord.add("e-mail '" + Draft.shorten(value) + "' has a display name; the address " + named.group(1) + " is kept");
          value = named.group(1);
        }
        d.email(value, star || primaryByType);
        primaryByType = false;
      }
    }
    for (Column c : phones) {
      String type = cell(cells, c.type);
      if (type != null && (type.toLowerCase(Locale.ROOT).contains("fax") || type.toLowerCase(Locale.ROOT).contains("pager"))) {
        continue;
      }
      boolean primaryByType = type != null && type.startsWith("* ");
      for (String v : split(cell(cells, c.value))) {
        boolean star = v.startsWith("* ");
        d.phone(star ? v.substring(2) : v, star || primaryByType);
        primaryByType = false;
      }
    }
    // Google writes a second organisation after " ::: "; the first is the current one
    d.organization = first(split(cell(cells, org)));
    d.title = first(split(cell(cells, title)));
    if (d.title == null) {
      d.title = first(split(cell(cells, profession)));
    }
    boolean monthFirst = monthFirst();
    String b = cell(cells, birthday);
    if (b != null && NO_DATE.matcher(b).matches()) {
      // Outlook writes 0/0/00 for "no birthday" on nearly every row: nothing to note
    } else if (b != null) {
      d.birthday = Dates.birthday(b, monthFirst);
      if (d.birthday == null) {
        d.notesOnRecord.add("birthday '" + Draft.shorten(b) + "' is not a date; left out");
      }
    } else if (birthMonth >= 0 && birthDay >= 0 && cell(cells, birthMonth) != null && cell(cells, birthDay) != null) {
      String y = cell(cells, birthYear);
      try {
        int mo = Integer.parseInt(cell(cells, birthMonth)), da = Integer.parseInt(cell(cells, birthDay));
        d.birthday = y == null ? Dates.monthDay(mo, da) : Dates.birthday(String.format("%s-%02d-%02d", y, mo, da), false);
      } catch (NumberFormatException e) {
        d.notesOnRecord.add("birthday is not a date; left out");
      }
    }
    d.notes = cell(cells, notes);
    if (placeholder && d.emails.isEmpty() && d.phones.isEmpty()) {
      d.reject("the attendee's details were not collected (Eventbrite's \"Info Requested\")");
    }
    String s = cell(cells, since);
    if (s != null) {
      // LinkedIn writes "12 Mar 2024"; a copy saved by Excel has 3/12/2024 in the computer's order
      d.since = Dates.date(s, monthFirst);
      if (d.since == null && s.indexOf(' ') > 0) {
        d.since = Dates.date(s.substring(0, s.indexOf(' ')), monthFirst); // a badge scan's "5/14/2025 10:32 AM"
      }
      if (d.since == null) {
        d.notesOnRecord.add("the day added ('" + Draft.shorten(s) + "') is not a date; left out");
      }
    }
    if (d.name != null && d.emails.isEmpty() && d.phones.isEmpty() && d.organization == null && d.title == null
        && TOTAL_ROW.matcher(d.name).matches()) {
      d.reject("a spreadsheet's total row, not a person");
    }
    return d;
  }

  /** "Okafor, Chinedu" in a name column is Chinedu Okafor; "Jane Doe, MBA" and "Acme, Inc" stay as they are. */
  static String familyNameFirst(String name) {
    if (name == null) {
      return null;
    }
    int comma = name.indexOf(',');
    if (comma <= 0 || comma != name.lastIndexOf(',')) {
      return name;
    }
    String family = name.substring(0, comma).strip(), given = name.substring(comma + 1).strip();
    String bare = given.toLowerCase(Locale.ROOT).replace(".", "");
    if (family.isEmpty() || given.isEmpty() || NOT_GIVEN_NAMES.contains(bare) || family.split("\\s+").length > 3
        || given.split("\\s+").length > 3 || given.indexOf('@') >= 0) {
      return name;
    }
    return given + " " + family;
  }

  /** What follows a comma after a name without being a given name: suffixes, degrees, legal forms. */
  private static final Set<String> NOT_GIVEN_NAMES =
      Set.of("jr", "sr", "ii", "iii", "iv", "v", "phd", "mba", "md", "cpa", "esq", "dds", "msc", "bsc", "ma", "ba", "pmp",
          "cfa", "rn", "pe", "jd", "llm", "inc", "llc", "ltd", "gmbh", "ag", "sa", "plc", "corp", "co", "na", "nv", "bv",
          "llp", "lp", "pllc", "pc", "pty", "pty ltd", "srl", "sarl", "sas", "spa", "oy", "kg", "kk", "se", "as", "ab", "asa",
          "aps", "sl", "sp z oo", "company", "bank");

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> split(String cell) {
    if (cell == null) {
      return List.of();
    }
    if (cell.indexOf(" ::: ") < 0) {
      return cell.isBlank() ? List.of() : List.of(cell.strip()); // one value, as nearly always
    }
    List<String> out = new ArrayList<>();
    for (String v : MULTI.split(cell)) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  /** Notion writes a relation as the page's title and its link: "Northwind Labs (https://www.notion.so/...)". */
  private static final Pattern NOTION_LINK = Pattern.compile("\\s*\\(https://www\\.notion\\.so/[^\\s)]*\\)");

  /**
   * A trimmed cell, null when empty; a leading apostrophe that guarded a formula-like value is
   * removed, and so are Notion's page links. Eventbrite's "Info Requested" (an attendee whose details
   * the organiser did not ask for) is no value.
   */
  private static String cell(List<String> cells, int i) {
    if (i < 0 || i >= cells.size()) {
      return null;
    }
    String v = cells.get(i).strip();
    if (v.length() > 1 && v.charAt(0) == '\'' && ("=+-@".indexOf(v.charAt(1)) >= 0
        || v.length() > 2 && v.charAt(1) == '\'' && "=+-@".indexOf(v.charAt(2)) >= 0)) {
      v = v.substring(1); // the guard Kith's export (or a spreadsheet) put before a formula-like value
    }
    if (v.indexOf("notion.so/") >= 0) {
      v = NOTION_LINK.matcher(v).replaceAll("").strip();
    }
    return v.isEmpty() || v.equalsIgnoreCase("info requested") ? null : v;
  }
}
