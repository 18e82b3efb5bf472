// Resources compiled into the binary (data/, templates/, site/), looked up by
// their path in the repository, e.g. "data/schema.toml".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyosei {

struct Resource {
  const char* path;
  std::string_view bytes;
};

// Defined in the generated embedded_resources.cc.
const std::vector<Resource>& embedded_resources();

// The bytes of one resource; nullopt when there is none at that path.
std::optional<std::string_view> resource(std::string_view path);

// Every resource whose path starts with prefix (e.g. "site/"), sorted.
std::vector<Resource> resources_under(std::string_view prefix);

}  // namespace kyosei
