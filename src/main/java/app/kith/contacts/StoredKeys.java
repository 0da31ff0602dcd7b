package app.kith.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Which stored contacts a name key or a phone key may point at, held in memory for the length of one
 * import (decision record 015). It is read from the contact tables once, when the import first needs
 * it (name keys made from the names), and told of every contact the import writes after that.
 *
 * <p>Keys are kept as 64-bit hashes in open-addressing tables of primitive longs: about 32 bytes per
 * key, so 100,000 contacts take a few megabytes. A hash can point at several contacts (many people
 * share a name) and, rarely, at a contact whose key only hashes the same: the ids found here are
 * candidates that the import loads and compares by their real keys, never matches by themselves.
 */
final class StoredKeys {
  private final Table names = new Table();
  private final Table phones = new Table();
  private boolean loaded;

  /** Reads the keys of every stored contact, unless done before; in the caller's transaction. */
  void loadOnce(Connection c) throws SQLException {
    if (loaded) {
      return;
    }
    // name keys are made from the names, not read from contact.name_key: a contact stored before a
    // change to Keys.name is then found by the key its name has now, as a record with that name is
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, phone_key FROM contact");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        addName(Keys.name(rs.getString(2)), id);
        addPhone(rs.getString(3), id);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, phone_key FROM contact_phone");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        addPhone(rs.getString(2), rs.getLong(1));
      }
    }
    loaded = true;
  }

  void addName(String nameKey, long id) {
    if (nameKey != null) {
      names.add(hash(nameKey), id);
    }
  }

  /** As {@link #addName}, with the key's {@link #hash} computed before (on the reading thread). */
  void addNameHash(long nameHash, long id) {
    names.add(nameHash, id);
  }

  /** Adds the number under each of its keys, in both forms ({@link Keys#phoneLinks}). */
  void addPhone(String phoneKey, long id) {
    for (String link : Keys.phoneLinks(phoneKey)) {
      phones.add(hash(link), id);
    }
  }

  /** Adds to {@code out} the ids of contacts that may have this name key. */
  void byName(String nameKey, Collection<Long> out) {
    names.find(hash(nameKey), out);
  }

  /** As {@link #byName}, with the key's {@link #hash} computed before. */
  void byNameHash(long nameHash, Collection<Long> out) {
    names.find(nameHash, out);
  }

  /** Adds to {@code out} the ids of contacts that may have a number with this key ({@link Keys#phoneProbes}). */
  void byPhone(String probe, Collection<Long> out) {
    phones.find(hash(probe), out);
  }

  /** A 64-bit hash of the key's characters, well mixed (the table's slot is taken from its low bits). */
  static long hash(String key) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  /**
   * Pairs of (hash, id), a pair at most once, in an open-addressing table with linear probing. A
   * slot is two neighbouring longs, hash then id, so that a probe reads one cache line. A slot whose
   * id is 0 is free: contact ids start at 1.
   */
  static final class Table {
    private long[] slots = new long[2 * 64];
    private int size;

    void add(long hash, long id) {
      if (id <= 0) {
        throw new IllegalArgumentException("contact ids are positive: " + id);
      }
      if ((size + 1) * 4 > slots.length) { // at most half the slots taken
        grow();
      }
      int mask = slots.length / 2 - 1;
      for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
        long taken = slots[2 * i + 1];
        if (taken == 0) {
          slots[2 * i] = hash;
          slots[2 * i + 1] = id;
          size++;
          return;
        }
        if (taken == id && slots[2 * i] == hash) {
          return;
        }
      }
    }

    void find(long hash, Collection<Long> out) {
      int mask = slots.length / 2 - 1;
      for (int i = (int) hash & mask; slots[2 * i + 1] != 0; i = (i + 1) & mask) {
        if (slots[2 * i] == hash) {
          out.add(slots[2 * i + 1]);
        }
      }
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (int i = 0; i < old.length; i += 2) {
        if (old[i + 1] != 0) {
          add(old[i], old[i + 1]);
        }
      }
    }
  }
}
