// The text a reader gets from one of the site's own HTML pages, for the
// search index and the privacy guard. Not a general HTML parser: it knows
// the markup kyosei writes (escaped text, quoted attributes, no comments
// but the <!-- raw HTML omitted --> of cmark).
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

// Text outside tags with character references decoded (&amp; &lt; &gt;
// &quot; &#39; &#NN; &#xHH; &nbsp;), <script> and <style> contents and
// comments dropped. Block-level tags (p, li, td, th, h1-h6, br, div, ...)
// become "\n" so words of different cells do not run together.
std::string html_visible_text(std::string_view html);

// Everything a person or a program could read out of a page: the visible
// text with every tag removed without a break (so "架空<br>太郎" reads
// "架空太郎"), followed by each attribute value on its own line (alt,
// aria-label, title, href ...), all decoded. For the privacy guard.
std::string html_readable_text(std::string_view html);

// Decodes the character references listed above; others stay as written.
std::string decode_html_entities(std::string_view text);

// A tag's name ("td" of "<TD class=…>") in ASCII lower case, in a small
// buffer: every tag of every page passes through the passes over HTML
// (this file, html_typeset.h). A name longer than the buffer is none they
// look for and is left empty.
struct HtmlTagName {
  explicit HtmlTagName(std::string_view name) {
    if (name.size() > sizeof buf) return;
    for (char c : name) buf[len++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  std::string_view view() const { return {buf, len}; }
  bool operator==(std::string_view s) const { return view() == s; }

 private:
  char buf[16];
  size_t len = 0;
};

}  // namespace kyosei
