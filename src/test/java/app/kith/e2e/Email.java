package app.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** An email as the user reads it: subject, recipients, the text and HTML alternatives, the parsed .ics attachment. */
record Email(String subject, List<String> to, String from, String text, String html, Calendar ics, MimeMessage raw) {

  static Email read(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      return of(new MimeMessage(Session.getInstance(new Properties()), in));
    }
  }

  /** Checks the structure every Kith email has, and takes it apart. */
  static Email of(MimeMessage m) throws Exception {
    assertThat(m.getContentType()).startsWith("multipart/mixed");
    Multipart mixed = (Multipart) m.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    Multipart alt = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alt.getCount()).isEqualTo(2);
    assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html");
    Part att = mixed.getBodyPart(1);
    assertThat(att.getContentType()).startsWith("text/calendar");
    assertThat(att.getDisposition()).isEqualTo(Part.ATTACHMENT);
    String body;
    try (InputStream in = att.getInputStream()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Calendar cal = new CalendarBuilder().build(new StringReader(body));
    List<String> to = Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    return new Email(
        m.getSubject(), to, m.getFrom()[0].toString(),
        (String) alt.getBodyPart(0).getContent(), (String) alt.getBodyPart(1).getContent(), cal, m);
  }

  List<VEvent> events() {
    return ics.getComponents("VEVENT");
  }
}
