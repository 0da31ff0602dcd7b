package app.kith.store;

/** The database engines Kith runs on; SQL is written to work on both. */
public enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The migration folder for statements that differ between engines (the Quartz tables). */
  public String folder() {
    return folder;
  }

  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new app.kith.KithException("unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...)");
  }
}
