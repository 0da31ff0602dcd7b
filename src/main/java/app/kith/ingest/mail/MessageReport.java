package app.kith.ingest.mail;

import app.kith.ingest.FileReport;
import app.kith.ingest.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up what one message produced (its own records: interactions, reply actions; and the reports
 * of the calendars and contact files it carried) into one {@link FileReport} of format
 * {@code email}, whose numbers add up like any other file's.
 */
final class MessageReport {

  static final String FORMAT = "email";
  private static final int MAX_PROBLEMS = 200;

  private final String path;
  private int created;
  private int merged;
  private int unchanged;
  private int rejected;
  private boolean partFailed;
  private final List<Problem> problems = new ArrayList<>();

  MessageReport(String path) {
    this.path = path;
  }

  void created() {
    created++;
  }

  void merged() {
    merged++;
  }

  void unchanged() {
    unchanged++;
  }

  void rejected(String where, String reason) {
    rejected++;
    note(where, reason);
  }

  /** {@code count} records refused for one reason (a held invitation of several events). */
  void rejected(int count, String where, String reason) {
    rejected += count;
    note(where, reason);
    if (count == 0) {
      partFailed = true;
    }
  }

  void note(String where, String reason) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(where, reason));
    }
  }

  /** Takes in the report of something the message carried; its problems are placed under {@code where}. */
  void add(String where, FileReport part) {
    created += part.created();
    merged += part.merged();
    unchanged += part.unchanged();
    rejected += part.rejected();
    if (part.isRejected()) {
      partFailed = true;
    }
    for (Problem p : part.problems()) {
      note(where == null ? p.where() : where + ", " + p.where(), p.reason());
    }
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  FileReport report() {
    int received = created + merged + unchanged + rejected;
    int taken = created + merged + unchanged;
    List<Problem> all = new ArrayList<>(problems);
    String status;
    if (taken == 0) {
      status = FileReport.REJECTED;
      if (all.isEmpty()) {
        all.add(new Problem("message", "nothing in this message for Kith"));
      }
    } else if (rejected > 0 || partFailed) {
      status = FileReport.PARTIAL;
    } else {
      status = FileReport.IMPORTED;
    }
    return new FileReport(path, FORMAT, status, received, created, merged, unchanged, rejected, all);
  }
}
