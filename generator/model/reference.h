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
  // How the guidebook counts it: 11事業 (the ones with a 号・イロハニ in 003
  // L858 / 004 L698-714), 第3号柱書 (004 L316) or 第5号と一体 (004 L714).
  std::string counted_as;
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

// One self-assessment item (data/assessment/items.toml, or a municipality's
// own assessment_items.csv appended after the built-in ones).
struct AssessmentItemRef {
  std::string id;  // A1 …
  std::string domain;
  std::string viewpoint;  // as written for people: "V2,V5"; "横断" when viewpoints is empty
  std::string question;
  std::string source;     // sources joined with "・"
  std::vector<std::string> viewpoints;  // V0 … V6; empty = 横断 (cross-cutting)
  std::vector<std::string> levels;      // rubric text of levels 0, 1, 2, 3
  std::vector<std::string> evidence_support;  // data patterns that back a rating
  std::vector<std::string> evidence_contra;   // data patterns that contradict it
  std::vector<std::string> sources;           // "003_b0a7500923320b3e.txt L178"
  std::string origin;  // "" built-in; otherwise the file it came from ("assessment_items.csv")
};

// A domain (領域) of the item bank: A … I.
struct AssessmentDomain {
  std::string id;
  std::string name;
  std::vector<std::string> viewpoints;  // empty = 横断
};

// A viewpoint (視点) V0 … V6 of 003's progress check, with the 重層事業
// components that mainly serve it (a reconstruction: the figure is missing).
struct AssessmentViewpoint {
  std::string id;
  std::string group;  // 中心 / 地域 / 支援関係機関 / 両者の関係
  std::string name;
  std::vector<std::string> jusou;  // keys of data/jusou_components.csv
  std::string jusou_note;
  std::vector<std::string> sources;
};

struct Reference {
  std::vector<JusouComponent> components;  // in table order
  std::vector<FundingRatio> funding;
  std::vector<RoleInfo> roles;
  // The self-assessment item bank (data/assessment/items.toml).
  std::string assessment_version;               // "1.0"
  std::vector<std::string> assessment_levels;   // common meaning of levels 0 … 3
  std::vector<AssessmentDomain> assessment_domains;
  std::vector<AssessmentViewpoint> assessment_viewpoints;
  std::vector<AssessmentItemRef> assessment_items;  // bank order

  const JusouComponent* component(const std::string& key) const;
  const RoleInfo* role(const std::string& name) const;
  const AssessmentItemRef* assessment_item(const std::string& id) const;
  const AssessmentDomain* assessment_domain(const std::string& id) const;
  const AssessmentViewpoint* assessment_viewpoint(const std::string& id) const;
};

// The reference data compiled into the binary (parsed on first use).
const Reference& builtin_reference();

}  // namespace kyosei
