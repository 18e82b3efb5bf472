#include "analyse/similarity.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "base/text.h"

namespace kyosei {

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t common = 0;
  for (const auto& x : a) common += b.count(x);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::set<std::string> char_bigrams(std::string_view text) {
  const std::string n = nfkc(text);
  std::vector<std::string> chars;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(n.size());
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(n.data(), i, length, c);
    if (c < 0 || u_isUWhiteSpace(c) || u_ispunct(c)) continue;
    chars.push_back(n.substr(start, i - start));
  }
  std::set<std::string> out;
  if (chars.size() == 1) out.insert(chars[0]);
  for (size_t k = 0; k + 1 < chars.size(); ++k) out.insert(chars[k] + chars[k + 1]);
  return out;
}

}  // namespace kyosei
