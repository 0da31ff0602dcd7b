package app.kith.notify;

import app.kith.config.KithConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Conversation starters from {@code conversation-starters.txt}, the user's editable list. A line is
 * {@code keyword, keyword | starter} or just a starter. Picks are deterministic per event (a hash
 * of the event and the line orders them), fitting lines first.
 */
final class Starters {

  record Starter(List<String> keywords, String text) {}

  private final List<Starter> all;

  Starters(List<Starter> all) {
    this.all = List.copyOf(all);
  }

  /**
   * The list from, in order: {@code kith.starters.file}, {@code <home>/conversation-starters.txt},
   * {@code <app>/config/conversation-starters.txt}, the copy inside the jar.
   */
  static Starters load(KithConfig config) {
    List<Path> candidates = new ArrayList<>();
    config.find("kith.starters.file").ifPresent(f -> candidates.add(config.home().resolve(f)));
    candidates.add(config.home().resolve("conversation-starters.txt"));
    Optional.ofNullable(System.getProperty("kith.app.dir"))
        .ifPresent(d -> candidates.add(Path.of(d, "config", "conversation-starters.txt")));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        try {
          return parse(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
          // fall through to the next candidate
        }
      }
    }
    try (InputStream in = Starters.class.getResourceAsStream("/kith-defaults/conversation-starters.txt")) {
      if (in != null) {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // no list: the fallback below
    }
    return new Starters(List.of(new Starter(List.of(), "What brought you here today?")));
  }

  static Starters parse(String content) {
    List<Starter> out = new ArrayList<>();
    for (String raw : content.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int bar = line.indexOf(" | ");
      if (bar > 0) {
        List<String> kw = new ArrayList<>();
        for (String k : line.substring(0, bar).split(",")) {
          if (!k.isBlank()) {
            kw.add(k.strip().toLowerCase(Locale.ROOT));
          }
        }
        out.add(new Starter(kw, line.substring(bar + 3).strip()));
      } else {
        out.add(new Starter(List.of(), line));
      }
    }
    return new Starters(out);
  }

  /** Up to {@code n} starters for an event, those whose keywords appear in {@code context} first. */
  List<String> pick(String seed, String context, int n) {
    String ctx = " " + (context == null ? "" : context.toLowerCase(Locale.ROOT)).replaceAll("[^\\p{L}\\p{N}-]+", " ") + " ";
    Comparator<Starter> byFit = Comparator.comparingInt(s -> fits(s, ctx) ? 0 : 1);
    Comparator<Starter> order = byFit.thenComparing(s -> MessageIds.sha256(seed + "|" + s.text()));
    return all.stream()
        .filter(s -> s.keywords().isEmpty() || fits(s, ctx))
        .sorted(order)
        .limit(n)
        .map(Starter::text)
        .distinct()
        .toList();
  }

  private static boolean fits(Starter s, String ctx) {
    return s.keywords().stream().anyMatch(k -> ctx.contains(" " + k + " "));
  }
}
