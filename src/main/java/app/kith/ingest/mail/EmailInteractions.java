package app.kith.ingest.mail;

import app.kith.contacts.FirstEmailKeys;
import app.kith.contacts.NewContacts;
import app.kith.contacts.ContactStore;
import app.kith.contacts.Interactions;
import app.kith.store.Database;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A message the owner sent, BCC'd or forwarded to Kith becomes an {@code email} interaction with
 * each of its other parties (for a forward: the parties of the original). Parties are matched to
 * contacts by address; unknown people become contacts only when {@code kith.mail.create-contacts}
 * is on. Recording is idempotent by {@code email:<Message-ID>:<contact id>}.
 */
final class EmailInteractions {

  /** Who took part in the conversation, when, and about what. */
  record Conversation(List<Party> parties, Instant at, String subject, boolean forwarded) {}

  private final Database db;
  private final Interactions interactions;
  private final Set<String> self;
  private final boolean createContacts;

  EmailInteractions(Database db, Interactions interactions, Set<String> self, boolean createContacts) {
    this.db = db;
    this.interactions = interactions;
    this.self = self;
    this.createContacts = createContacts;
  }

  /** The conversation a message records: the attached original, a forwarded block, or the message itself. */
  Conversation conversation(Envelope env, MessageParts parts, Instant now) {
    if (!parts.attachedMessages().isEmpty()) {
      MimeMessage original = parts.attachedMessages().get(0);
      List<Party> all = new ArrayList<>();
      all.addAll(Party.parse(Envelope.header(original, "From")));
      all.addAll(Party.parse(Envelope.header(original, "To")));
      all.addAll(Party.parse(Envelope.header(original, "Cc")));
      String subject = Envelope.subject(original);
      return new Conversation(others(all), Envelope.date(original, env.date()), subject != null ? subject : env.subject(), true);
    }
    Optional<ForwardedBlock> block = ForwardedBlock.find(parts.bodyText());
    if (block.isPresent()) {
      ForwardedBlock b = block.get();
      return new Conversation(others(b.parties()), parseDate(b.date(), env.date()),
          b.subject() != null ? b.subject() : env.subject(), true);
    }
    List<Party> all = new ArrayList<>();
    if (env.from() != null) {
      all.add(env.from());
    }
    all.addAll(env.to());
    all.addAll(env.cc());
    return new Conversation(others(all), env.date(), env.subject(), false);
  }

  private List<Party> others(List<Party> parties) {
    return Party.distinct(parties).stream().filter(p -> !self.contains(p.email())).toList();
  }

  /** An RFC 5322 date from a forwarded block, if it is one and not later than the forward itself. */
  private static Instant parseDate(String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      Instant t = new MailDateFormat().parse(text.strip()).toInstant();
      return t.isAfter(fallback) ? fallback : t;
    } catch (Exception e) {
      return fallback;
    }
  }

  /** Records the conversation with each party, in one transaction. */
  void record(Conversation conv, Envelope env, Instant now, boolean dryRun, MessageReport report) {
    if (conv.parties().isEmpty()) {
      report.rejected("message", conv.forwarded()
          ? "the forwarded message names nobody but you"
          : "the message has no other party than you (send, BCC or forward a conversation with someone)");
      return;
    }
    String note = conv.subject() == null || conv.subject().isBlank() ? "e-mail" : conv.subject();
    FirstEmailKeys.inCreatingTransaction(db, c -> {
      for (Party p : conv.parties()) {
        Long contactId = find(c, p.email());
        if (contactId == null && !createContacts) {
          report.rejected("party " + p.email(), "not a contact (kith.mail.create-contacts is off)");
          continue;
        }
        if (contactId == null && dryRun) {
          report.created();
          continue;
        }
        if (contactId == null) {
          contactId = create(c, p, conv.at(), now);
        }
        String key = "email:" + env.messageId() + ":" + contactId;
        boolean fresh = dryRun ? !recorded(c, key) : interactions.record(c, contactId, conv.at(), "email", note, key, now);
        if (fresh) {
          report.created();
        } else {
          report.unchanged();
        }
      }
      return null;
    });
  }

  static boolean recorded(Connection c, String sourceKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM interaction WHERE source_key = ?")) {
      ps.setString(1, sourceKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Long find(Connection c, String email) throws SQLException {
    return ContactStore.idByEmailKey(c, Party.key(email));
  }

  /** A new contact from a mail party: the display name (or the address), entering the network that day. */
  private static long create(Connection c, Party p, Instant at, Instant now) throws SQLException {
    return NewContacts.fromAddress(c, p.name(), p.email(), LocalDate.ofInstant(at, ZoneOffset.UTC), "email", now);
  }
}
