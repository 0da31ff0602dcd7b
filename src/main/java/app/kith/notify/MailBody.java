package app.kith.notify;

/**
 * Builds the plain-text and the HTML alternative of one email side by side, so both always say the
 * same thing. Every value is escaped for HTML here; callers pass raw text.
 */
final class MailBody {
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder html = new StringBuilder();
  private boolean inList;

  MailBody() {
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
        + "<body style=\"font-family:sans-serif;line-height:1.4;max-width:40em\">\n");
  }

  MailBody heading(String s) {
    endList();
    if (text.length() > 0 && !text.toString().endsWith("\n\n")) {
      text.append('\n');
    }
    text.append(s).append('\n').append("-".repeat(Math.min(60, s.length()))).append('\n');
    html.append("<h3>").append(Text.html(s)).append("</h3>\n");
    return this;
  }

  MailBody para(String s) {
    endList();
    text.append(s).append("\n\n");
    html.append("<p>").append(multiline(s)).append("</p>\n");
    return this;
  }

  /** A paragraph with a link (only http/https links become anchors). */
  MailBody link(String label, String url) {
    endList();
    text.append(label).append(": ").append(url).append("\n\n");
    html.append("<p>").append(Text.html(label)).append(": ");
    if (url.startsWith("https://") || url.startsWith("http://")) {
      html.append("<a href=\"").append(Text.html(url)).append("\">").append(Text.html(url)).append("</a>");
    } else {
      html.append(Text.html(url));
    }
    html.append("</p>\n");
    return this;
  }

  MailBody item(String s) {
    if (!inList) {
      html.append("<ul>\n");
      inList = true;
    }
    text.append("  - ").append(s.replace("\n", "\n    ")).append('\n');
    html.append("<li>").append(multiline(s)).append("</li>\n");
    return this;
  }

  /** Text to copy as is (a draft), quoted. */
  MailBody quote(String s) {
    endList();
    for (String line : s.split("\n", -1)) {
      text.append("    > ").append(line).append('\n');
    }
    text.append('\n');
    html.append("<blockquote style=\"border-left:3px solid #ccc;margin:0 0 1em 0;padding-left:1em\">")
        .append(multiline(s)).append("</blockquote>\n");
    return this;
  }

  MailBody endList() {
    if (inList) {
      text.append('\n');
      html.append("</ul>\n");
      inList = false;
    }
    return this;
  }

  private static String multiline(String s) {
    return Text.html(s).replace("\r\n", "\n").replace("\n", "<br>");
  }

  String text() {
    endList();
    return text.toString().strip() + "\n";
  }

  String html() {
    endList();
    return html + "</body></html>\n";
  }
}
