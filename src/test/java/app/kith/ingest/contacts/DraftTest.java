package app.kith.ingest.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.contacts.Keys;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written checks that run for every cell of every record say what the regular expressions
 * they replaced said, on the cells that matter and on random text made of the characters those
 * expressions care about.
 */
class DraftTest {

  /** What {@link Draft#isAddress} replaced. */
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"\\[\\]\\\\]+@[^\\s@<>(),;:\"\\[\\]\\\\]+");
  /** What {@link Draft#oneSpaced} runs only when it has to. */
  private static final Pattern SPACES = Pattern.compile("\\s{2,}|[\\t\\r\\n]");

  private static final String TRICKY = " \t\n\u000B\f\r@<>(),;:\"[]\\.aZ9-_+'é\u00A0\u2003";

  @Test
  void anAddressIsWhatTheRegularExpressionCalledOne() {
    for (String s : new String[] {
        "ada@example.org", "a@b", "@example.org", "ada@", "ada@@example.org", "a@b@c", "Ada <ada@example.org>",
        "ada@example.org; bob@example.org", "ada lovelace@example.org", "\"ada\"@example.org", "ada@[127.0.0.1]",
        "ada\\@example.org", "ada@example.org\u000B", "ada@exämple.org", "ada@example.org\u00A0", "", "@"}) {
      assertThat(Draft.isAddress(s)).as(s).isEqualTo(EMAIL.matcher(s).matches());
    }
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      String s = random(random, 1 + random.nextInt(8));
      assertThat(Draft.isAddress(s)).as("'%s'", s).isEqualTo(EMAIL.matcher(s).matches());
    }
  }

  @Test
  void aNameHasItsRunsOfSpaceMadeOneAsTheRegularExpressionDid() {
    for (String s : new String[] {"Ada Lovelace", "Ada  Lovelace", "Ada\tLovelace", "Ada\nLovelace", "Ada \u000B Lovelace",
        "Ada\u00A0\u00A0Lovelace", "Ada\f Lovelace", " ", ""}) {
      assertThat(Draft.oneSpaced(s)).as(s).isEqualTo(SPACES.matcher(s).replaceAll(" "));
    }
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      String s = random(random, random.nextInt(7));
      assertThat(Draft.oneSpaced(s)).as("'%s'", s).isEqualTo(SPACES.matcher(s).replaceAll(" "));
    }
  }

  @Test
  void aNameJoinedFromItsPartsLeavesOutTheEmptyOnes() {
    assertThat(Draft.joinName("Ada", null, "Lovelace")).isEqualTo("Ada Lovelace");
    assertThat(Draft.joinName(" Ada ", "King", " Lovelace")).isEqualTo("Ada King Lovelace");
    assertThat(Draft.joinName(null, "King", null)).isEqualTo("King");
    assertThat(Draft.joinName(null, " ", "Lovelace")).isEqualTo("Lovelace");
    assertThat(Draft.joinName("", "", "")).isNull();
    assertThat(Draft.joinName("小明", null, "王")).isEqualTo("王小明");
  }

  @Test
  void umlautsWrittenOutAreFoldedWhereverTheyAre() {
    // a one-word name's key is the word with ae, oe and ue read as the umlauts (then folded)
    Random random = new Random(3);
    char[] letters = {'a', 'e', 'o', 'u', 'x'};
    for (int i = 0; i < 50_000; i++) {
      char[] w = new char[1 + random.nextInt(7)];
      for (int k = 0; k < w.length; k++) {
        w[k] = letters[random.nextInt(letters.length)];
      }
      String word = new String(w);
      assertThat(Keys.name(word)).as(word).isEqualTo(word.replace("ae", "a").replace("oe", "o").replace("ue", "u"));
    }
    assertThat(Keys.name("Juergen Mueller")).isEqualTo(Keys.name("Jürgen Müller")).isEqualTo("jurgen muller");
    assertThat(Keys.name("Ada Lovelace")).isEqualTo("ada lovelace");
  }

  private static String random(Random random, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = TRICKY.charAt(random.nextInt(TRICKY.length()));
    }
    return new String(c);
  }
}
