#include "write/plan/plan_facts.h"

namespace kyosei {

PlanFacts::PlanFacts(const Analysis& a, PlanSettings settings_in)
    : analysis(a),
      view(a.view(settings_in.public_site)),
      full(a.data),
      ds(*view.data),
      ref(a.ref),
      pref(a.plan_reference),
      settings(std::move(settings_in)),
      matrix(view.coverage),
      components(view.components),
      staffing(a.staffing),
      service_staff(a.service_staff),
      meetings(a.meetings) {}

}  // namespace kyosei
