package app.kith.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsAndTextTest {

  @Test
  void messageIdIsDeterministicPerKey() {
    String a = MessageIds.of("digest:2025-03-04", "me@example.com");
    assertThat(a).isEqualTo(MessageIds.of("digest:2025-03-04", "me@example.com"));
    assertThat(a).matches("<[0-9a-f]{32}\\.kith@example\\.com>");
    assertThat(MessageIds.of("digest:2025-03-05", "me@example.com")).isNotEqualTo(a);
  }

  @Test
  void messageIdDomainNeverComesFromAnOddAddress() {
    assertThat(MessageIds.of("k", "me@Example.COM")).endsWith(".kith@example.com>");
    assertThat(MessageIds.of("k", "me@evil.com>\r\nBcc: x@y.z")).endsWith(".kith@kith.local>");
    assertThat(MessageIds.of("k", null)).endsWith(".kith@kith.local>");
  }

  @Test
  void oneLineRemovesLineBreaksAndControls() {
    assertThat(Text.oneLine("Mallory\r\nBcc: victim@example.org", 200)).isEqualTo("Mallory Bcc: victim@example.org");
    assertThat(Text.oneLine("a\u0000b\tc\u2028d", 200)).isEqualTo("a b c d");
    assertThat(Text.oneLine("x".repeat(500), 10)).hasSize(10);
  }

  @Test
  void htmlEscapesEverythingThatMatters() {
    assertThat(Text.html("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void startersFitThePeopleAndStayTheSame() {
    Starters s = Starters.parse("# comment\nengineer, software | Tech question?\nfounder | Founder question?\nGeneral one\nGeneral two\nGeneral three\n");
    var picked = s.pick("event-1", "Senior Software Engineer at Acme", 3);
    assertThat(picked).hasSize(3).first().isEqualTo("Tech question?");
    assertThat(picked).doesNotContain("Founder question?");
    assertThat(s.pick("event-1", "Senior Software Engineer at Acme", 3)).isEqualTo(picked);
    assertThat(s.pick("event-2", "nobody in particular", 3)).containsOnly("General one", "General two", "General three");
  }
}
