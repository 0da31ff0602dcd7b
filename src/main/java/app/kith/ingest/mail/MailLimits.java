package app.kith.ingest.mail;

import app.kith.config.KithConfig;

/**
 * Bounds on one message, so that a hostile or broken message costs a known amount of memory and
 * time: its size in bytes, how many MIME parts it may have, and how deep parts may nest.
 */
public record MailLimits(long maxBytes, int maxParts, int maxDepth) {

  public static MailLimits of(KithConfig config) {
    return new MailLimits(
        config.getLong("kith.mail.max-bytes", 25L * 1024 * 1024),
        config.getInt("kith.mail.max-parts", 200),
        config.getInt("kith.mail.max-depth", 10));
  }
}
