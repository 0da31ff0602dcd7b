package app.kith.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlTest {

  @TempDir Path home;

  static final Instant[] INSTANTS = {
    Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-11-27T23:59:59.123456Z"), Instant.parse("1999-12-31T00:00:00.5Z")
  };

  @Test
  void aTimestampLiteralIsStoredAsTheBoundInstantIsOnH2() throws Exception {
    try (Database db = Database.open(Database.defaultUrl(home), "sa", null, null, 2)) {
      assertLiteralsReadBack(db);
    }
  }

  @Test
  @Tag("postgres")
  void aTimestampLiteralIsStoredAsTheBoundInstantIsOnPostgresql() throws Exception {
    TestPostgres.inFreshSchema("kith_sql", SqlTest::assertLiteralsReadBack);
  }

  private static void assertLiteralsReadBack(Database db) throws Exception {
    assertThat(Sql.timestampLiteral(INSTANTS[0])).isEqualTo("TIMESTAMP '2026-01-05 09:00:00.000000000'");
    try (Connection c = db.connection()) {
      for (Instant t : INSTANTS) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Sql.timestampLiteral(t) + ", CAST(? AS TIMESTAMP)")) {
          Sql.setInstant(ps, 1, t);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            Instant literal = Sql.getInstant(rs, rs.getMetaData().getColumnLabel(1));
            assertThat(literal).isEqualTo(t).isEqualTo(rs.getObject(2, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC));
          }
        }
      }
    }
  }
}
