package app.kith;

/**
 * A failure that stops a command, with a message a user can act on. The command line prints the
 * message as one sentence and exits with status 2.
 */
public class KithException extends RuntimeException {
  public KithException(String message) {
    super(message);
  }

  public KithException(String message, Throwable cause) {
    super(message, cause);
  }
}
