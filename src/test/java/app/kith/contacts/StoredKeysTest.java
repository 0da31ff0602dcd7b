package app.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredKeysTest {

  static List<Long> find(StoredKeys.Table t, long hash) {
    List<Long> out = new ArrayList<>();
    t.find(hash, out);
    return out;
  }

  @Test
  void aHashKeepsEveryContactItPointsAtOnce() {
    StoredKeys.Table t = new StoredKeys.Table();
    t.add(42, 7);
    t.add(42, 9);
    t.add(42, 7);
    assertThat(find(t, 42)).containsExactlyInAnyOrder(7L, 9L);
    assertThat(find(t, 43)).isEmpty();
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void hashesThatShareASlotAreToldApartAndSurviveGrowing() {
    StoredKeys.Table t = new StoredKeys.Table();
    // all of these land in slot 5 of the first table, and in few slots after each growth
    for (int i = 1; i <= 5_000; i++) {
      t.add(5 + ((long) i << 40), i);
    }
    for (int i = 1; i <= 5_000; i += 499) {
      assertThat(find(t, 5 + ((long) i << 40))).containsExactly((long) i);
    }
    assertThat(find(t, 5)).isEmpty();
    assertThat(t.size()).isEqualTo(5_000);
  }

  @Test
  void namesAndPhonesAreSeparateAndShortNumbersAreNotKept() {
    StoredKeys keys = new StoredKeys();
    keys.addName("ada lovelace", 1);
    keys.addPhone("+4420794600", 2);
    keys.addPhone("112", 3);
    keys.addName(null, 4);
    List<Long> out = new ArrayList<>();
    keys.byName("ada lovelace", out);
    keys.byPhone("ada lovelace", out);
    keys.byPhone("112", out);
    assertThat(out).containsExactly(1L);
    out.clear();
    keys.byPhone("+4420794600", out);
    assertThat(out).containsExactly(2L);
  }

  @Test
  void theHashSpreadsSimilarKeys() {
    assertThat(StoredKeys.hash("ada person1")).isNotEqualTo(StoredKeys.hash("ada person2"));
    assertThat(StoredKeys.hash("ab")).isNotEqualTo(StoredKeys.hash("ba"));
    // neighbouring keys differ in their low bits, where the slot comes from
    assertThat(StoredKeys.hash("ada person1") & 1023).isNotEqualTo(StoredKeys.hash("ada person2") & 1023);
  }

  @Test
  void anIdIsAPositiveContactId() {
    assertThatThrownBy(() -> new StoredKeys.Table().add(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
