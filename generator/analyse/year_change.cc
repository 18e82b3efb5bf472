#include "analyse/year_change.h"

#include <algorithm>

#include "analyse/meeting_activity.h"
#include "analyse/staffing.h"

namespace kyosei {

YearChange compute_year_change(const Dataset& current, const Dataset& previous, const Reference& ref) {
  YearChange out;
  out.current_year = current.municipality.fiscal_year;
  out.previous_year = previous.municipality.fiscal_year;
  for (const Service& s : current.services)
    if (!previous.find_service(s.id)) out.added.push_back(&s);
  for (const Service& s : previous.services)
    if (!current.find_service(s.id)) out.ended.push_back(&s);

  StaffingSummary now = compute_staffing(current, ref), before = compute_staffing(previous, ref);
  out.current_total_fte = now.total_fte;
  out.previous_total_fte = before.total_fte;
  out.current_people = now.people;
  out.previous_people = before.people;
  // Field order: current fields first, then fields only the previous year had.
  for (const auto& f : now.by_field) out.fte.push_back({f.field, 0, f.fte, 0, f.people});
  for (const auto& f : before.by_field) {
    auto it = std::find_if(out.fte.begin(), out.fte.end(), [&](const FieldFteChange& c) { return c.field == f.field; });
    if (it == out.fte.end()) out.fte.push_back({f.field, f.fte, 0, f.people, 0});
    else {
      it->previous = f.fte;
      it->previous_people = f.people;
    }
  }

  auto now_held = compute_meeting_activity(current), before_held = compute_meeting_activity(previous);
  for (const auto& a : now_held) {
    MeetingChange c{a.meeting->id, a.meeting->name, std::nullopt, a.held, false, a.recorded};
    for (const auto& b : before_held)
      if (b.meeting->id == a.meeting->id) {
        c.previous_held = b.held;
        c.previous_recorded = b.recorded;
      }
    out.meetings.push_back(c);
  }
  for (const auto& b : before_held)
    if (!current.find_meeting(b.meeting->id))
      out.meetings.push_back({b.meeting->id, b.meeting->name, b.held, std::nullopt, b.recorded, false});
  return out;
}

}  // namespace kyosei
