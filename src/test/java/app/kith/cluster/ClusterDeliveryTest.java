package app.kith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kith.store.Database;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in separate JVMs on one PostgreSQL schema, thousands of briefs falling due at once,
 * a local SMTP server counting what arrives. One node is killed with SIGKILL while it holds leases:
 * the others finish its work, nothing is lost, and a duplicate can only be a message the server
 * accepted before the killed node could commit it as sent (at most one per killed relay).
 */
@Tag("postgres")
class ClusterDeliveryTest {

  static final int REMINDERS = Integer.getInteger("kith.test.cluster-reminders", 10_000);

  @TempDir Path dir;

  @Test
  void everyReminderIsSentOnceAcrossThreeNodesAndOneKilled() throws Exception {
    assumeThat(PostgresSchema.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<NodeProcess> nodes = new ArrayList<>();
    PostgresSchema schema = PostgresSchema.create("kith_delivery");
    try {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      try (Database db = Database.open(PostgresSchema.URL, PostgresSchema.USER, null, schema.name(), 2)) {
        seedEvents(db, now, REMINDERS);
      }
      Map<String, String> env = schema.clusterEnv();
      env.put("KITH_QUIET_HOURS", "");
      env.put("KITH_SMTP_HOST", "127.0.0.1");
      env.put("KITH_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
      env.put("KITH_OUTBOX_POLL_MS", "1000");
      env.put("KITH_OUTBOX_LEASE", "PT15S");
      env.put("KITH_SCHEDULE_SWEEP_CRON", "0/2 * * * * ?");
      for (int i = 1; i <= 3; i++) {
        nodes.add(NodeProcess.start("node" + i, dir.resolve("node" + i), env));
      }
      for (NodeProcess n : nodes) {
        n.awaitHealthy(Duration.ofSeconds(120));
      }

      // kill the node that is relaying, while it holds leases, once a third has arrived
      Awaitility.await("a third delivered")
          .atMost(Duration.ofMinutes(5))
          .ignoreExceptions()
          .pollInterval(Duration.ofMillis(200))
          .until(() -> smtp.getReceivedMessages().length >= REMINDERS / 3);
      NodeProcess victim =
          Awaitility.await("a node holding leases")
              .atMost(Duration.ofMinutes(2))
              .ignoreExceptions()
              .pollInterval(Duration.ofMillis(50))
              .until(() -> leaseHolder(schema, nodes), v -> v != null);
      victim.kill();
      Instant killedAt = Instant.now();

      Awaitility.await("every brief delivered")
          .atMost(Duration.ofMinutes(6))
          .ignoreExceptions()
          .pollInterval(Duration.ofMillis(500))
          .until(() -> distinctMessageIds(smtp) >= REMINDERS);
      Duration recovery = Duration.between(killedAt, Instant.now());

      int received = smtp.getReceivedMessages().length;
      int distinct = distinctMessageIds(smtp);
      System.out.printf(
          "cluster: %d reminders, %d emails received, %d distinct, %d duplicate(s), all delivered %ds after the kill%n",
          REMINDERS, received, distinct, received - distinct, recovery.toSeconds());
      assertThat(distinct).isEqualTo(REMINDERS);
      assertThat(received - distinct).as("duplicates: only the killed relay's in-flight message").isLessThanOrEqualTo(1);
      try (Connection c = schema.connect()) {
        assertThat(count(c, "SELECT COUNT(*) FROM reminder WHERE kind = 'prepare'")).isEqualTo(REMINDERS);
        assertThat(count(c, "SELECT COUNT(DISTINCT idempotency_key) FROM outbox")).isEqualTo(REMINDERS);
        Awaitility.await("every row recorded as sent")
            .atMost(Duration.ofSeconds(30))
            .until(() -> count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == REMINDERS);
      }
    } finally {
      stopAll(nodes); // before the schema is dropped
      schema.close();
      smtp.stop();
    }
  }

  private static void stopAll(List<NodeProcess> nodes) throws InterruptedException {
    for (NodeProcess n : nodes) {
      n.close();
    }
  }

  /** Mine, single events starting within hours: each one's brief is due at once. */
  private static void seedEvents(Database db, Instant now, int n) {
    db.inTransaction(
        c -> {
          LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
          try (PreparedStatement ev =
                  c.prepareStatement(
                      "INSERT INTO calendar_event (uid, recurrence_id, status, summary, start_at, end_at, mine, updated_at)"
                          + " VALUES (?, '', 'CONFIRMED', ?, ?, ?, TRUE, ?)",
                      new String[] {"id"});
              PreparedStatement oc =
                  c.prepareStatement(
                      "INSERT INTO occurrence (event_id, uid, recurrence_id, start_at, end_at) VALUES (?, ?, '', ?, ?)")) {
            for (int i = 0; i < n; i++) {
              String uid = "cluster-" + i + "@test";
              LocalDateTime start = at.plusHours(3).plusSeconds(i);
              ev.setString(1, uid);
              ev.setString(2, "Meeting " + i);
              ev.setObject(3, start);
              ev.setObject(4, start.plusHours(1));
              ev.setObject(5, at);
              ev.executeUpdate();
              long id;
              try (ResultSet keys = ev.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
              }
              oc.setLong(1, id);
              oc.setString(2, uid);
              oc.setObject(3, start);
              oc.setObject(4, start.plusHours(1));
              oc.addBatch();
            }
            oc.executeBatch();
          }
          return null;
        });
  }

  private static NodeProcess leaseHolder(PostgresSchema schema, List<NodeProcess> nodes) throws Exception {
    try (Connection c = schema.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT DISTINCT lease_owner FROM outbox WHERE status = 'pending' AND lease_owner IS NOT NULL")) {
      while (rs.next()) {
        String owner = rs.getString(1);
        for (NodeProcess n : nodes) {
          if (owner.startsWith(n.pid() + "@")) {
            return n;
          }
        }
      }
    }
    return null;
  }

  private static int distinctMessageIds(GreenMail smtp) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      ids.add(m.getMessageID());
    }
    return ids.size();
  }

  private static int count(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
