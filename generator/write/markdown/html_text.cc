#include "write/markdown/html_text.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace kyosei {

namespace {

// Where needle (lower case) first occurs in html from `from` on, ASCII
// letters compared without case, without a lower-cased copy of the rest of
// the page.
size_t find_ascii_ci(std::string_view html, size_t from, const std::string& needle) {
  if (needle.empty()) return from <= html.size() ? from : std::string_view::npos;
  for (size_t i = from; i + needle.size() <= html.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = html[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool is_block_tag(std::string_view name) {
  // Looked up for every tag of every page: grouped by length once, then
  // only the few names of the same length are compared.
  static constexpr std::array<std::string_view, 44> blocks = {
      "address", "article", "aside",   "blockquote", "br",      "caption", "dd",     "details", "div",   "dl",
      "dt",      "fieldset", "figcaption", "figure", "footer",  "form",    "h1",     "h2",      "h3",    "h4",
      "h5",      "h6",      "header",  "hr",         "label",   "legend",  "li",     "main",    "nav",   "ol",
      "option",  "p",       "pre",     "section",    "summary", "table",   "tbody",  "td",      "tfoot", "th",
      "thead",   "title",   "tr",      "ul"};
  constexpr size_t kLongest = 10;
  static const auto by_length = [] {
    std::array<std::vector<std::string_view>, kLongest + 1> out;
    for (std::string_view b : blocks) out.at(b.size()).push_back(b);
    return out;
  }();
  if (name.empty() || name.size() > kLongest) return false;
  for (std::string_view b : by_length[name.size()])
    if (b[0] == name[0] && b == name) return true;
  return false;
}

// Appends text with its character references decoded (decode_html_entities).
void append_decoded(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      // Up to the next '&' as it is.
      size_t amp = text.find('&', i);
      if (amp == std::string_view::npos) amp = text.size();
      out.append(text.substr(i, amp - i));
      i = amp - 1;
      continue;
    }
    size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    std::string_view name = text.substr(i + 1, semi - i - 1);
    bool done = true;
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "apos") out += '\'';
    else if (name == "nbsp") out += "\xc2\xa0";
    else if (name.size() > 1 && name[0] == '#') {
      std::string digits(name.substr(1));
      int base = 10;
      if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
        base = 16;
        digits.erase(0, 1);
      }
      char* end = nullptr;
      unsigned long cp = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, base);
      if (digits.empty() || *end != '\0') done = false;
      else append_utf8(out, cp);
    } else {
      done = false;
    }
    if (done) i = semi;
    else out += '&';
  }
}

struct Tag {
  HtmlTagName name{""};  // lower case, without "/"
  bool closing = false;
  size_t end = 0;  // index just past '>'
};

// Parses the tag starting at html[start] == '<'; its attribute values,
// decoded, one per line, are appended to *attribute_values when given.
Tag parse_tag(std::string_view html, size_t start, std::string* attribute_values = nullptr) {
  Tag t;
  const size_t n = html.size();
  size_t i = start + 1;
  if (i < n && html[i] == '/') {
    t.closing = true;
    ++i;
  }
  size_t name_start = i;
  while (i < n && html[i] != '>' && html[i] != ' ' && html[i] != '\n' && html[i] != '\t' && html[i] != '/') ++i;
  t.name = HtmlTagName(html.substr(name_start, i - name_start));
  while (i < n && html[i] != '>') {
    char c = html[i];
    if (c == '"' || c == '\'') {
      size_t close = html.find(c, i + 1);
      if (close == std::string_view::npos) close = n;
      if (attribute_values) {
        append_decoded(*attribute_values, html.substr(i + 1, close - i - 1));
        *attribute_values += '\n';
      }
      i = close + 1;
    } else {
      ++i;
    }
  }
  t.end = i < n ? i + 1 : n;
  return t;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_decoded(out, text);
  return out;
}

std::string html_visible_text(std::string_view html) {
  std::string out, pending;
  auto flush = [&] {
    append_decoded(out, pending);
    pending.clear();
  };
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t lt = html.find('<', i);
      if (lt == std::string_view::npos) lt = html.size();
      pending.append(html.substr(i, lt - i));
      i = lt;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && html[i + 1] == '!') {  // <!DOCTYPE ...>
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    Tag t = parse_tag(html, i);
    flush();
    i = t.end;
    if (!t.closing && (t.name == "script" || t.name == "style")) {
      size_t end = find_ascii_ci(html, i, "</" + std::string(t.name.view()));
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (is_block_tag(t.name.view()) && !out.empty() && out.back() != '\n') out += '\n';
  }
  flush();
  return out;
}

std::string html_readable_text(std::string_view html) {
  std::string text, pending, attributes;
  text.reserve(html.size());
  auto flush = [&] {
    append_decoded(text, pending);
    pending.clear();
  };
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t lt = html.find('<', i);
      if (lt == std::string_view::npos) lt = html.size();
      pending.append(html.substr(i, lt - i));
      i = lt;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    Tag t = parse_tag(html, i, &attributes);
    flush();
    i = t.end;
  }
  flush();
  text += '\n';
  text += attributes;
  return text;
}

}  // namespace kyosei
