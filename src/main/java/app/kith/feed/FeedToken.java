package app.kith.feed;

import app.kith.app.Kith;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The secret in the feed URL: 160 bits from {@link SecureRandom}, URL-safe, kept in
 * {@code app_setting}. Created on first use, replaced by {@link #rotate()}. Never logged.
 */
public final class FeedToken {

  static final String SETTING = "feed.token";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Kith kith;

  public FeedToken(Kith kith) {
    this.kith = kith;
  }

  /** The current token, created when there is none yet. */
  public String current() {
    return kith.database().inTransaction(c -> {
      String t = read(c);
      if (t != null) {
        return t;
      }
      String fresh = generate();
      try {
        insert(c, fresh);
      } catch (SQLException raced) {
        // another process created it first: use theirs
        c.rollback();
        return read(c);
      }
      return fresh;
    });
  }

  /** A new token; the old URL stops working at once. */
  public String rotate() {
    String fresh = generate();
    kith.database().inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE app_setting SET setting_value = ? WHERE name = ?")) {
        ps.setString(1, fresh);
        ps.setString(2, SETTING);
        if (ps.executeUpdate() == 0) {
          insert(c, fresh);
        }
      }
      return null;
    });
    return fresh;
  }

  /** The token in use, or null when none was ever made (the feed then answers 404 to everyone). */
  public String existing() {
    return kith.database().inTransaction(FeedToken::read);
  }

  public String url() {
    return "http://" + host() + ":" + kith.config().get("kith.http.port", "8080") + "/calendar/" + current() + ".ics";
  }

  private String host() {
    String h = kith.config().get("kith.http.host", "127.0.0.1");
    return h.equals("0.0.0.0") ? "127.0.0.1" : h;
  }

  static String generate() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE name = ?")) {
      ps.setString(1, SETTING);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void insert(Connection c, String token) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)")) {
      ps.setString(1, SETTING);
      ps.setString(2, token);
      ps.executeUpdate();
    }
  }
}
