package app.kith.notify;

import app.kith.app.Kith;
import app.kith.config.KithConfig;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Claims pending messages in small batches ({@code FOR UPDATE SKIP LOCKED}
 * plus a lease, so relays on several nodes never hold the same row), sends each through SMTP or
 * writes it to {@code outbox/mail/}, and records the outcome in its own transaction: sent, or a
 * failed attempt with exponential backoff. Nothing is sent inside quiet hours.
 *
 * <p>The duplicate window: a message the SMTP server accepted is marked sent in the next
 * transaction; if the process dies in between, the lease expires and the message goes out again
 * (with the same Message-ID). See docs/decisions/040-outbox.md.
 */
public final class Relay {

  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

  /** What one run did. */
  public record Result(int sent, int written, int failed) {
    public static final Result NONE = new Result(0, 0, 0);
  }

  private final Kith kith;
  private final KithConfig config;
  private final String owner;
  private final QuietHours quiet;
  private final Duration lease;
  private final Duration retryBase;
  private final Duration retryMax;
  private final int maxAttempts;
  private final int batch;

  public Relay(Kith kith) {
    this.kith = kith;
    this.config = kith.config();
    this.owner = nodeName() + "/" + UUID.randomUUID();
    this.quiet = QuietHours.parse(config.get("kith.quiet-hours", ""), config.zone());
    this.lease = config.getDuration("kith.outbox.lease", Duration.ofSeconds(30));
    Duration base = config.getDuration("kith.outbox.retry-base", Duration.ofSeconds(30));
    this.retryBase = base.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : base;
    this.retryMax = config.getDuration("kith.outbox.retry-max", Duration.ofHours(1));
    this.maxAttempts = config.getInt("kith.outbox.max-attempts", 50);
    this.batch = Math.max(1, config.getInt("kith.outbox.batch", 50));
  }

  public Result run(Instant now) {
    if (quiet.contains(now)) {
      return Result.NONE;
    }
    InternetAddress to = Recipient.owner(config);
    InternetAddress from = Recipient.sender(config);
    int sent = 0;
    int written = 0;
    int failed = 0;
    try (MailSink sink = sink()) {
      Session session = sink instanceof SmtpSink s ? s.session() : Session.getInstance(new Properties());
      boolean reachable = true;
      boolean inTime = true;
      while (reachable && inTime) {
        Instant clock = kith.clock().instant();
        Instant leaseUntil = (clock.isAfter(now) ? clock : now).plus(lease);
        List<Outbox.Row> rows =
            kith.database().inTransaction(c -> Outbox.claim(c, owner, now, leaseUntil, batch));
        if (rows.isEmpty()) {
          break;
        }
        for (Outbox.Row row : rows) {
          if (inTime && kith.clock().instant().isAfter(leaseUntil.minus(lease.dividedBy(5)))) {
            inTime = false; // a slow server: stop before the lease runs out and another node takes over
          }
          if (!inTime) {
            kith.database().inTransaction(c -> Outbox.release(c, row.id(), owner));
            continue;
          }
          if (!reachable) {
            failed++;
            fail(row, "not tried: the mail server is unreachable", now);
            continue;
          }
          try {
            MimeMessage m = MimeMessages.build(session, row, from, to, now, config.zone());
            sink.deliver(row.id(), m);
          } catch (MailSink.Unavailable e) {
            reachable = false;
            failed++;
            fail(row, e.getMessage(), now);
            continue;
          } catch (Exception e) {
            failed++;
            fail(row, MailSink.describe(e), now);
            continue;
          }
          boolean recorded = kith.database().inTransaction(c -> Outbox.markSent(c, row.id(), owner, now));
          if (!recorded) {
            LOG.warn("outbox {}: delivered, but its lease had passed to another relay", row.id());
          }
          if (sink.sends()) {
            sent++;
          } else {
            written++;
          }
        }
      }
    }
    return new Result(sent, written, failed);
  }

  private void fail(Outbox.Row row, String error, Instant now) {
    int attempt = row.attempts() + 1;
    boolean giveUp = maxAttempts > 0 && attempt >= maxAttempts;
    Instant next = now.plus(backoff(attempt));
    LOG.warn("outbox {}: attempt {} failed ({}){}", row.id(), attempt, error,
        giveUp ? "; giving up" : "; next try at " + next);
    kith.database().inTransaction(c -> {
      Outbox.markFailed(c, row.id(), owner, error, next, giveUp);
      return null;
    });
  }

  /** retry-base, doubled per attempt, at most retry-max. */
  Duration backoff(int attempt) {
    Duration d = retryBase;
    for (int i = 1; i < attempt && d.compareTo(retryMax) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }

  private MailSink sink() {
    if (config.find("kith.smtp.host").isPresent()) {
      return new SmtpSink(config);
    }
    return new EmlSink(kith.folder("outbox/mail"));
  }

  /** {@code pid@host}: tells an operator which process holds a lease. */
  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    return ProcessHandle.current().pid() + "@" + host;
  }
}
