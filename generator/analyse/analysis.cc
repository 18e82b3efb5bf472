#include "analyse/analysis.h"

#include <algorithm>
#include <atomic>
#include <set>

#include "analyse/findings_config.h"
#include "analyse/funding_rules.h"
#include "model/reference_data.h"

namespace kyosei {

namespace {

std::atomic<long> g_analysis_runs{0};

std::unique_ptr<Dataset> public_copy_of(const Dataset& full) {
  auto copy = std::make_unique<Dataset>(full);
  auto& services = copy->services;
  services.erase(std::remove_if(services.begin(), services.end(), [](const Service& s) { return !s.is_public; }),
                 services.end());
  copy->index_ids();
  return copy;
}

// Everything of a view but the coverage matrix (which the caller sets).
void fill_view(InventoryView& v, const Dataset& data, const Dataset& full, const Reference& ref,
               const Dataset* previous, const PlanReference& pref) {
  v.data = &data;
  v.components = compute_component_coverage(data, ref);
  v.funding = compute_funding(data, funding_ratios_of(full), full.municipality.fiscal_year);
  v.common_items = match_common_items(data, pref);
  if (previous) v.year_change = compute_year_change(data, *previous, ref);
}

}  // namespace

long analysis_runs() { return g_analysis_runs.load(); }

Analysis::Analysis(const Dataset& data_in, const Reference& ref_in, const Dataset* previous_in,
                   const PlanReference* plan_reference_in)
    : public_copy_(public_copy_of(data_in)),
      data(data_in),
      ref(ref_in),
      previous(previous_in),
      plan_reference(plan_reference_in ? *plan_reference_in : reference_data().plan),
      findings_config(builtin_findings_config()) {
  ++g_analysis_runs;
  const Schema& schema = reference_data().schema;
  all.coverage = compute_coverage(data, schema.values("services.csv", "分野"), schema.values("services.csv", "機能"));
  fill_view(all, data, data, ref, previous, plan_reference);
  std::set<std::string> shown;
  for (const Service& s : public_copy_->services) shown.insert(s.id);
  published.coverage = restrict_coverage(all.coverage, shown);
  fill_view(published, *public_copy_, data, ref, previous, plan_reference);

  staffing = compute_staffing(data, ref);
  service_staff = staffing_by_service(data);
  area_staff = staffing_by_area(data, ref);
  role_staffing = compute_role_staffing(data, ref);
  held_roles = kyosei::held_roles(data, ref);

  meetings = compute_meeting_activity(data);
  calendar = compute_session_calendar(data);

  const FindingsConfig& config = findings_config;
  findings = compute_findings(data, ref, config);
  assessment = compute_assessment(data, ref, findings, config.contradiction, previous);
  if (previous)
    this_year_only_ = std::make_unique<AssessmentResult>(compute_assessment(data, ref, findings, config.contradiction));
}

void load_analysis_tables() {
  (void)builtin_findings_config();
  (void)builtin_funding_rules();
}

}  // namespace kyosei
