package app.kith.ingest;

import app.kith.config.ConfigException;
import app.kith.config.KithConfig;

/**
 * Bounds on one imported file, read from the settings in one place: its size, the length of a
 * field, and the size of a photo (which is dropped, not stored). Out-of-range values are refused
 * with the setting's name.
 */
public record ImportLimits(long maxFileBytes, int maxFieldLength, long maxPhotoBytes) {

  public static ImportLimits of(KithConfig config) {
    return new ImportLimits(
        atLeast(config, "kith.import.max-file-bytes", 50L * 1024 * 1024, 1),
        (int) atLeast(config, "kith.import.max-field-length", 10_000, 100),
        atLeast(config, "kith.import.max-photo-bytes", 256 * 1024, 0));
  }

  /** A whole-number setting of at least {@code min}; a word or a smaller number is a {@link ConfigException}. */
  public static long atLeast(KithConfig config, String key, long fallback, long min) {
    long v = config.getLong(key, fallback);
    if (v < min) {
      throw new ConfigException("setting " + key + " must be at least " + min + ", not " + v);
    }
    return v;
  }
}
