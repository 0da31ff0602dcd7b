package app.kith.ingest;

import java.util.List;

/** The report of one import run: one entry per file and the totals. */
public record ImportReport(List<FileReport> files, Totals totals) {

  public static ImportReport of(List<FileReport> files) {
    int received = 0, created = 0, merged = 0, unchanged = 0, rejected = 0;
    for (FileReport f : files) {
      received += f.received();
      created += f.created();
      merged += f.merged();
      unchanged += f.unchanged();
      rejected += f.rejected();
    }
    return new ImportReport(List.copyOf(files), new Totals(received, created, merged, unchanged, rejected));
  }

  /** Whether any file or record was rejected. */
  public boolean hasRejections() {
    return totals.rejected() > 0 || files.stream().anyMatch(FileReport::isRejected);
  }

  public record Totals(int received, int created, int merged, int unchanged, int rejected) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);
  }
}
