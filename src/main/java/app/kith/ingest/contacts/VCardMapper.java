package app.kith.ingest.contacts;

import ezvcard.VCard;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.util.PartialDate;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;

/** The fields Kith keeps, taken from a parsed card. */
final class VCardMapper {
  private VCardMapper() {}

  static Draft map(VCard card) {
    Draft d = new Draft();
    d.name = name(card);
    for (Email e : card.getEmails()) {
      boolean pref = typed(e, "pref") || isPrefOne(e);
      d.email(e.getValue(), pref);
    }
    for (Telephone t : card.getTelephoneNumbers()) {
      String text = t.getText();
      if (text == null && t.getUri() != null) {
        text = t.getUri().getNumber();
        if (t.getUri().getExtension() != null) {
          text += " ext. " + t.getUri().getExtension();
        }
      }
      boolean pref = typed(t, "pref") || isPrefOne(t);
      if ((typed(t, "fax") || typed(t, "pager")) && !typed(t, "voice")) {
        continue; // a fax or a pager is not a way to keep in touch
      }
      d.phone(text, pref);
    }
    for (Organization o : card.getOrganizations()) {
      // the first component is the organisation; the ones after it are units within it, and a unit
      // alone (Evolution's "ORG:;Sales") names no organisation
      String org = o.getValues().isEmpty() ? null : o.getValues().get(0);
      if (org != null && !org.isBlank()) {
        d.organization = org.strip();
        break;
      }
    }
    if (d.name == null && d.organization != null
        && (card.getKind() != null && card.getKind().isOrg() || has(card, "X-ABSHOWAS", "company"))) {
      d.name = d.organization; // a company's own card (KIND:org; Apple's X-ABShowAs:COMPANY) is known by its name
    }
    for (Title t : card.getTitles()) {
      if (t.getValue() != null && !t.getValue().isBlank()) {
        d.title = t.getValue();
        break;
      }
    }
    for (Birthday b : card.getBirthdays()) {
      d.birthday = birthday(b);
      if (d.birthday != null) {
        break;
      }
    }
    if (d.birthday == null && !card.getBirthdays().isEmpty()) {
      // a month without its day (BDAY:1992-03), or words ("circa 1980"): nothing to send a reminder on
      Birthday b = card.getBirthdays().get(0);
      String shown = b.getText() != null ? b.getText() : b.getPartialDate() != null ? b.getPartialDate().toISO8601(true) : null;
      if (shown != null && !shown.isBlank()) {
        d.notesOnRecord.add("birthday '" + Draft.shorten(shown) + "' is not a day of the year; left out");
      }
    }
    // a date that is no date (1985-02-30) is kept by ez-vcard as an unparsed property, not a birthday
    var unparsed = card.getExtendedProperty("BDAY");
    if (d.birthday == null && card.getBirthdays().isEmpty() && unparsed != null && unparsed.getValue() != null
        && !unparsed.getValue().isBlank()) {
      d.birthday = Dates.birthday(unparsed.getValue(), false);
      if (d.birthday == null) {
        d.notesOnRecord.add("birthday '" + Draft.shorten(unparsed.getValue().strip()) + "' is not a day of the year; left out");
      }
    }
    List<String> notes = new ArrayList<>();
    for (Note n : card.getNotes()) {
      if (n.getValue() != null && !n.getValue().isBlank()) {
        notes.add(n.getValue().strip());
      }
    }
    d.notes = notes.isEmpty() ? null : String.join("\n\n", notes);
    return d;
  }

  /** PREF=1, read from the raw parameter: ez-vcard throws on a malformed one. */
  /**
   * Whether a TYPE of the property is this one, in any case: what ez-vcard's {@code getTypes().contains}
   * tells, without making a type object of every value on every call.
   */
  private static boolean typed(ezvcard.property.VCardProperty p, String type) {
    for (String v : p.getParameters().get("TYPE")) {
      if (v.equalsIgnoreCase(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPrefOne(ezvcard.property.VCardProperty p) {
    String v = p.getParameters().first("PREF");
    return v != null && v.trim().equals("1");
  }

  private static String name(VCard card) {
    for (FormattedName fn : card.getFormattedNames()) {
      if (fn.getValue() != null && !fn.getValue().isBlank()) {
        return givenNameFirst(fn.getValue().strip(), card);
      }
    }
    for (StructuredName n : card.getStructuredNames()) {
      List<String> parts = new ArrayList<>();
      parts.addAll(n.getPrefixes());
      String core = Draft.joinName(n.getGiven(), String.join(" ", n.getAdditionalNames()), n.getFamily());
      if (core != null) {
        parts.add(core);
      }
      parts.addAll(n.getSuffixes());
      String joined = String.join(" ", parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
      if (!joined.isEmpty()) {
        return joined;
      }
    }
    // a card with a nickname only ("Big Mike") is known by it
    for (ezvcard.property.Nickname n : card.getNicknames()) {
      for (String v : n.getValues()) {
        if (v != null && !v.isBlank()) {
          return v.strip();
        }
      }
    }
    return null;
  }

  /**
   * Outlook's "File As" order in FN ({@code FN:Doe, Johnathan} next to {@code N:Doe;Johnathan}): the
   * name as a person says it, given name first, when N shows which part is which.
   */
  private static String givenNameFirst(String fn, VCard card) {
    int comma = fn.indexOf(',');
    if (comma <= 0 || comma != fn.lastIndexOf(',')) {
      return fn;
    }
    String before = fn.substring(0, comma).strip(), after = fn.substring(comma + 1).strip();
    for (StructuredName n : card.getStructuredNames()) {
      if (n.getFamily() != null && n.getGiven() != null && before.equals(n.getFamily().strip())
          && after.equals(n.getGiven().strip()) && !after.isEmpty()) {
        return after + " " + before;
      }
    }
    return fn;
  }

  /**
   * How a card says it is a group of contacts rather than a person (vCard 4.0 {@code KIND:group};
   * Apple and CardDAV servers {@code X-ADDRESSBOOKSERVER-KIND:group}; Evolution {@code
   * X-EVOLUTION-LIST:TRUE}), or null.
   */
  static String groupMarker(VCard card) {
    if (card.getKind() != null && card.getKind().isGroup()) {
      return "KIND:group";
    }
    if (has(card, "X-ADDRESSBOOKSERVER-KIND", "group")) {
      return "X-ADDRESSBOOKSERVER-KIND:group";
    }
    return has(card, "X-EVOLUTION-LIST", "true") ? "X-EVOLUTION-LIST:TRUE" : null;
  }

  /** Whether the card has the extended property with this value (any case). */
  private static boolean has(VCard card, String property, String value) {
    for (var p : card.getExtendedProperties(property)) {
      if (p.getValue() != null && p.getValue().trim().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  static String birthday(Birthday b) {
    Temporal t = b.getDate();
    if (t != null) {
      LocalDate d = t.query(TemporalQueries.localDate());
      return d == null ? null : Dates.birthday(d.toString(), false);
    }
    PartialDate p = b.getPartialDate();
    if (p != null && p.getMonth() != null && p.getDate() != null) {
      if (p.getYear() != null) {
        return Dates.birthday(String.format("%04d-%02d-%02d", p.getYear(), p.getMonth(), p.getDate()), false);
      }
      return Dates.monthDay(p.getMonth(), p.getDate());
    }
    return Dates.birthday(b.getText(), false);
  }

  static LocalDate since(VCard card) {
    var p = card.getExtendedProperty("X-KITH-SINCE");
    return p == null ? null : Dates.date(p.getValue(), false);
  }
}
