package app.kith.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what an importer does with each record of a file and turns it into a {@link FileReport}
 * whose numbers always add up. Problems on records that were still taken (a dropped photo, a cut
 * field) are notes; a rejected record is counted and noted.
 */
public final class Tally {

  /** Problems kept per file; beyond this only the count grows. */
  public static final int MAX_PROBLEMS = 200;

  private final String path;
  private String format;
  private int created;
  private int merged;
  private int unchanged;
  private int rejected;
  private int droppedProblems;
  private final List<Problem> problems = new ArrayList<>();
  private String fileProblem;

  public Tally(String path, String format) {
    this.path = path;
    this.format = format;
  }

  public void format(String format) {
    this.format = format;
  }

  public String format() {
    return format;
  }

  public void created() {
    created++;
  }

  public void merged() {
    merged++;
  }

  public void unchanged() {
    unchanged++;
  }

  /** Counts one of the outcomes by name: created, merged or unchanged. */
  public void count(Outcome outcome) {
    switch (outcome) {
      case CREATED -> created++;
      case MERGED -> merged++;
      case UNCHANGED -> unchanged++;
    }
  }

  public void rejected(String where, String reason) {
    rejected++;
    note(where, reason);
  }

  /** A problem that did not cost the record. */
  public void note(String where, String reason) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(where, reason));
    } else {
      droppedProblems++;
    }
  }

  /** The file as a whole is refused (unreadable, wrong content, nothing in it). */
  public void rejectFile(String where, String reason) {
    fileProblem = reason;
    note(where, reason);
  }

  public int received() {
    return created + merged + unchanged + rejected;
  }

  public int taken() {
    return created + merged + unchanged;
  }

  public FileReport report() {
    List<Problem> all = new ArrayList<>(problems);
    if (droppedProblems > 0) {
      all.add(new Problem("file", droppedProblems + " more problems not listed"));
    }
    int received = received();
    String status;
    if (fileProblem != null || taken() == 0) {
      status = FileReport.REJECTED;
      if (fileProblem == null && received == 0) {
        all.add(new Problem("file", "no records found in this file"));
      }
    } else if (rejected > 0) {
      status = FileReport.PARTIAL;
    } else {
      status = FileReport.IMPORTED;
    }
    return new FileReport(path, format, status, received, created, merged, unchanged, rejected, all);
  }

  /** What happened to a record that was taken. */
  public enum Outcome {
    CREATED,
    MERGED,
    UNCHANGED
  }
}
