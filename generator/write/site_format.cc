#include "write/site_format.h"

#include <cmath>
#include <cstdio>

#include "base/text.h"
#include "base/wording.h"

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

}  // namespace kyosei
