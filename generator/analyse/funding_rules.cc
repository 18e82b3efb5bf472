#include "analyse/funding_rules.h"

#include <map>
#include <stdexcept>

#include "base/resources.h"
#include "read/csv.h"

namespace kyosei {

namespace {

// Our own tested data file: a malformed row is a programming error.
std::vector<FundingRule> load() {
  constexpr const char* kPath = "data/jusou_funding_rules.csv";
  auto bytes = resource(kPath);
  if (!bytes) throw std::runtime_error(std::string("missing embedded resource ") + kPath);
  auto parsed = parse_csv(*bytes);
  if (!parsed.errors.empty() || parsed.records.empty())
    throw std::runtime_error(std::string("malformed embedded resource ") + kPath);
  const auto& header = parsed.records[0].fields;
  std::vector<FundingRule> out;
  for (size_t r = 1; r < parsed.records.size(); ++r) {
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < header.size(); ++c)
      row[header[c]] = c < parsed.records[r].fields.size() ? parsed.records[r].fields[c] : "";
    out.push_back({row["component_key"], row["funded_as"], row["remainder_label"], row["included_note"], row["source"]});
  }
  return out;
}

}  // namespace

const std::vector<FundingRule>& builtin_funding_rules() {
  static const std::vector<FundingRule> rules = load();
  return rules;
}

const FundingRule* funding_rule(const std::string& component_key) {
  for (const auto& r : builtin_funding_rules())
    if (r.component_key == component_key) return &r;
  return nullptr;
}

}  // namespace kyosei
