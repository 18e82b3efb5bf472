// The keys of municipality.toml as data (data/municipality_keys.toml): which
// keys, their TOML types and help for staff. The Excel input template lists
// them one per row; `kyosei import` writes each value back with its type.
// The reader of the file itself is read/municipality_reader.cc.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

enum class KeyType { Text, Integer, Decimal, Boolean, Year, Enum };

struct MunicipalityKey {
  std::string key;  // "name", "plan.title" (= title in [plan])
  KeyType type = KeyType::Text;
  bool required = false;
  std::vector<std::string> values;  // Enum; Boolean: true, false
  std::string label;                // 自治体名
  std::string help;
  std::string example;

  // "plan" for "plan.title", "" for a top-level key.
  std::string table() const;
  // "title" for "plan.title".
  std::string name() const;
};

// In the order of the file; loaded once from the embedded resource.
const std::vector<MunicipalityKey>& builtin_municipality_keys();

}  // namespace kyosei
