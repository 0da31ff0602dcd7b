package app.kith.notify;

import app.kith.config.KithConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends through the SMTP server of {@code kith.smtp.*}, over one connection for a whole batch
 * (reconnecting after a failure). STARTTLS is required when {@code kith.smtp.starttls} is on, and
 * the server's identity is checked. The password is never logged.
 */
final class SmtpSink implements MailSink {

  private final Session session;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private Transport transport;

  SmtpSink(KithConfig config) {
    this.host = config.require("kith.smtp.host");
    this.port = config.getInt("kith.smtp.port", 25);
    this.username = config.find("kith.smtp.username").orElse(null);
    this.password = config.find("kith.smtp.password").orElse(null);
    boolean starttls = config.getBoolean("kith.smtp.starttls", false);
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.auth", Boolean.toString(username != null));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.setProperty("mail.smtp.connectiontimeout", config.get("kith.smtp.connect-timeout-ms", "10000"));
    p.setProperty("mail.smtp.timeout", config.get("kith.smtp.timeout-ms", "30000"));
    this.session = Session.getInstance(p);
  }

  Session session() {
    return session;
  }

  @Override
  public void deliver(long outboxId, MimeMessage message) throws MessagingException, Unavailable {
    // not transport.isConnected(): for SMTP that costs a NOOP round trip per message. A reused
    // connection the server has dropped meanwhile fails at once; then one fresh connection is tried.
    boolean reused = transport != null;
    connect();
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      closeQuietly();
      if (!reused || !connectionLost(e)) {
        throw e;
      }
      connect();
      try {
        transport.sendMessage(message, message.getAllRecipients());
      } catch (MessagingException again) {
        closeQuietly();
        throw again;
      }
    }
  }

  /**
   * Whether the connection was gone rather than the message refused: an I/O error, or no reply at
   * all (Angus reports a server that closed the connection as a send failure with return code -1,
   * "[EOF]", depending on whether the write or the read noticed first).
   */
  private static boolean connectionLost(MessagingException e) {
    return e.getNextException() instanceof java.io.IOException
        || e.getCause() instanceof java.io.IOException
        || (e instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f && f.getReturnCode() == -1);
  }

  private void connect() throws Unavailable {
    if (transport != null) {
      return;
    }
    try {
      transport = session.getTransport("smtp");
      transport.connect(host, port, username, password);
    } catch (MessagingException e) {
      closeQuietly();
      throw new Unavailable(e);
    }
  }

  @Override
  public boolean sends() {
    return true;
  }

  private void closeQuietly() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // already gone
      }
      transport = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
