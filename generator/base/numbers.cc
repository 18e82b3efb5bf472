#include "base/numbers.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "base/text.h"

namespace kyosei {

namespace {
// Digits with optional thousands separators: "1,234" yes, "12,34" no.
std::optional<long long> digits_with_commas(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool has_comma = s.find(',') != std::string_view::npos;
  long long v = 0;
  int since_comma = 0;
  bool seen_comma = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',') {
      if (i == 0 || (seen_comma && since_comma != 3) || (!seen_comma && since_comma > 3)) return std::nullopt;
      seen_comma = true;
      since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (v > (INT64_MAX - 9) / 10) return std::nullopt;
    v = v * 10 + (c - '0');
    ++since_comma;
  }
  if (has_comma && since_comma != 3) return std::nullopt;
  return v;
}
}  // namespace

std::optional<long long> parse_integer(std::string_view text) {
  std::string s = normalize(text);
  bool neg = false;
  std::string_view v = s;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    neg = v[0] == '-';
    v.remove_prefix(1);
  }
  auto n = digits_with_commas(v);
  if (!n) return std::nullopt;
  return neg ? -*n : *n;
}

std::optional<double> parse_decimal(std::string_view text) {
  std::string s = normalize(text);
  if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
  std::string plain;
  for (char c : s)
    if (c != ',') plain += c;
  if (plain.empty()) return std::nullopt;
  for (char c : plain)
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(plain.c_str(), &end);
  if (errno || end != plain.c_str() + plain.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<long long> parse_yen(std::string_view text) {
  std::string s = normalize(text);
  if (s.size() >= 3 && s.compare(s.size() - 3, 3, "円") == 0) s = trim(s.substr(0, s.size() - 3));
  if (!s.empty() && (s[0] == '\\')) s = s.substr(1);           // NFKC turns ￥ into ¥, not '\'
  if (s.compare(0, 2, "\xC2\xA5") == 0) s = s.substr(2);       // ¥
  return digits_with_commas(trim(s));
}

int local_government_check_digit(std::string_view five) {
  static const int weights[] = {6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 5; ++i) sum += (five[i] - '0') * weights[i];
  int r = sum % 11;
  return (11 - r) % 10;  // r=0 -> 1, r=1 -> 0, else 11-r
}

bool is_valid_local_government_code(std::string_view code) {
  if (code.size() != 6) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  return local_government_check_digit(code.substr(0, 5)) == code[5] - '0';
}

std::string format_yen(long long yen) { return with_commas(yen) + "円"; }

}  // namespace kyosei
