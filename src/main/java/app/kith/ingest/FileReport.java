package app.kith.ingest;

import java.util.List;

/**
 * What became of one file: {@code received = created + merged + unchanged + rejected}. Status is
 * {@code imported}, {@code partial} (some records rejected) or {@code rejected} (nothing taken).
 */
public record FileReport(
    String path,
    String format,
    String status,
    int received,
    int created,
    int merged,
    int unchanged,
    @com.fasterxml.jackson.annotation.JsonProperty("rejected") int rejected,
    List<Problem> problems) {

  public static final String IMPORTED = "imported";
  public static final String PARTIAL = "partial";
  public static final String REJECTED = "rejected";

  public FileReport {
    problems = List.copyOf(problems);
    if (received != created + merged + unchanged + rejected) {
      throw new IllegalStateException(
          "report of " + path + " does not add up: received " + received + " != " + created + "+" + merged + "+"
              + unchanged + "+" + rejected);
    }
  }

  /** A file refused as a whole, before any record was read. */
  public static FileReport rejectedFile(String path, String format, String where, String reason) {
    return new FileReport(path, format, REJECTED, 0, 0, 0, 0, 0, List.of(new Problem(where, reason)));
  }

  @com.fasterxml.jackson.annotation.JsonIgnore // else Jackson writes it as "rejected": false over the count
  public boolean isRejected() {
    return REJECTED.equals(status);
  }
}
