// Parses the reference data compiled into the binary (data/*.csv and the
// self-assessment item bank data/assessment/items.toml). They are ours and
// tested, so a malformed row is a programming error.
#include <map>
#include <stdexcept>

#include "base/resources.h"
#include "base/text.h"
#include "model/reference.h"
#include "read/assessment_bank_reader.h"
#include "read/embedded_csv.h"

namespace kyosei {

namespace {

// "R5" -> 2023; "" -> 0.
int reiwa_year(const std::string& s) { return s.empty() ? 0 : std::stoi(s.substr(1)) + 2018; }

Reference load() {
  Reference ref;
  for (auto& r : embedded_csv_rows("data/jusou_components.csv")) {
    ref.components.push_back({r["key"], r["law_ref"], std::stoi(r["go"]), r["program_name"], r["field"],
                              r["support_category"], r["function"], r["new_or_existing"], r["required"],
                              r["substitute_without_welfare_office"], r["note"], r["source"], r["counted_as"]});
  }
  for (auto& r : embedded_csv_rows("data/jusou_funding.csv")) {
    FundingRatio f;
    f.component_key = r["component_key"];
    f.payer = r["payer"];
    f.legal_basis = r["legal_basis"];
    f.expense_type = r["expense_type"];
    f.ratio_text = r["ratio_text"];
    f.num = std::stoll(r["num"]);
    f.den = std::stoll(r["den"]);
    f.is_cap = r["is_cap"] == "Y";
    f.fy_from = reiwa_year(r["fy_from"]);
    f.fy_to = reiwa_year(r["fy_to"]);
    f.status = r["status"];
    f.source = r["source_file"] + " L" + r["source_line"];
    ref.funding.push_back(std::move(f));
  }
  for (auto& r : embedded_csv_rows("data/roles.csv")) ref.roles.push_back({r["role"], split_multi(r["fields"]), r["source"]});
  auto bank = resource("data/assessment/items.toml");
  if (!bank) throw std::runtime_error("missing embedded resource data/assessment/items.toml");
  parse_assessment_bank(*bank, "data/assessment/items.toml", ref);
  return ref;
}

}  // namespace

const Reference& builtin_reference() {
  static const Reference ref = load();
  return ref;
}

const JusouComponent* Reference::component(const std::string& key) const {
  for (const auto& c : components)
    if (c.key == key) return &c;
  return nullptr;
}

const RoleInfo* Reference::role(const std::string& name) const {
  for (const auto& r : roles)
    if (r.role == name) return &r;
  return nullptr;
}

const AssessmentItemRef* Reference::assessment_item(const std::string& id) const {
  for (const auto& i : assessment_items)
    if (i.id == id) return &i;
  return nullptr;
}

const AssessmentDomain* Reference::assessment_domain(const std::string& id) const {
  for (const auto& d : assessment_domains)
    if (d.id == id) return &d;
  return nullptr;
}

const AssessmentViewpoint* Reference::assessment_viewpoint(const std::string& id) const {
  for (const auto& v : assessment_viewpoints)
    if (v.id == id) return &v;
  return nullptr;
}

}  // namespace kyosei
