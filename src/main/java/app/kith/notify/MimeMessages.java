package app.kith.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the MIME message of an outbox row. Only these headers are ever set: From, To, Subject,
 * Date, Message-ID, Auto-Submitted, MIME-Version and the content headers. The recipient is the
 * owner's address from the configuration, never a value from the row, and the subject is reduced
 * to one line, so no input can add a header or a recipient.
 */
final class MimeMessages {
  private MimeMessages() {}

  static MimeMessage build(Session session, Outbox.Row row, InternetAddress from, InternetAddress to, Instant date)
      throws MessagingException {
    return build(session, row, from, to, date, java.time.ZoneOffset.UTC);
  }

  /** As above, with the Date header in the owner's zone. */
  static MimeMessage build(Session session, Outbox.Row row, InternetAddress from, InternetAddress to, Instant date,
      java.time.ZoneId zone) throws MessagingException {
    MimeMessage m = new FixedIdMessage(session, row.messageId());
    m.setFrom(from);
    m.setRecipient(Message.RecipientType.TO, to);
    m.setSubject(Text.oneLine(row.subject(), 900), StandardCharsets.UTF_8.name());
    m.setHeader("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(zone)));
    m.setHeader("Auto-Submitted", "auto-generated");

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(row.text(), StandardCharsets.UTF_8.name(), "plain");
    alternative.addBodyPart(text);
    if (row.html() != null) {
      MimeBodyPart html = new MimeBodyPart();
      html.setText(row.html(), StandardCharsets.UTF_8.name(), "html");
      alternative.addBodyPart(html);
    }
    if (row.ics() == null) {
      m.setContent(alternative);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      mixed.addBodyPart(body);
      MimeBodyPart ics = new MimeBodyPart();
      ics.setDataHandler(new DataHandler(new ByteArrayDataSource(
          row.ics().getBytes(StandardCharsets.UTF_8), "text/calendar; charset=UTF-8; method=PUBLISH")));
      ics.setFileName("kith-reminder.ics");
      ics.setDisposition(Part.ATTACHMENT);
      mixed.addBodyPart(ics);
      m.setContent(mixed);
    }
    m.saveChanges();
    return m;
  }

  /** A message whose Message-ID is ours (deterministic), not one Jakarta Mail makes up. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
