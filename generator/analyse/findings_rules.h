// Internal to generator/analyse/findings*.cc: what a rule function gets,
// the helpers the rules share, and the rule functions themselves (one
// family per file: components, meetings, staff, indicators). The public
// API is findings.h.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/findings.h"

namespace kyosei {

struct RuleContext {
  const Dataset& data;
  const Reference& ref;
  const FindingRuleConfig& config;

  // A finding of this rule: id, name, rule text, items and severity (by
  // jusou_status when the rule has a table) from the config; the summary
  // filled from values.
  Finding make(std::string subject, const TemplateValues& values, std::vector<EvidenceRow> evidence) const;
  // The same with another summary template (a parameter text for a
  // variant of the rule, e.g. FND-14 when there is no meeting at all).
  Finding make_with(std::string_view summary_template, std::string subject, const TemplateValues& values,
                    std::vector<EvidenceRow> evidence) const;
};

// --- Sessions. meeting_sessions.csv is optional: with no session at all
// the number of meetings held is unknown, not zero.
bool sessions_known(const Dataset& data);
// Sessions of the meeting within the dataset's fiscal year (all of them
// when the fiscal year is not set).
std::vector<const Session*> year_sessions(const Dataset& data, const std::string& meeting_id);

// --- Vocabulary and text.
bool holds(const std::vector<std::string>& values, const std::string& v);
bool has_any(const std::vector<std::string>& values, const std::vector<std::string>& wanted);
bool has_role(const Staff& s, const std::string& role);
bool has_any_role(const Staff& s, const std::vector<std::string>& roles);
// True when text (after NFKC) contains one of the keywords (after NFKC).
bool contains_any(std::string_view text, const std::vector<std::string>& keywords);

// --- Areas.
// area is ancestor itself or lies under it (through 上位圏域).
bool area_within(const Dataset& data, const std::string& area, const std::string& ancestor);
// Some listed area is d or lies under d. An empty list (全域) covers no
// particular area.
bool covers_area(const Dataset& data, const std::vector<std::string>& listed, const Area& d);
// The listed areas and every area above them (through 上位圏域): x lies
// within y (area_within) exactly when y is in areas_and_ancestors({x}).
std::set<std::string> areas_and_ancestors(const Dataset& data, const std::vector<std::string>& listed);

// --- Organisation names as people write them: full-width and spaces
// folded (NFKC, no spaces), the municipality's own name dropped from the
// front ("架空市社会福祉協議会" = "社会福祉協議会"), aliases replaced by the
// first name of their row.
class OrgNames {
 public:
  explicit OrgNames(const Dataset& data, std::vector<std::vector<std::string>> aliases = {});
  // A reference into the cache: valid as long as this OrgNames.
  const std::string& key(std::string_view name) const;
  // Same organisation, or one name contains the other ("架空市 福祉部
  // 地域福祉課" and "地域福祉課"): attendance is recorded per organisation,
  // sometimes per department.
  bool related(std::string_view a, std::string_view b) const;
  // related() on two key()s, for loops that fold each name once.
  static bool related_keys(const std::string& key_a, const std::string& key_b);

 private:
  std::string municipality_;
  std::vector<std::vector<std::string>> aliases_;  // normalised
  // related() compares every pair; fold each name (NFKC via ICU) once.
  mutable std::map<std::string, std::string, std::less<>> keys_;
};

// Organisations of a meeting: its 構成機関 and whoever attended its
// sessions of the year, in that order, each once.
std::vector<std::string> meeting_organisations(const Dataset& data, const Meeting& m);

// --- Evidence rows.
std::string quoted(std::string_view s);  // 「s」
EvidenceRow evidence_of(const Service& s, const std::string& detail = "");
EvidenceRow evidence_of(const Staff& s, const std::string& detail = "");
EvidenceRow evidence_of(const Meeting& m, const std::string& detail = "");
EvidenceRow evidence_of(const Dataset& data, const Session& s, const std::string& detail = "");
EvidenceRow evidence_of(const Area& a, const std::string& detail = "");
EvidenceRow evidence_of(const Indicator& i, const std::string& detail = "");
EvidenceRow evidence_of_file(const std::string& file, const std::string& description);
EvidenceRow evidence_of_municipality(const std::string& key, const std::string& description);
// "0.75"; fixed decimals for scores.
std::string decimal_text(double v, int decimals);

// --- The rules (findings_components.cc).
void rule_missing_components(const RuleContext&, std::vector<Finding>&);     // FND-01
void rule_field_without_community(const RuleContext&, std::vector<Finding>&);  // FND-03a
void rule_community_only_salons(const RuleContext&, std::vector<Finding>&);    // FND-03b
void rule_community_welfare_only(const RuleContext&, std::vector<Finding>&);   // FND-03c
void rule_area_without_consultation(const RuleContext&, std::vector<Finding>&);  // FND-04
void rule_new_programs_scattered(const RuleContext&, std::vector<Finding>&);   // FND-11
void rule_no_outreach(const RuleContext&, std::vector<Finding>&);              // FND-13a
// (findings_meetings.cc)
void rule_similar_meetings(const RuleContext&, std::vector<Finding>&);          // FND-05
void rule_no_jusou_meeting(const RuleContext&, std::vector<Finding>&);          // FND-08a
void rule_jusou_meeting_cases_only(const RuleContext&, std::vector<Finding>&);  // FND-08b
void rule_support_meeting_dominant(const RuleContext&, std::vector<Finding>&);  // FND-08c
void rule_no_non_welfare_department(const RuleContext&, std::vector<Finding>&);  // FND-14
void rule_no_prefectural_agency(const RuleContext&, std::vector<Finding>&);     // FND-15
void rule_no_shakyo(const RuleContext&, std::vector<Finding>&);                 // FND-17
void rule_missing_standard_meeting(const RuleContext&, std::vector<Finding>&);  // FND-24a
// (findings_staff.cc)
void rule_many_roles(const RuleContext&, std::vector<Finding>&);             // FND-06a
void rule_many_areas(const RuleContext&, std::vector<Finding>&);             // FND-06b
void rule_sole_core_holder(const RuleContext&, std::vector<Finding>&);       // FND-06c
void rule_coordinators_apart(const RuleContext&, std::vector<Finding>&);     // FND-16
void rule_area_without_platform(const RuleContext&, std::vector<Finding>&);  // FND-18a
void rule_area_without_coordinator(const RuleContext&, std::vector<Finding>&);  // FND-18b
void rule_core_staff_same_year(const RuleContext&, std::vector<Finding>&);   // FND-19a
void rule_core_staff_short_tenure(const RuleContext&, std::vector<Finding>&);  // FND-19b
void rule_no_supervision(const RuleContext&, std::vector<Finding>&);         // FND-20
// (findings_indicators.cc)
void rule_no_outcome_targets(const RuleContext&, std::vector<Finding>&);     // FND-21a
void rule_no_recent_results(const RuleContext&, std::vector<Finding>&);      // FND-21b
// (findings_plan.cc: the checks the plan drafts used to make on their own)
void rule_field_without_consultation(const RuleContext&, std::vector<Finding>&);  // FND-26a
void rule_jusou_service_without_staff(const RuleContext&, std::vector<Finding>&);  // FND-26b
void rule_allocation_missing(const RuleContext&, std::vector<Finding>&);          // FND-26c
void rule_no_support_meeting(const RuleContext&, std::vector<Finding>&);          // FND-26d
void rule_meeting_behind_plan(const RuleContext&, std::vector<Finding>&);         // FND-26e

}  // namespace kyosei
