package app.kith.contacts;

import app.kith.store.Database;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads contacts with their e-mail addresses, phones and sources. */
public final class ContactStore {

  private final Database db;

  public ContactStore(Database db) {
    this.db = db;
  }

  /** Every contact whose name, e-mail, phone, organisation, title or notes contains {@code query} (any case). */
  public List<Contact> list(String query) {
    List<Contact> all = db.inTransaction(ContactStore::loadAll);
    if (query == null || query.isBlank()) {
      return all;
    }
    String q = folded(query.trim());
    String digits = Keys.phone(q);
    // a whole number in either form (07700 900123 finds +44 7700 900123), and an organisation by its
    // key (kumo systems inc finds "Kumo Systems, Inc.")
    java.util.Set<String> probes = new java.util.HashSet<>(java.util.Arrays.asList(Keys.phoneProbes(digits)));
    String orgKey = Keys.organization(q);
    return all.stream().filter(c -> matches(c, q, digits, probes, orgKey)).toList();
  }

  private static boolean matches(Contact c, String q, String digits, java.util.Set<String> probes, String orgKey) {
    if (contains(c.name(), q) || contains(c.organization(), q) || contains(c.title(), q) || contains(c.notes(), q)) {
      return true;
    }
    if (c.emails().stream().anyMatch(e -> contains(e, q))) {
      return true;
    }
    if (orgKey != null && c.organization() != null && orgKey.length() >= 3) {
      String key = Keys.organization(c.organization());
      if (key != null && key.contains(orgKey)) {
        return true;
      }
    }
    for (String phone : c.phones()) {
      String key = Keys.phone(phone);
      if (key == null) {
        continue;
      }
      if (digits != null && digits.replace("+", "").length() >= 3 && key.contains(digits.replace("+", ""))) {
        return true;
      }
      for (String link : Keys.phoneLinks(key)) {
        if (probes.contains(link)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(String value, String q) {
    return value != null && folded(value).contains(q);
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  /** Lower case without accents: a query with or without them finds a value with or without them. */
  static String folded(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 0x80) {
        return MARKS.matcher(java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD)).replaceAll("");
      }
    }
    return lower;
  }

  /**
   * The contact an e-mail address belongs to (by its key, {@link Keys#email}), or null. The first
   * address is on the contact row, later ones in contact_email; view contact_emails unites them, and
   * PostgreSQL takes the key into each half, to its index. Embedded H2 has no index on the first
   * address: its candidates come from {@link FirstEmailKeys} and are checked by id.
   */
  public static Long idByEmailKey(Connection c, String emailKey) throws SQLException {
    FirstEmailKeys first = FirstEmailKeys.of(c);
    if (first == null) {
      return firstId(c, "SELECT contact_id FROM contact_emails WHERE email_key = ?", emailKey);
    }
    List<Long> candidates = new ArrayList<>(1);
    first.find(c, emailKey, candidates);
    if (!candidates.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contact WHERE id = ? AND email_key = ?")) {
        for (Long id : candidates) {
          ps.setLong(1, id);
          ps.setString(2, emailKey);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              return id;
            }
          }
        }
      }
    }
    return firstId(c, "SELECT contact_id FROM contact_email WHERE email_key = ?", emailKey);
  }

  private static Long firstId(Connection c, String select, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /**
   * SQL for the first e-mail address of the contact aliased {@code c} in the caller's query: the one
   * on its row, else (a contact whose row has none) the first of contact_email.
   */
  public static String firstEmailOf(String c) {
    return "COALESCE(" + c + ".email, (SELECT ce.email FROM contact_email ce WHERE ce.contact_id = " + c + ".id"
        + " ORDER BY ce.ord, ce.email_key FETCH FIRST 1 ROWS ONLY))";
  }

  static List<Contact> loadAll(Connection c) throws SQLException {
    Map<Long, List<String>> emails = values(c, "SELECT contact_id, email FROM contact_emails ORDER BY contact_id, ord");
    Map<Long, List<String>> phones = values(c, "SELECT contact_id, phone FROM contact_phones ORDER BY contact_id, ord");
    Map<Long, List<String>> sources =
        values(c, "SELECT contact_id, source FROM contact_sources ORDER BY contact_id, added_at, source");
    List<Contact> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT c.id, c.name, c.organization, c.title, c.birthday, c.notes, c.since, c.cadence, c.last_interaction,"
                    + " d.next_due FROM contact c LEFT JOIN contact_due d ON d.contact_id = c.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        out.add(
            new Contact(
                id,
                rs.getString("name"),
                emails.getOrDefault(id, List.of()),
                phones.getOrDefault(id, List.of()),
                rs.getString("organization"),
                rs.getString("title"),
                rs.getString("birthday"),
                rs.getString("notes"),
                Sql.getDate(rs, "since"),
                rs.getString("cadence"),
                Sql.getInstant(rs, "last_interaction"),
                Sql.getInstant(rs, "next_due"),
                sources.getOrDefault(id, List.of())));
      }
    }
    out.sort(Comparator.comparing((Contact x) -> x.label().toLowerCase(Locale.ROOT)).thenComparingLong(Contact::id));
    return out;
  }

  private static Map<Long, List<String>> values(Connection c, String sql) throws SQLException {
    Map<Long, List<String>> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return out;
  }
}
