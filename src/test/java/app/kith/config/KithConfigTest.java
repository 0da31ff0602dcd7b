package app.kith.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KithConfigTest {

  @TempDir Path home;

  @Test
  void defaultsThenHomeFileThenEnvironment() throws Exception {
    Files.writeString(home.resolve("kith.properties"), "kith.budget.per-week = 3\nkith.digest.time = 07:30\n");
    KithConfig c = KithConfig.load(home, Optional.empty(), Map.of("KITH_DIGEST_TIME", "06:45", "PATH", "/bin"));
    assertThat(c.getInt("kith.budget.per-week", 0)).isEqualTo(3);
    assertThat(c.get("kith.digest.time", null)).isEqualTo("06:45");
    assertThat(c.get("kith.quiet-hours", null)).isEqualTo("21:00-08:00");
  }

  @Test
  void environmentNamesMapDotsAndDashesToUnderscores() {
    assertThat(KithConfig.envName("kith.budget.per-week")).isEqualTo("KITH_BUDGET_PER_WEEK");
    KithConfig c = KithConfig.load(home, Optional.empty(), Map.of("KITH_BUDGET_PER_WEEK", "9"));
    assertThat(c.getInt("kith.budget.per-week", 0)).isEqualTo(9);
  }

  @Test
  void blankValuesAreUnset() {
    KithConfig c = KithConfig.load(home, Optional.empty(), Map.of());
    assertThat(c.find("kith.smtp.host")).isEmpty();
  }

  @Test
  void malformedValuesNameTheKey() {
    KithConfig c = KithConfig.of(home, Map.of("kith.budget.per-week", "lots"));
    assertThatThrownBy(() -> c.getInt("kith.budget.per-week", 5))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kith.budget.per-week");
  }
}
