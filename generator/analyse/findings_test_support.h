// Small hand-made datasets for the finding-rule tests (findings_*_test.cc).
// Rows get line numbers as if read from a CSV (header on line 1), so tests
// can check the exact evidence rows.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyse/findings.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei::test {

inline Dataset municipality(std::string status = "実施", bool welfare_office = true) {
  Dataset d;
  d.municipality.name = "架空市";
  d.municipality.fiscal_year = 2026;
  d.municipality.jusou_status = std::move(status);
  d.municipality.welfare_office = welfare_office;
  return d;
}

inline Area& add_area(Dataset& d, std::string id, int layer, std::string parent = "") {
  Area a;
  a.id = id;
  a.name = id + "圏域";
  a.layer = layer;
  a.parent = std::move(parent);
  a.line = static_cast<int>(d.areas.size()) + 2;
  d.areas.push_back(a);
  return d.areas.back();
}

inline Service& add_service(Dataset& d, std::string id, std::string field, std::vector<std::string> functions,
                            std::vector<std::string> codes = {}, std::vector<std::string> areas = {}) {
  Service s;
  s.id = id;
  s.name = "事業" + id;
  s.field = std::move(field);
  s.functions = std::move(functions);
  s.jusou_codes = std::move(codes);
  s.areas = std::move(areas);
  s.department = "地域福祉課";
  s.method = "直営";
  s.line = static_cast<int>(d.services.size()) + 2;
  d.services.push_back(s);
  return d.services.back();
}

inline Staff& add_staff(Dataset& d, std::string id, std::vector<std::string> roles, std::vector<std::string> areas = {},
                        std::string organisation = "架空市 福祉部 地域福祉課") {
  Staff s;
  s.id = id;
  s.name = "氏名" + id;  // must never show up in evidence
  s.organisation = std::move(organisation);
  s.organisation_type = "市町村";
  for (auto& r : roles) s.roles.push_back({r, 1.0 / roles.size(), 1.0 / roles.size()});
  s.areas = std::move(areas);
  s.line = static_cast<int>(d.staff.size()) + 2;
  d.staff.push_back(s);
  return d.staff.back();
}

inline Meeting& add_meeting(Dataset& d, std::string id, std::vector<std::string> kinds, std::vector<std::string> members = {},
                            std::string purpose = "", bool confidential = false) {
  Meeting m;
  m.id = id;
  m.name = "会議" + id;
  m.kinds = std::move(kinds);
  m.members = std::move(members);
  m.purpose = std::move(purpose);
  m.confidential = confidential;
  m.department = "地域福祉課";
  m.line = static_cast<int>(d.meetings.size()) + 2;
  d.meetings.push_back(m);
  return d.meetings.back();
}

inline Session& add_session(Dataset& d, std::string meeting_id, Date date = {2026, 6, 1}, std::vector<std::string> orgs = {},
                            std::string agenda = "") {
  Session s;
  s.meeting_id = std::move(meeting_id);
  s.date = date;
  s.organisations = std::move(orgs);
  s.agenda = std::move(agenda);
  s.line = static_cast<int>(d.sessions.size()) + 2;
  d.sessions.push_back(s);
  return d.sessions.back();
}

inline Indicator& add_indicator(Dataset& d, std::string id, std::optional<double> target = 30,
                                std::vector<IndicatorResult> results = {}) {
  Indicator i;
  i.id = id;
  i.category = "相談支援";
  i.name = "指標" + id;
  i.target_year = 2029;
  i.target_value = target;
  i.results = std::move(results);
  i.line = static_cast<int>(d.indicators.size()) + 2;
  d.indicators.push_back(i);
  return d.indicators.back();
}

// The built-in settings of one rule, to change a parameter in a test.
inline FindingRuleConfig rule_config(const std::string& id) {
  const FindingRuleConfig* r = builtin_findings_config().rule(id);
  REQUIRE(r != nullptr);
  return *r;
}

// Runs one rule (built-in settings unless given) on a dataset.
inline std::vector<Finding> run_rule(const Dataset& d, const std::string& id, const FindingRuleConfig* settings = nullptr) {
  FindingsConfig config;
  config.rules.push_back(settings ? *settings : rule_config(id));
  config.rules.back().enabled = true;
  return compute_findings(d, builtin_reference(), config);
}

// "file:line:ID" of every evidence row, in order.
inline std::vector<std::string> evidence_keys(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& e : f.evidence) out.push_back(evidence_key(e));
  return out;
}

inline std::vector<std::string> subjects(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.subject);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace kyosei::test
