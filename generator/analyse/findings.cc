#include "analyse/findings.h"

#include <atomic>
#include <stdexcept>

#include "analyse/findings_rules.h"

namespace kyosei {

const std::vector<RegisteredRule>& registered_rules() {
  // id -> function. The ids and their settings are in
  // data/assessment/findings.toml; a rule listed there as enabled must be here.
  static const std::vector<RegisteredRule> rules = {
      {"FND-01", rule_missing_components},
      {"FND-03a", rule_field_without_community},
      {"FND-03b", rule_community_only_salons},
      {"FND-03c", rule_community_welfare_only},
      {"FND-04", rule_area_without_consultation},
      {"FND-05", rule_similar_meetings},
      {"FND-06a", rule_many_roles},
      {"FND-06b", rule_many_areas},
      {"FND-06c", rule_sole_core_holder},
      {"FND-08a", rule_no_jusou_meeting},
      {"FND-08b", rule_jusou_meeting_cases_only},
      {"FND-08c", rule_support_meeting_dominant},
      {"FND-11", rule_new_programs_scattered},
      {"FND-13a", rule_no_outreach},
      {"FND-14", rule_no_non_welfare_department},
      {"FND-15", rule_no_prefectural_agency},
      {"FND-16", rule_coordinators_apart},
      {"FND-17", rule_no_shakyo},
      {"FND-18a", rule_area_without_platform},
      {"FND-18b", rule_area_without_coordinator},
      {"FND-19a", rule_core_staff_same_year},
      {"FND-19b", rule_core_staff_short_tenure},
      {"FND-20", rule_no_supervision},
      {"FND-21a", rule_no_outcome_targets},
      {"FND-21b", rule_no_recent_results},
      {"FND-24a", rule_missing_standard_meeting},
  };
  return rules;
}

namespace {
std::atomic<long> g_findings_runs{0};
}  // namespace

long findings_runs() { return g_findings_runs.load(); }

std::vector<Finding> compute_findings(const Dataset& data, const Reference& ref, const FindingsConfig& config) {
  ++g_findings_runs;
  std::vector<Finding> out;
  for (const FindingRuleConfig& rule : config.rules) {
    if (!rule.enabled) continue;
    RuleFunction run = nullptr;
    for (const auto& r : registered_rules())
      if (rule.id == r.id) run = r.run;
    if (!run) throw std::invalid_argument("findings config: no rule is registered for " + rule.id);
    run(RuleContext{data, ref, rule}, out);
  }
  return out;
}

std::string evidence_key(const EvidenceRow& e) { return e.file + ":" + std::to_string(e.line) + ":" + e.id; }

}  // namespace kyosei
