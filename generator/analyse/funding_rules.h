// How each 重層事業 component is treated in the 交付金 breakdown beyond its
// ratios (data/jusou_funding_rules.csv, one row per component, with source):
// - funded_as: the component whose ratios and 号 apply. 6 (支援プランの作成)
//   is granted together with 5 (多機関協働事業), so its money, if any, is
//   computed with 5's ratios and counted under 第5号.
// - remainder_label: what the remainder after 国 and 都道府県 is called. For
//   the 介護 components (1イ, 3イ, 3ロ) it is 市町村 plus 第1号保険料 and the
//   source gives no split, so the label says so.
// - included_note: shown, without money, for a component folded into
//   another that the same service also carries (6 beside 5).
#pragma once
#include <string>
#include <vector>

namespace kyosei {

struct FundingRule {
  std::string component_key;
  std::string funded_as;
  std::string remainder_label;
  std::string included_note;
  std::string source;
};

// Parsed once from the embedded data file; every component of
// reference_data().reference has a rule (checked by the tests).
const std::vector<FundingRule>& builtin_funding_rules();

// nullptr for a key not in the table.
const FundingRule* funding_rule(const std::string& component_key);

}  // namespace kyosei
