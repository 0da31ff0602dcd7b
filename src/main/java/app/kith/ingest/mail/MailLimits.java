package app.kith.ingest.mail;

import app.kith.config.KithConfig;
import app.kith.ingest.ImportLimits;

/**
 * Bounds on one message, so that a hostile or broken message costs a known amount of memory and
 * time: its size in bytes, how many MIME parts it may have, and how deep parts may nest.
 */
public record MailLimits(long maxBytes, int maxParts, int maxDepth) {

  public static MailLimits of(KithConfig config) {
    return new MailLimits(
        ImportLimits.atLeast(config, "kith.mail.max-bytes", 25L * 1024 * 1024, 1),
        (int) ImportLimits.atLeast(config, "kith.mail.max-parts", 200, 1),
        (int) ImportLimits.atLeast(config, "kith.mail.max-depth", 10, 1));
  }
}
