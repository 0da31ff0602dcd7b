package app.kith.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic RFC 5322 Message-IDs: the same idempotency key always gives the same id, so a
 * message sent twice in the outbox's duplicate window is recognisable as one, and replies can be
 * matched to the outbox row.
 */
public final class MessageIds {
  private MessageIds() {}

  /** {@code <first 32 hex of sha256(key)>.kith@<domain of the owner's address, or kith.local>}. */
  public static String of(String idempotencyKey, String ownerEmail) {
    return "<" + sha256(idempotencyKey).substring(0, 32) + ".kith@" + domain(ownerEmail) + ">";
  }

  static String domain(String email) {
    if (email != null && email.strip().matches("[^@\\s<>,;\"()\\[\\]]+@[^@\\s]+")) {
      int at = email.lastIndexOf('@');
      {
        String d = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
        if (d.matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*")) {
          return d;
        }
      }
    }
    return "kith.local";
  }

  public static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
