package app.kith.app;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the watched mailbox reports a failed poll: one warning line that names the mailbox and the
 * cause, instead of Camel's page of stack trace every minute while the server is down or the
 * password is wrong. The trace is logged at debug ({@code --verbose}). The next poll tries again.
 */
public final class MailboxPollFailures implements ExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(MailboxPollFailures.class);

  private final MailImapSettings imap;
  private volatile String last;

  public MailboxPollFailures(MailImapSettings imap) {
    this.imap = imap;
  }

  @Override
  public void handleException(Throwable exception) {
    handleException(null, null, exception);
  }

  @Override
  public void handleException(String message, Throwable exception) {
    handleException(message, null, exception);
  }

  @Override
  public void handleException(String message, Exchange exchange, Throwable exception) {
    last = line(exception);
    LOG.warn("{}; the mailbox is polled again at the next interval", last);
    LOG.debug("mailbox poll failed: {}", message, exception);
  }

  /** The line the last failed poll logged, or null while none has failed. */
  public String last() {
    return last;
  }

  /** "mailbox imaps://host:993/INBOX: cannot poll (Connection refused)": the innermost cause says most. */
  String line(Throwable exception) {
    Throwable root = exception;
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root == null ? "unknown cause" : root.getMessage() == null || root.getMessage().isBlank()
        ? root.getClass().getSimpleName() : root.getMessage().strip();
    String outer = exception == null || exception == root || exception.getMessage() == null ? ""
        : firstLine(exception.getMessage()) + ": ";
    return "mailbox " + imap.protocol() + "://" + imap.host() + ":" + imap.port() + "/" + imap.folder() + ": cannot poll ("
        + outer + firstLine(why) + ")";
  }

  private static String firstLine(String s) {
    int br = s.indexOf('\n');
    return (br < 0 ? s : s.substring(0, br)).strip().replaceAll(";$", "");
  }
}
