package app.kith.notify;

import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each message as an RFC 5322 file {@code <outbox-id>.eml} (the name comes from the outbox
 * id, never from input), via a temporary file and an atomic rename so that a reader never sees half
 * a message. Writing the same id again replaces the file: no duplicate.
 */
final class EmlSink implements MailSink {

  private final Path folder;

  EmlSink(Path folder) {
    this.folder = folder;
  }

  @Override
  public void deliver(long outboxId, MimeMessage message) throws Exception {
    String name = String.format("%08d.eml", outboxId);
    Path tmp = folder.resolve("." + name + ".tmp");
    try (OutputStream out = new CRLFOutputStream(Files.newOutputStream(tmp))) {
      message.writeTo(out);
    }
    Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public boolean sends() {
    return false;
  }

  @Override
  public void close() {}
}
