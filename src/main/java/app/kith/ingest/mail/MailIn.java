package app.kith.ingest.mail;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Importers;
import app.kith.ingest.calendar.MessageCalendarImporter;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The one pipeline for an incoming message, whether it came from the watched IMAP mailbox, the
 * {@code inbox/mail/} folder or {@code kith import x.eml}:
 *
 * <ol>
 *   <li>a reply to one of Kith's own messages acts on its reminder (owner only);
 *   <li>calendars go to calendar ingest: from the owner, or from the invitation's organizer;
 *       anything else is held and reported;
 *   <li>vCard and CSV attachments go to contact import (owner only);
 *   <li>any other message from the owner records an {@code email} interaction with its other
 *       parties (for a forward, the parties of the original).
 * </ol>
 *
 * The report has the shape of any imported file: its records are what the message produced.
 */
public final class MailIn {

  /** Parsing only: no transport, no network. (Multipart strictness is checked in {@link MessageParts}.) */
  private static final Session SESSION = Session.getInstance(new Properties());

  private final Kith kith;
  private final MailLimits limits;
  private final Set<String> owner;
  private final Replies replies;
  private final EmailInteractions conversations;

  public MailIn(Kith kith) {
    this(kith, new ReminderReplyActions(kith));
  }

  public MailIn(Kith kith, ReplyActions actions) {
    this.kith = kith;
    KithConfig config = kith.config();
    this.limits = MailLimits.of(config);
    this.owner = ownerAddresses(config);
    Set<String> self = new LinkedHashSet<>(owner);
    config.find("kith.mail.address").ifPresent(a -> self.add(Party.key(a)));
    config.find("kith.imap.username").filter(u -> u.contains("@")).ifPresent(u -> self.add(Party.key(u)));
    Interactions interactions = new Interactions(new Cadence(config));
    this.replies = new Replies(
        kith.database(), actions, interactions, config.zone(), app.kith.ingest.ImportLimits.of(config).maxFieldLength());
    this.conversations = new EmailInteractions(
        kith.database(), interactions, self, config.getBoolean("kith.mail.create-contacts", false));
  }

  /** {@code kith.owner.email} and {@code kith.owner.aliases}, lower-cased. */
  public static Set<String> ownerAddresses(KithConfig config) {
    Set<String> out = new LinkedHashSet<>();
    config.find("kith.owner.email").ifPresent(e -> out.add(Party.key(e)));
    config.getList("kith.owner.aliases").forEach(a -> out.add(Party.key(a)));
    return out;
  }

  public MailLimits limits() {
    return limits;
  }

  /**
   * Where a message came from. In the watched mailbox anyone can write, so an invitation counts only
   * from the owner or its organizer. A file the user imports by hand or drops into {@code inbox/mail/}
   * is vouched for by the user: its calendars apply whoever sent them. Replies, conversations and
   * contact files follow the owner rule on every channel.
   */
  public enum Channel {
    MAILBOX,
    USER_FILE
  }

  /** Reads one raw RFC 5322 message from the watched mailbox and applies what it carries. */
  public FileReport process(byte[] raw, ImportRequest request) {
    return process(raw, request, Channel.MAILBOX);
  }

  /** Reads one raw RFC 5322 message and applies what it carries. Bad messages are reported, never thrown. */
  public FileReport process(byte[] raw, ImportRequest request, Channel channel) {
    String shown = request.displayPath();
    if (raw.length == 0) {
      return FileReport.rejectedFile(shown, MessageReport.FORMAT, "message", "the message is empty");
    }
    if (raw.length > limits.maxBytes()) {
      return FileReport.rejectedFile(shown, MessageReport.FORMAT, "message",
          "the message is " + raw.length + " bytes, over the limit of " + limits.maxBytes() + " (kith.mail.max-bytes)");
    }
    if (MessageParts.boundaryLines(raw) > limits.maxParts() + 1) {
      // Jakarta Mail parses every part of a multipart before the walk can count them: 100,000 parts
      // took half a minute. Counted from the bytes first, they are refused at once.
      return FileReport.rejectedFile(shown, MessageReport.FORMAT, "message",
          "the message has more than " + limits.maxParts() + " parts (kith.mail.max-parts)");
    }
    MimeMessage message;
    MessageParts parts;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      parts = MessageParts.read(message, limits);
    } catch (MessagingException e) {
      return FileReport.rejectedFile(shown, MessageReport.FORMAT, "message", "malformed MIME message: " + MessageParts.reason(e));
    } catch (MessageParts.Unreadable e) {
      return FileReport.rejectedFile(shown, MessageReport.FORMAT, "message", e.getMessage());
    }
    Instant now = kith.clock().instant();
    Envelope env = Envelope.of(message, raw, now);
    if (env.from() == null) {
      return FileReport.rejectedFile(shown, MessageReport.FORMAT, "From", "the message has no readable sender address");
    }
    boolean trusted = owner.contains(env.from().email());
    MessageReport report = new MessageReport(shown);

    Optional<Replies.Thread> thread = replies.find(env.references());
    if (thread.isPresent()) {
      if (trusted) {
        replies.act(thread.get(), parts.bodyText(), env, now, request.dryRun(), report);
      } else {
        report.rejected("From", "a reply to Kith from " + env.from().email() + ", who is not the owner: ignored");
      }
      return report.report();
    }
    boolean carried = false;
    if (!parts.calendars().isEmpty()) {
      carried = true;
      calendars(raw, parts, env, trusted || channel == Channel.USER_FILE, request, report);
    }
    if (!parts.contactFiles().isEmpty()) {
      carried = true;
      if (trusted) {
        contactFiles(parts, request, report);
      } else {
        report.rejected(0, "From", "contact files from " + env.from().email() + ", who is not the owner: ignored");
      }
    }
    if (!carried) {
      if (trusted) {
        conversations.record(conversations.conversation(env, parts, now), env, now, request.dryRun(), report);
      } else {
        report.rejected("From", "from " + env.from().email()
            + ", who is not the owner: only the owner's messages (kith.owner.email, kith.owner.aliases) act on Kith's data");
      }
    }
    return report.report();
  }

  /** Applies the calendars of a message from the owner or the organizer; holds the others. */
  private void calendars(byte[] raw, MessageParts parts, Envelope env, boolean trusted, ImportRequest request, MessageReport report) {
    Set<String> organizers = new LinkedHashSet<>();
    int events = 0;
    for (byte[] calendar : parts.calendars()) {
      organizers.addAll(Organizers.of(calendar));
      events += Organizers.events(calendar);
    }
    String sender = env.from().email();
    if (trusted || (!organizers.isEmpty() && organizers.stream().allMatch(sender::equals))) {
      report.add(null, new MessageCalendarImporter(kith).importMessage(raw, request));
      return;
    }
    report.rejected(events, "From",
        "invitation held: the sender " + sender + " is neither the owner nor its organizer"
            + (organizers.isEmpty() ? " (it names none)" : " (" + String.join(", ", organizers) + ")"));
  }

  /**
   * Hands each contact attachment to contact import through a temporary file whose name Kith
   * chooses (the attachment's own name is only shown in the report), deleted afterwards.
   */
  private void contactFiles(MessageParts parts, ImportRequest request, MessageReport report) {
    for (MessageParts.Attachment a : parts.contactFiles()) {
      String where = "attachment " + a.name();
      byte[] head = Arrays.copyOf(a.bytes(), Math.min(a.bytes().length, app.kith.ingest.Importer.HEAD_BYTES));
      if (MailFileImporter.looksLikeMessage(head)) {
        report.rejected(0, where, "the attachment is an e-mail message, not a contact file");
        continue;
      }
      Path temp = null;
      try {
        temp = Files.createTempFile("kith-mail-", "vcf".equals(a.kind()) ? ".vcf" : ".csv");
        Files.write(temp, a.bytes());
        ImportRequest sub = new ImportRequest(request.displayPath() + " (" + a.name() + ")", a.name(), request.dryRun());
        report.add(where, Importers.standard(kith).importFile(temp, sub));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stage an attachment for import: " + e.getMessage(), e);
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // the temporary folder is cleaned by the system
          }
        }
      }
    }
  }
}
