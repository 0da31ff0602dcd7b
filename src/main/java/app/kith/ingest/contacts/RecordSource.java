package app.kith.ingest.contacts;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A contact file read one record at a time. */
interface RecordSource extends Closeable {

  /**
   * One record: where it is, what was read, notes on it, or why it is refused (then draft is null).
   * With neither a draft nor a reason, it is no record but a note on the file (a report's footer).
   */
  record Rec(String where, Draft draft, List<String> notes, String reject) {
    boolean noteOnly() {
      return draft == null && reject == null;
    }
  }

  String format();

  /** The next record, or null at the end. */
  Rec next() throws IOException;
}
