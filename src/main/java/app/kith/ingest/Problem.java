package app.kith.ingest;

/** Something an importer could not take as it was: where in the file, and why. */
public record Problem(String where, String reason) {}
