package app.kith.ingest;

/**
 * How one file is imported: the name shown in reports, the source label remembered with what it
 * creates (for example {@code linkedin-csv:Connections.csv}), and whether to write at all.
 */
public record ImportRequest(String displayPath, String sourceName, boolean dryRun) {}
