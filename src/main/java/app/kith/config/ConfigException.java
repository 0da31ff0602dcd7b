package app.kith.config;

import app.kith.KithException;

/** A setting is missing or malformed. */
public final class ConfigException extends KithException {
  public ConfigException(String message) {
    super(message);
  }
}
