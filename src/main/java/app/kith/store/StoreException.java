package app.kith.store;

import app.kith.KithException;

/** The database failed (infrastructure, not bad input). */
public final class StoreException extends KithException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
