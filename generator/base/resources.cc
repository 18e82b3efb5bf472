#include "base/resources.h"

namespace kyosei {

std::optional<std::string_view> resource(std::string_view path) {
  for (const auto& r : embedded_resources())
    if (path == r.path) return r.bytes;
  return std::nullopt;
}

std::vector<Resource> resources_under(std::string_view prefix) {
  std::vector<Resource> out;
  for (const auto& r : embedded_resources())
    if (std::string_view(r.path).substr(0, prefix.size()) == prefix) out.push_back(r);
  return out;  // embed.cmake writes them sorted
}

}  // namespace kyosei
