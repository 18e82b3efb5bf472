#include "write/plan_facts.h"

#include <algorithm>

#include "model/schema.h"

namespace kyosei {

const Dataset& PlanFacts::view(const Dataset& full, bool public_site, std::unique_ptr<Dataset>& copy) {
  if (!public_site) return full;
  copy = std::make_unique<Dataset>(full);
  auto& services = copy->services;
  services.erase(std::remove_if(services.begin(), services.end(), [](const Service& s) { return !s.is_public; }),
                 services.end());
  return *copy;
}

PlanFacts::PlanFacts(const Dataset& full_in, const Reference& ref_in, const PlanReference& pref_in,
                     PlanSettings settings_in)
    : full(full_in),
      ds(view(full_in, settings_in.public_site, public_copy_)),
      ref(ref_in),
      pref(pref_in),
      settings(std::move(settings_in)) {
  const Schema& schema = builtin_schema();
  matrix = compute_coverage(ds, schema.values("services.csv", "分野"), schema.values("services.csv", "機能"));
  components = compute_component_coverage(ds, ref);
  staffing = compute_staffing(full, ref);
  service_staff = staffing_by_service(full);
  meetings = compute_meeting_activity(ds);
}

}  // namespace kyosei
