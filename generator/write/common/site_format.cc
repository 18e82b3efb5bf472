#include "write/common/site_format.h"

#include <cmath>
#include <cstdio>

#include "base/text.h"
#include "base/wording.h"

#include "write/markdown/markdown_html.h"

namespace kyosei {

std::string count_text(const std::optional<long long>& n, std::string_view unit) {
  if (!n) return kUnknown;
  return with_commas(*n) + std::string(unit);
}

std::string list_text(const std::vector<std::string>& items, std::string_view if_empty) {
  if (items.empty()) return std::string(if_empty);
  return join(items, "、");
}

std::vector<std::string> area_names(const Dataset& ds, const std::vector<std::string>& ids) {
  if (ids.empty()) return {kWholeArea};
  std::vector<std::string> out;
  for (const auto& id : ids) {
    const Area* a = ds.find_area(id);
    out.push_back(a ? a->name : id);
  }
  return out;
}

std::string decimal_text(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(value * 100) / 100);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string file_size_text(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + "バイト";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + "KB";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fMB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

namespace {

// Length of the phone number starting at text[i] (0 when none): ASCII
// digits and hyphens, starting with 0, 10 or 11 digits, at least one
// hyphen, not inside a longer run of digits.
size_t phone_number_at(std::string_view text, size_t i) {
  auto digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  if (text[i] != '0' || (i > 0 && (digit(i - 1) || text[i - 1] == '-'))) return 0;
  size_t k = i, digits = 0, hyphens = 0;
  while (k < text.size() && (digit(k) || (text[k] == '-' && digit(k + 1) && k > i))) {
    if (text[k] == '-') ++hyphens; else ++digits;
    ++k;
  }
  return (digits == 10 || digits == 11) && hyphens > 0 ? k - i : 0;
}

}  // namespace

std::string contact_html(std::string_view text) {
  std::string out;
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t n = phone_number_at(text, i);
    if (n == 0) continue;
    std::string number(text.substr(i, n)), dial;
    for (char c : number)
      if (c != '-') dial += c;
    out += html_escape(text.substr(plain, i - plain)) + "<a class=\"tel\" href=\"tel:" + dial + "\">" + number + "</a>";
    i += n - 1;
    plain = i + 1;
  }
  return out + html_escape(text.substr(plain));
}

std::string url_text_html(std::string_view url) {
  std::string out;
  bool may_break = false;  // a <wbr> is due before the next character
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (i > 0 && (may_break || c == '.' || c == '?' || c == '#' || c == '&' || c == '=')) out += "<wbr>";
    out += html_escape(url.substr(i, 1));
    may_break = c == '/' && (i + 1 >= url.size() || url[i + 1] != '/') && (i == 0 || url[i - 1] != '/');  // not in "//"
  }
  return out;
}

}  // namespace kyosei
