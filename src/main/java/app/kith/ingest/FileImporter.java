package app.kith.ingest;

import java.nio.file.Path;

/**
 * Reads one kind of file (contacts, calendars, messages) into the database. The format is told
 * from the content: {@link #accepts} sees the first bytes of the file.
 */
public interface FileImporter {

  /** Whether this importer reads a file that starts with these bytes (at most {@code Importer.HEAD_BYTES}). */
  boolean accepts(byte[] head);

  /**
   * Imports a file and reports what became of every record. Bad data is reported, never thrown;
   * exceptions are for broken infrastructure. With {@code request.dryRun()} nothing is written.
   */
  FileReport importFile(Path file, ImportRequest request);
}
