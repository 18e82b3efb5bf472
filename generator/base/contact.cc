#include "base/contact.h"

namespace kyosei {

std::optional<std::string> dialable_phone(std::string_view s) {
  std::string digits;
  bool hash = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '#' && i == 0) {
      hash = true;
    } else if (c == '-' || c == '(' || c == ')' || c == ' ') {
      continue;
    } else if (s.compare(i, 3, "\xe2\x80\x90") == 0 || s.compare(i, 3, "\xe3\x83\xbc") == 0 ||
               s.compare(i, 3, "\xe2\x88\x92") == 0) {
      i += 2;  // ‐ ー − typed as hyphens
    } else {
      return std::nullopt;
    }
  }
  if (hash) return digits.size() == 4 ? std::optional<std::string>("#" + digits) : std::nullopt;
  if (digits.size() == 3 && digits[0] == '1') return digits;
  if ((digits.size() == 10 || digits.size() == 11) && digits[0] == '0') return digits;
  return std::nullopt;
}

bool is_web_address(std::string_view s) {
  std::string_view rest;
  if (s.rfind("https://", 0) == 0) rest = s.substr(8);
  else if (s.rfind("http://", 0) == 0) rest = s.substr(7);
  else return false;
  if (rest.empty() || rest[0] == '/' || rest[0] == '.') return false;
  for (unsigned char c : rest)
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
  return true;
}

}  // namespace kyosei
