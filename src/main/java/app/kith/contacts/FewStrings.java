package app.kith.contacts;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A set of strings for what one person has a few of (addresses, numbers, sources): an array while
 * there are at most {@link #ARRAY_MAX}, a hash set beyond. An import holds one per person per kind,
 * and a {@link HashSet} for one or two keys costs three objects and a table.
 */
final class FewStrings implements Iterable<String> {
  static final int ARRAY_MAX = 8;
  private static final String[] NONE = {};

  private String[] items = NONE;
  private int size;
  private Set<String> many;

  /** Adds the string; returns whether it was new. */
  boolean add(String s) {
    if (many != null) {
      return many.add(s);
    }
    if (contains(s)) {
      return false;
    }
    if (size == ARRAY_MAX) {
      many = new HashSet<>(Arrays.asList(items));
      items = NONE;
      size = 0;
      return many.add(s);
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, items.length == 0 ? 2 : Math.min(ARRAY_MAX, items.length * 2));
    }
    items[size++] = s;
    return true;
  }

  boolean contains(String s) {
    if (many != null) {
      return many.contains(s);
    }
    for (int i = 0; i < size; i++) {
      if (items[i].equals(s)) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return many != null ? many.size() : size;
  }

  @Override
  public Iterator<String> iterator() {
    return many != null ? many.iterator() : Arrays.asList(items).subList(0, size).iterator();
  }
}
