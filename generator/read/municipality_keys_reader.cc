// Loads data/municipality_keys.toml into model/municipality_keys.h types.
#include <stdexcept>
#include <toml++/toml.h>

#include "base/resources.h"
#include "model/municipality_keys.h"

namespace kyosei {

namespace {

KeyType parse_key_type(const std::string& s) {
  static const std::pair<const char*, KeyType> names[] = {
      {"text", KeyType::Text},       {"integer", KeyType::Integer}, {"decimal", KeyType::Decimal},
      {"boolean", KeyType::Boolean}, {"year", KeyType::Year},       {"enum", KeyType::Enum},
  };
  for (auto& [n, t] : names)
    if (s == n) return t;
  throw std::runtime_error("data/municipality_keys.toml: unknown key type " + s);
}

std::vector<MunicipalityKey> load() {
  auto bytes = resource("data/municipality_keys.toml");
  if (!bytes) throw std::runtime_error("missing embedded data/municipality_keys.toml");
  toml::table doc = toml::parse(*bytes, std::string_view("data/municipality_keys.toml"));
  std::vector<MunicipalityKey> keys;
  if (auto* arr = doc["key"].as_array()) {
    for (auto& node : *arr) {
      const toml::table& t = *node.as_table();
      MunicipalityKey k;
      k.key = t["key"].value_or(std::string());
      k.type = parse_key_type(t["type"].value_or(std::string("text")));
      k.required = t["required"].value_or(false);
      if (auto* vs = t["values"].as_array())
        for (auto& v : *vs) k.values.push_back(v.value_or(std::string()));
      if (k.type == KeyType::Boolean) k.values = {"true", "false"};
      k.label = t["label"].value_or(std::string());
      k.help = t["help"].value_or(std::string());
      k.example = t["example"].value_or(std::string());
      keys.push_back(std::move(k));
    }
  }
  return keys;
}

}  // namespace

std::string MunicipalityKey::table() const {
  size_t dot = key.find('.');
  return dot == std::string::npos ? "" : key.substr(0, dot);
}

std::string MunicipalityKey::name() const {
  size_t dot = key.find('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

const std::vector<MunicipalityKey>& builtin_municipality_keys() {
  static const std::vector<MunicipalityKey> keys = load();
  return keys;
}

}  // namespace kyosei
