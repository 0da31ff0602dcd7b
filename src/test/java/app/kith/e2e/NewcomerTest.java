package app.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.kith.cli.Cli;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer meets on a clean checkout: the demo, the messages, the exit codes. */
class NewcomerTest {

  @TempDir Path home;

  @Test
  void aDatabaseHeldByAnotherProcessIsNamedAsSuchInOneSentence() throws Exception {
    Cli cli = new Cli(home);
    assertThat(cli.run("due").exitCode()).isZero(); // creates the database
    // another process holding the H2 file looks, to H2, like a lock on it
    try (FileChannel ch = FileChannel.open(home.resolve("kith.mv.db"), StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      Cli.Result r = cli.run("--json", "contacts");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip())
          .isEqualTo("kith: the database is in use by another Kith process (stop `kith run` first, or give another --home)");
    }
  }
}
