package app.kith.app;

import app.kith.cli.Output;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.mail.Envelope;
import app.kith.ingest.mail.MailIn;
import app.kith.ingest.mail.ReplyActions;
import app.kith.store.Sql;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean of the {@code mail-imap} route. {@link #download} reads the raw bytes of the message the
 * consumer fetched (bounded by {@code kith.mail.max-bytes}) and names it for the idempotent
 * repository; {@link #receive} hands them to {@link MailIn} and, when Kith did not act on the
 * message, asks the consumer to move it to the quarantine folder (header {@code moveTo}, read by
 * camel-mail after the exchange completed) and keeps the reason in {@code mail_receipt}. Broken
 * infrastructure (database, connection) is thrown, so the message stays unseen on the server and is
 * read again on the next poll.
 */
public final class MailInbox {

  public static final String KEY = "kithMessageKey";
  static final String TOO_BIG = "kithTooBig";
  private static final Logger LOG = LoggerFactory.getLogger(MailInbox.class);

  private final Kith kith;
  private final MailImapSettings settings;
  private MailIn mailIn;

  public MailInbox(Kith kith, MailImapSettings settings) {
    this.kith = kith;
    this.settings = settings;
  }

  /**
   * Mail in, built on first use. Replies act through the registry's {@code replyActions} bean when
   * one is configured (for example {@code camel.beans.replyActions = #class:...}), else through
   * {@link app.kith.schedule.ReminderActions}.
   */
  private synchronized MailIn mailIn(Exchange exchange) {
    if (mailIn == null) {
      ReplyActions actions =
          exchange.getContext().getRegistry().lookupByNameAndType("replyActions", ReplyActions.class);
      mailIn = actions == null ? new MailIn(kith) : new MailIn(kith, actions);
    }
    return mailIn;
  }

  /** Replaces the body with the message's raw bytes and sets {@link #KEY}. */
  public void download(Exchange exchange) throws MessagingException, IOException {
    Message in = exchange.getIn();
    jakarta.mail.Message mail = in instanceof MailMessage mm && mm.getOriginalMessage() != null
        ? mm.getOriginalMessage()
        : in.getBody(jakarta.mail.Message.class);
    long max = mailIn(exchange).limits().maxBytes();
    int size = mail.getSize();
    if (size > max) {
      in.setBody(new byte[0]);
      in.setHeader(TOO_BIG, "the message is " + size + " bytes, over the limit of " + max + " (kith.mail.max-bytes)");
      String[] ids = mail.getHeader("Message-ID");
      in.setHeader(KEY, Envelope.keyOf(ids == null ? null : ids[0], (size + " " + mail.getSentDate()).getBytes(StandardCharsets.UTF_8)));
      return;
    }
    Bounded out = new Bounded(max);
    try {
      mail.writeTo(out);
    } catch (TooBig e) {
      in.setBody(new byte[0]);
      in.setHeader(TOO_BIG, "the message is over the limit of " + max + " bytes (kith.mail.max-bytes)");
      in.setHeader(KEY, Envelope.keyOf(out.toByteArray())); // the headers are within the first bytes
      return;
    }
    byte[] raw = out.toByteArray();
    in.setBody(raw);
    in.setHeader(KEY, Envelope.keyOf(raw));
  }

  /** Runs the message through mail in; a message Kith did not act on is sent to quarantine. */
  public void receive(Exchange exchange) {
    Message in = exchange.getIn();
    String key = in.getHeader(KEY, String.class);
    String shown = "imap:" + settings.folder() + "/" + key;
    String tooBig = in.getHeader(TOO_BIG, String.class);
    FileReport report;
    if (tooBig != null) {
      report = FileReport.rejectedFile(shown, "email", "message", tooBig);
    } else {
      byte[] raw = in.getBody(byte[].class);
      try {
        report = mailIn(exchange).process(raw, new ImportRequest(shown, "email", false));
      } catch (RuntimeException e) {
        if (infrastructure(e)) {
          throw e;
        }
        LOG.warn("message {} could not be read: {}", key, e.toString());
        report = FileReport.rejectedFile(shown, "email", "message", "Kith could not read this message: " + e);
      }
    }
    boolean quarantine = report.isRejected();
    String reason = quarantine && !report.problems().isEmpty() ? report.problems().get(0).reason() : null;
    if (quarantine) {
      in.setHeader("moveTo", settings.quarantineFolder());
      LOG.info("message {}: not applied, moved to {}: {}", key, settings.quarantineFolder(), reason);
    } else {
      LOG.info("message {}: {} ({} created, {} merged, {} unchanged, {} rejected)",
          key, report.status(), report.created(), report.merged(), report.unchanged(), report.rejected());
    }
    receipt(key, quarantine ? "quarantined" : report.status(), reason, report);
  }

  private void receipt(String key, String status, String reason, FileReport report) {
    String json;
    try {
      json = Output.mapper().writeValueAsString(report);
    } catch (IOException e) {
      json = null;
    }
    String body = json;
    kith.database().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO mail_receipt (message_key, status, reason, report, received_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, key);
        ps.setString(2, status);
        ps.setString(3, reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason);
        ps.setString(4, body);
        Sql.setInstant(ps, 5, kith.clock().instant());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** A database or I/O failure: worth trying again later rather than quarantining the message. */
  private static boolean infrastructure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException || t instanceof IOException || t instanceof UncheckedIOException
          || t instanceof app.kith.store.StoreException) {
        return true;
      }
    }
    return false;
  }

  /** Collects bytes up to a limit. */
  private static final class Bounded extends ByteArrayOutputStream {
    private final long max;

    Bounded(long max) {
      this.max = max;
    }

    @Override
    public synchronized void write(int b) {
      check(1);
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      check(len);
      super.write(b, off, len);
    }

    private void check(int more) {
      if (count + (long) more > max) {
        throw new TooBig();
      }
    }
  }

  private static final class TooBig extends RuntimeException {
    TooBig() {
      super("over the size limit", null, false, false);
    }
  }
}
