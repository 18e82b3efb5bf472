#include "base/file_names.h"

#include "base/sha256.h"

namespace kyosei {

std::string fit_file_name(std::string_view name) {
  if (name.size() <= kMaxNameBytes) return std::string(name);
  size_t dot = name.rfind('.');
  std::string_view ext = dot != std::string_view::npos && name.size() - dot <= 16 ? name.substr(dot) : "";
  std::string mark = "~" + sha256_hex(name).substr(0, 16);
  size_t keep = kMaxNameBytes - mark.size() - ext.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;  // not inside a character
  return std::string(name.substr(0, keep)) + mark + std::string(ext);
}

std::string fit_path(std::string_view path) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    out += fit_file_name(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

}  // namespace kyosei
