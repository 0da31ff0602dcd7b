package app.kith.ingest.contacts;

import com.github.mangstadt.vinnie.io.VObjectPropertyValues;
import ezvcard.VCardDataType;
import ezvcard.io.ParseContext;
import ezvcard.io.scribe.TelephoneScribe;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Telephone;

/**
 * ez-vcard's reading of {@code TEL}, without its costly first guess. ez-vcard tries every number as
 * a {@code tel:} URI first, and a number written as text (nearly all of them) fails that try with
 * an exception and a formatted message before it is kept as text. In a profile of a 100,000-card
 * import that was a tenth of the reading thread's time. A value that does not start with
 * {@code tel:}, and is not declared a URI, is kept as text here straight away, as ez-vcard would
 * keep it; anything else goes to ez-vcard's own reading.
 */
final class TelephoneText extends TelephoneScribe {

  @Override
  protected Telephone _parseText(String value, VCardDataType dataType, VCardParameters parameters, ParseContext context) {
    String text = VObjectPropertyValues.unescape(value);
    if (dataType != VCardDataType.URI && !text.regionMatches(true, 0, "tel:", 0, 4)) {
      return new Telephone(text);
    }
    return super._parseText(value, dataType, parameters, context);
  }
}
