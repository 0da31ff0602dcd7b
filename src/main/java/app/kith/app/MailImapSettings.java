package app.kith.app;

import app.kith.config.KithConfig;

/**
 * The watched mailbox's settings as the {@code mail-imap} route reads them
 * ({@code {{bean:mailImap.protocol}}}...): the route stays off while {@code kith.imap.host} is
 * empty, and {@code kith.imap.ssl} chooses {@code imaps} or {@code imap}.
 */
public final class MailImapSettings {

  private final KithConfig config;

  public MailImapSettings(KithConfig config) {
    this.config = config;
  }

  public String enabled() {
    return Boolean.toString(config.find("kith.imap.host").isPresent());
  }

  public String protocol() {
    return config.getBoolean("kith.imap.ssl", true) ? "imaps" : "imap";
  }

  /** A placeholder host while the route is off, so that the route can still be built (and stays stopped). */
  public String host() {
    return config.get("kith.imap.host", "localhost");
  }

  public String port() {
    return Integer.toString(config.getInt("kith.imap.port", config.getBoolean("kith.imap.ssl", true) ? 993 : 143));
  }

  public String username() {
    return config.get("kith.imap.username", "kith");
  }

  public String password() {
    return config.get("kith.imap.password", "");
  }

  public String folder() {
    return config.get("kith.imap.folder", "INBOX");
  }

  public String quarantineFolder() {
    return config.get("kith.imap.quarantine-folder", "Kith-Quarantine");
  }

  @Override
  public String toString() {
    return "MailImapSettings[" + protocol() + "://" + host() + ":" + port() + "/" + folder() + "]"; // never the password
  }
}
