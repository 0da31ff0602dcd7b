package app.kith.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FewStringsTest {

  @Test
  void actsAsASetBelowAndBeyondTheArray() {
    for (int n : new int[] {0, 1, 2, 3, FewStrings.ARRAY_MAX, FewStrings.ARRAY_MAX + 1, 200}) {
      FewStrings few = new FewStrings();
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String s = "key" + i;
        assertThat(few.add(s)).as("%s is new", s).isTrue();
        assertThat(few.add(new String(s))).as("%s again", s).isFalse(); // equal, not the same object
        expected.add(s);
        assertThat(few.size()).isEqualTo(expected.size());
      }
      List<String> seen = new ArrayList<>();
      few.forEach(seen::add);
      assertThat(seen).hasSize(n).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(few.contains("key0")).isEqualTo(n > 0);
      assertThat(few.contains("key" + n)).isFalse();
    }
  }

  @Test
  void keepsTheOrderOfAdditionWhileSmall() {
    FewStrings few = new FewStrings();
    few.add("b");
    few.add("a");
    few.add("c");
    assertThat(few).containsExactly("b", "a", "c");
  }
}
