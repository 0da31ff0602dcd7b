package app.kith.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

  @Test
  void runningOutOfMemoryIsNotCalledADatabaseError() {
    SQLException oom = new SQLException("General error", new OutOfMemoryError("Java heap space"));
    assertThat(Database.failure(oom)).startsWith("Kith ran out of memory (Java heap space)").contains("KITH_JAVA_OPTS=-Xmx");
    assertThat(Database.failure(new SQLException("Table \"X\" not found\nSQL statement: ..."))).isEqualTo(
        "database error: Table \"X\" not found");
  }
}
