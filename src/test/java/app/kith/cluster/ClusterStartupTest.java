package app.kith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three nodes in separate JVMs on one PostgreSQL schema form one Quartz cluster. */
@Tag("postgres")
class ClusterStartupTest {

  @TempDir Path dir;

  @Test
  void threeNodesShareOneClusteredScheduler() throws Exception {
    assumeThat(PostgresSchema.reachable()).as("PostgreSQL on 127.0.0.1:5432").isTrue();
    try (PostgresSchema schema = PostgresSchema.create("kith_cluster")) {
      Map<String, String> env = schema.clusterEnv();
      List<NodeProcess> nodes = new ArrayList<>();
      try {
        for (int i = 1; i <= 3; i++) {
          nodes.add(NodeProcess.start("node" + i, dir.resolve("node" + i), env));
        }
        for (NodeProcess n : nodes) {
          n.awaitHealthy(Duration.ofSeconds(90));
        }
        Awaitility.await("three scheduler instances checked in")
            .atMost(Duration.ofSeconds(30))
            .until(() -> schedulerInstances(schema).size() == 3);
        // one scheduler name shared by all nodes (camel-quartz must not prefix it), AUTO instance ids
        assertThat(schedulerInstances(schema)).allMatch(n -> n.startsWith("kith:")).doesNotHaveDuplicates();
      } finally {
        for (NodeProcess n : nodes) {
          n.close();
        }
      }
    }
  }

  private static List<String> schedulerInstances(PostgresSchema schema) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = schema.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT sched_name, instance_name FROM qrtz_scheduler_state")) {
      while (rs.next()) {
        names.add(rs.getString(1) + ":" + rs.getString(2));
      }
    }
    return names;
  }
}
