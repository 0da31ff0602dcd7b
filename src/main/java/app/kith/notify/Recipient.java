package app.kith.notify;

import app.kith.config.ConfigException;
import app.kith.config.KithConfig;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/** The only address Kith ever mails: the owner ({@code kith.owner.email}), strictly parsed. */
public final class Recipient {
  private Recipient() {}

  public static InternetAddress owner(KithConfig config) {
    return address(config.get("kith.owner.email", ""), config.get("kith.owner.name", ""), "kith.owner.email");
  }

  /** The sender: {@code kith.mail.from} or the owner's address, shown as "Kith". */
  public static InternetAddress sender(KithConfig config) {
    String from = config.find("kith.mail.from").orElse(config.get("kith.owner.email", ""));
    return address(from, "Kith", config.find("kith.mail.from").isPresent() ? "kith.mail.from" : "kith.owner.email");
  }

  static InternetAddress address(String email, String name, String key) {
    String e = email == null ? "" : email.strip();
    try {
      if (e.isEmpty() || !Text.oneLine(e, 320).equals(e) || e.indexOf(',') >= 0 || e.indexOf('<') >= 0) {
        throw new AddressException(e);
      }
      InternetAddress a = new InternetAddress(e, true);
      a.validate();
      String display = Text.oneLine(name, 200);
      if (!display.isEmpty()) {
        a.setPersonal(display, StandardCharsets.UTF_8.name());
      }
      return a;
    } catch (AddressException | UnsupportedEncodingException ex) {
      throw new ConfigException("setting " + key + " must be one plain email address, not '" + Text.oneLine(e, 100) + "'");
    }
  }
}
