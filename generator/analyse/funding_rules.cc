#include "analyse/funding_rules.h"

#include "read/embedded_csv.h"

namespace kyosei {

namespace {

std::vector<FundingRule> load() {
  std::vector<FundingRule> out;
  for (auto& row : embedded_csv_rows("data/jusou_funding_rules.csv"))
    out.push_back({row["component_key"], row["funded_as"], row["remainder_label"], row["included_note"], row["source"]});
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
