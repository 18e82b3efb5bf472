// Finding rules that the plan drafts used to check on their own (issue 9):
// FND-26a–e. Moved here so that the plan's 課題 and the self-assessment
// come from one engine with one set of thresholds. Settings:
// data/assessment/findings.toml; the plan's wording: data/plan/issues.toml.
#include <set>

#include "analyse/funding.h"
#include "analyse/meeting_activity.h"
#include "analyse/findings_rules.h"
#include "base/text.h"
#include "model/reference_data.h"

namespace kyosei {

// FND-26a: a 分野 of the 重層事業 components has services, none of them
// with a consulting function.
void rule_field_without_consultation(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& functions = ctx.config.list("functions");
  for (const auto& field : reference_data().schema.values("services.csv", "分野")) {
    bool component_field = false;
    for (const auto& c : ctx.ref.components) component_field = component_field || c.field == field;
    if (!component_field) continue;
    std::vector<EvidenceRow> evidence;
    bool consulting = false;
    for (const Service& s : ctx.data.services) {
      if (s.field != field) continue;
      consulting = consulting || has_any(s.functions, functions);
      evidence.push_back(evidence_of(s, "機能 " + join(s.functions, "・")));
    }
    if (consulting || evidence.empty()) continue;  // no service at all: an empty row of the matrix
    const std::string count = std::to_string(evidence.size());
    out.push_back(ctx.make(field, {{"field", field}, {"count", count}}, std::move(evidence)));
  }
}

// FND-26b: services under a 重層区分 that nobody on the roster lists in 担当事業.
void rule_jusou_service_without_staff(const RuleContext& ctx, std::vector<Finding>& out) {
  std::set<std::string> covered;
  for (const Staff& p : ctx.data.staff) covered.insert(p.services.begin(), p.services.end());
  for (const Service& s : ctx.data.services) {
    if (s.jusou_codes.empty() || covered.count(s.id)) continue;
    out.push_back(ctx.make(s.id, {{"service", s.name}, {"codes", join(s.jusou_codes, "・")}},
                           {evidence_of(s, "重層区分 " + join(s.jusou_codes, "・") + "／担当する職員なし")}));
  }
}

// FND-26c: a service under several funded 重層区分 without 按分 (no money
// can be computed for it, analyse/funding.h).
void rule_allocation_missing(const RuleContext& ctx, std::vector<Finding>& out) {
  if (!holds(ctx.config.list("statuses"), ctx.data.municipality.jusou_status)) return;
  const FundingBreakdown b = compute_funding(ctx.data, funding_ratios_of(ctx.data), ctx.data.municipality.fiscal_year);
  std::vector<std::string> ids;
  for (const auto& r : b.rows)
    if (r.kind == FundingRowKind::NeedsAllocation && !holds(ids, r.service_id)) ids.push_back(r.service_id);
  for (const auto& id : ids) {
    const Service* s = ctx.data.find_service(id);
    if (!s) continue;
    out.push_back(ctx.make(s->id, {{"service", s->name}, {"codes", join(s->jusou_codes, "・")}},
                           {evidence_of(*s, "重層区分 " + join(s->jusou_codes, "・") + "／按分なし")}));
  }
}

// FND-26d: no 支援会議 (社会福祉法第106条の6) among the meeting bodies.
void rule_no_support_meeting(const RuleContext& ctx, std::vector<Finding>& out) {
  if (!holds(ctx.config.list("statuses"), ctx.data.municipality.jusou_status)) return;
  const auto& kinds = ctx.config.list("meeting_kinds");
  for (const Meeting& m : ctx.data.meetings)
    if (has_any(m.kinds, kinds)) return;
  out.push_back(ctx.make("", {{"count", std::to_string(ctx.data.meetings.size())}},
                         {evidence_of_file("meetings.csv", "種別に「" + join(kinds, "・") + "」を含む会議体 0件（全" +
                                                                std::to_string(ctx.data.meetings.size()) + "件）")}));
}

// FND-26e: a meeting body met fewer times than planned (予定回数). Counts
// are analyse/meeting_activity.h's, the same as every table of 開催回数.
void rule_meeting_behind_plan(const RuleContext& ctx, std::vector<Finding>& out) {
  for (const MeetingActivity& a : compute_meeting_activity(ctx.data)) {
    const Meeting& m = *a.meeting;
    if (!a.recorded || !m.planned_per_year || a.held >= *m.planned_per_year) continue;
    out.push_back(ctx.make(m.id, {{"name", m.name}, {"planned", std::to_string(*m.planned_per_year)}, {"held", std::to_string(a.held)}},
                           {evidence_of(m, "予定回数 " + std::to_string(*m.planned_per_year) + "／開催 " + std::to_string(a.held) + "回")}));
  }
}

}  // namespace kyosei
