// Reference data shipped with kyosei (data/*.csv), each row with its source
// in the seed documents. Loaded once from the embedded resources; a dataset
// may override the funding ratios with its own file (issue 3).
#pragma once
#include <string>
#include <vector>

namespace kyosei {

// One of the 13 rows of the 重層事業 component table (data/jusou_components.csv).
struct JusouComponent {
  std::string key;           // 1イ … 3柱, 4, 5, 6 (as in services.csv 重層区分)
  std::string law_ref;       // 第1号イ
  int go = 0;                // 号: 1..6
  std::string program_name;  // 地域包括支援センターの運営
  std::string field;
  std::string support_category;
  std::string function;
  std::string new_or_existing;
  std::string required;  // 必須 | 第5号と一体
  std::string substitute_without_welfare_office;  // 1ニ only
  std::string note;
  std::string source;
};

// One payer's share of one component for a range of fiscal years
// (data/jusou_funding.csv). num/den is an exact fraction.
struct FundingRatio {
  std::string component_key;
  std::string payer;  // 国 | 都道府県 | 国・都道府県
  std::string legal_basis;
  std::string expense_type;
  std::string ratio_text;  // as written in the source: "50/100以内"
  long long num = 0, den = 1;
  bool is_cap = false;     // 「以内」: a ceiling, not a fixed share
  int fy_from = 0, fy_to = 0;  // western fiscal years; 0 = unbounded
  std::string status;
  std::string source;
};

struct RoleInfo {
  std::string role;
  std::vector<std::string> fields;
  std::string source;
};

struct AssessmentItemRef {
  std::string id;  // A1 …
  std::string domain;
  std::string viewpoint;
  std::string question;
  std::string source;
};

struct Reference {
  std::vector<JusouComponent> components;  // in table order
  std::vector<FundingRatio> funding;
  std::vector<RoleInfo> roles;
  std::vector<AssessmentItemRef> assessment_items;

  const JusouComponent* component(const std::string& key) const;
  const RoleInfo* role(const std::string& name) const;
};

// The reference data compiled into the binary (parsed on first use).
const Reference& builtin_reference();

}  // namespace kyosei
