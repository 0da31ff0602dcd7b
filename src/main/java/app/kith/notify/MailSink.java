package app.kith.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where the relay hands messages: an SMTP server, or the {@code outbox/mail/} folder. */
interface MailSink extends AutoCloseable {

  /** Delivers one message; throws when it was not accepted. */
  void deliver(long outboxId, MimeMessage message) throws Exception;

  /** Whether delivering means "sent" (SMTP) rather than "written" (a file). */
  boolean sends();

  @Override
  void close();

  /** The destination cannot be reached at all: the rest of the batch need not be tried now. */
  final class Unavailable extends Exception {
    Unavailable(Exception cause) {
      super(describe(cause), cause);
    }
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    if (e instanceof MessagingException me && me.getNextException() != null && me.getNextException().getMessage() != null) {
      m = m + ": " + me.getNextException().getMessage();
    }
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
