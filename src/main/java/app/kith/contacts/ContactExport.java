package app.kith.contacts;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Birthday;
import ezvcard.util.PartialDate;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Contacts out: vCard 4.0 (which ez-vcard and other readers parse back to the same fields) and a
 * CSV whose cells cannot run as spreadsheet formulas. Multiple e-mail addresses or phones share one
 * cell joined by {@code " ::: "}, as Google does, so Kith reads its own CSV back.
 */
public final class ContactExport {
  private ContactExport() {}

  public static final List<String> CSV_HEADER =
      List.of("Name", "Email", "Phone", "Organization", "Title", "Birthday", "Notes", "Since", "Cadence",
          "Last Interaction", "Next Due", "Sources");

  public static void vcf(List<Contact> contacts, Writer out) throws IOException {
    VCardWriter writer = new VCardWriter(out, VCardVersion.V4_0);
    writer.setAddProdId(true);
    for (Contact c : contacts) {
      writer.write(card(c));
    }
    writer.flush();
  }

  static VCard card(Contact c) {
    VCard v = new VCard();
    // FN is the name as stored, and empty for someone without one, so that reading the card back
    // gives no name rather than their e-mail address or phone number. Kith keeps no name parts,
    // so there is no N: cutting the name at a space would get "van der Berg", "山田 太郎" and
    // company names wrong in every reader that sorts by N.
    v.setFormattedName(c.name() == null ? "" : c.name());
    c.emails().forEach(v::addEmail);
    c.phones().forEach(p -> v.addTelephoneNumber(p));
    if (c.organization() != null) {
      v.setOrganization(c.organization());
    }
    if (c.title() != null) {
      v.addTitle(c.title());
    }
    if (c.birthday() != null) {
      if (c.birthday().startsWith("--")) {
        v.setBirthday(
            new Birthday(
                PartialDate.builder()
                    .month(Integer.parseInt(c.birthday().substring(2, 4)))
                    .date(Integer.parseInt(c.birthday().substring(5, 7)))
                    .build()));
      } else {
        v.setBirthday(new Birthday(LocalDate.parse(c.birthday())));
      }
    }
    if (c.notes() != null) {
      v.addNote(c.notes());
    }
    if (c.since() != null) {
      v.addExtendedProperty("X-KITH-SINCE", c.since().toString());
    }
    if (c.cadence() != null) {
      v.addExtendedProperty("X-KITH-CADENCE", c.cadence());
    }
    return v;
  }

  public static void csv(List<Contact> contacts, Writer out) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
    printer.printRecord(CSV_HEADER);
    for (Contact c : contacts) {
      printer.printRecord(
          cell(c.name()),
          cell(String.join(" ::: ", c.emails())),
          cell(String.join(" ::: ", c.phones())),
          cell(c.organization()),
          cell(c.title()),
          cell(c.birthday()),
          cell(c.notes()),
          cell(c.since() == null ? null : c.since().toString()),
          cell(c.cadence()),
          cell(c.lastInteraction() == null ? null : c.lastInteraction().toString()),
          cell(c.nextDue() == null ? null : c.nextDue().toString()),
          cell(String.join(" ::: ", c.sources())));
    }
    printer.flush();
  }

  /**
   * A cell a spreadsheet shows as text: one that starts like a formula ({@code = + - @}, tab or CR)
   * gets a leading apostrophe. Kith's CSV reader takes that apostrophe off again.
   */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char c = value.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + value;
    }
    if (c == '\'' && value.length() > 1 && "=+-@".indexOf(value.charAt(1)) >= 0) {
      return "'" + value; // '=x as stored: the reader takes one apostrophe off, and '=x comes back
    }
    return value;
  }
}
