package app.kith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kith.ingest.mail.Mails;
import app.kith.store.Database;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in separate JVMs watch one IMAP mailbox and poll it at the same moments: every message
 * the owner BCC'd is recorded once as an {@code email} interaction and has one {@code mail_receipt}.
 */
@Tag("postgres")
class ClusterMailboxTest {

  static final int MESSAGES = 100; // over maxMessagesPerPoll (50): both nodes get a share
  static final int CONTACTS = 8;

  @TempDir Path dir;

  @Test
  void oneMailboxWatchedByTwoNodesIsReadOnce() throws Exception {
    assumeThat(PostgresSchema.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    int imapPort = NodeProcess.freePort();
    GreenMail imap = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    imap.start();
    GreenMailUser user = imap.setUser("kith@example.com", "kith", "secret");
    List<NodeProcess> nodes = new ArrayList<>();
    PostgresSchema schema = PostgresSchema.create("kith_mailbox");
    try {
      try (Database db = Database.open(PostgresSchema.URL, PostgresSchema.USER, null, schema.name(), 2)) {
        for (int i = 0; i < CONTACTS; i++) {
          Mails.contact(db, "Friend " + i, "friend" + i + "@example.org");
        }
      }
      Map<String, String> env = schema.clusterEnv();
      env.put("KITH_IMAP_HOST", "127.0.0.1");
      env.put("KITH_IMAP_PORT", Integer.toString(imapPort));
      env.put("KITH_IMAP_USERNAME", "kith");
      env.put("KITH_IMAP_PASSWORD", "secret");
      env.put("KITH_IMAP_SSL", "false");
      env.put("KITH_IMAP_POLL_MS", "300");
      for (int i = 1; i <= 2; i++) {
        nodes.add(NodeProcess.start("node" + i, dir.resolve("node" + i), env));
      }
      for (NodeProcess n : nodes) {
        n.awaitHealthy(Duration.ofSeconds(90));
      }

      // all at once: both nodes list the same unseen messages in their next polls
      Session session = Session.getInstance(new Properties());
      for (int i = 0; i < MESSAGES; i++) {
        byte[] raw =
            Mails.plain("bcc-" + i + "@mail", "me@example.com", "friend" + (i % CONTACTS) + "@example.org", null,
                "Hello " + i, "How are you?");
        user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
      }

      // about 35 s on a quiet 2-core machine, much more while other builds run: the limit is for hangs
      long t0 = System.nanoTime();
      Awaitility.await("every message seen")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> seen(imapPort) == MESSAGES);
      double seenAfter = (System.nanoTime() - t0) / 1e9;
      try (Connection c = schema.connect()) {
        Awaitility.await("every message recorded")
            .atMost(Duration.ofSeconds(20))
            .until(() -> count(c, "SELECT COUNT(*) FROM mail_receipt") >= MESSAGES);
        // the nodes keep polling a while: nothing more may appear
        Awaitility.await("the nodes settle")
            .during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .until(() -> count(c, "SELECT COUNT(*) FROM mail_receipt") == MESSAGES);
        assertThat(count(c, "SELECT COUNT(*) FROM interaction WHERE kind = 'email'")).isEqualTo(MESSAGES);
        assertThat(count(c, "SELECT COUNT(DISTINCT source_key) FROM interaction WHERE kind = 'email'")).isEqualTo(MESSAGES);
        assertThat(count(c, "SELECT COUNT(*) FROM mail_receipt")).as("one receipt per message").isEqualTo(MESSAGES);
        assertThat(count(c, "SELECT COUNT(DISTINCT message_key) FROM mail_receipt")).isEqualTo(MESSAGES);
        assertThat(count(c, "SELECT COUNT(*) FROM mail_receipt WHERE status <> 'imported'")).isZero();
        int[] both = {count(c, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'mail-imap'")};
        assertThat(both[0]).isEqualTo(MESSAGES);
      }
      List<Long> perNode = new ArrayList<>();
      for (NodeProcess n : nodes) {
        List<String> log = java.nio.file.Files.readAllLines(n.log());
        // a message claimed by the other node is waited for, not reported as an error
        assertThat(log).as(n.log().toString()).noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));
        perNode.add(log.stream().filter(l -> l.contains("MailInbox - message ") && l.contains(": imported")).count());
      }
      assertThat(perNode.get(0) + perNode.get(1)).as("each message imported by one node only").isEqualTo(MESSAGES);
      System.out.printf("cluster mailbox: %d messages, 2 nodes (read %s), each recorded once; all seen after %.1f s%n", MESSAGES,
          perNode, seenAfter);

      // How the messages were shared depends on who polled first (one node may take them all). That
      // the other one reads the mailbox too shows when the first is gone: its mail still comes in.
      nodes.get(0).kill();
      for (int i = MESSAGES; i < MESSAGES + 5; i++) {
        byte[] raw = Mails.plain("bcc-" + i + "@mail", "me@example.com", "friend" + (i % CONTACTS) + "@example.org", null,
            "Hello " + i, "How are you?");
        user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
      }
      Awaitility.await("the messages after the first node stopped")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> seen(imapPort) == MESSAGES + 5);
      try (Connection c = schema.connect()) {
        Awaitility.await("recorded by the second node")
            .atMost(Duration.ofSeconds(20))
            .until(() -> count(c, "SELECT COUNT(*) FROM mail_receipt WHERE status = 'imported'") == MESSAGES + 5);
      }
      long second = java.nio.file.Files.readAllLines(nodes.get(1).log()).stream()
          .filter(l -> l.contains("MailInbox - message ") && l.contains(": imported")).count();
      assertThat(second).as("the second node read the last five").isEqualTo(perNode.get(1) + 5);
    } finally {
      for (NodeProcess n : nodes) {
        n.close();
      }
      schema.close();
      imap.stop();
    }
  }

  private static int seen(int port) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", port, "kith", "secret");
    try {
      Folder f = store.getFolder("INBOX");
      f.open(Folder.READ_ONLY);
      int n = 0;
      for (Message m : f.getMessages()) {
        if (m.isSet(Flags.Flag.SEEN)) {
          n++;
        }
      }
      f.close(false);
      return n;
    } finally {
      store.close();
    }
  }

  private static int count(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
