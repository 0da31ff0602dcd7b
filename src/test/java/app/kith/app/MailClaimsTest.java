package app.kith.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kith.config.KithConfig;
import app.kith.store.Sql;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims that keep two nodes from reading one mailbox message twice. */
class MailClaimsTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path home;

  @Test
  void aKeyIsClaimedOnceAReadMessageIsADuplicateAndAFailedReadReleasesIt() {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      MailClaims claims = new MailClaims(kith.database(), kith.clock(), Duration.ofMillis(200));
      assertThat(claims.add("a@mail")).isTrue();
      // another node (or poll) while the first is still reading: waits, then leaves it unseen
      assertThatThrownBy(() -> claims.add("a@mail")).isInstanceOf(MailClaims.ClaimedElsewhere.class);
      receipt(kith, "a@mail");
      assertThat(claims.add("a@mail")).as("read: a duplicate").isFalse();
      assertThat(claims.contains("a@mail")).isTrue();

      assertThat(claims.add("b@mail")).isTrue();
      assertThat(claims.remove("b@mail")).isTrue(); // reading failed
      assertThat(claims.add("b@mail")).as("claimable again").isTrue();
    }
  }

  @Test
  void aClaimWithoutReceiptOlderThanTheTimeoutIsTakenOver() {
    try (Kith kith = new Kith(KithConfig.of(home, Map.of()), Clock.fixed(NOW, ZoneOffset.UTC))) {
      MailClaims dead = new MailClaims(kith.database(), Clock.fixed(NOW.minus(MailClaims.TIMEOUT).minusSeconds(1), ZoneOffset.UTC), Duration.ZERO);
      assertThat(dead.add("c@mail")).isTrue();
      MailClaims alive = new MailClaims(kith.database(), kith.clock(), Duration.ZERO);
      assertThat(alive.add("c@mail")).as("the dead node's claim").isTrue();
      assertThatThrownBy(() -> alive.add("c@mail")).isInstanceOf(MailClaims.ClaimedElsewhere.class);
    }
  }

  private static void receipt(Kith kith, String key) {
    kith.database().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO mail_receipt (message_key, status, received_at) VALUES (?, 'imported', ?)")) {
        ps.setString(1, key);
        Sql.setInstant(ps, 2, NOW);
        return ps.executeUpdate();
      }
    });
  }
}
