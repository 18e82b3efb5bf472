// What changed since the previous fiscal year (`kyosei build --previous`):
// services added and ended (by ID), 常勤換算 by 分野 of role in both years,
// and how often each meeting body met in both years.
//
// - A service is "added" when its ID is not in the previous services.csv,
//   "ended" when a previous ID is gone. A renamed service keeps its ID and
//   is neither.
// - FTE by field follows analyse/staffing.h in both years; a field held in
//   only one year shows 0 in the other (the roster is complete for both
//   years, so there a zero is known, not 未把握).
// - Meetings: every ID of either year, current meetings.csv order first,
//   then the ones that ended. held is nullopt for the year the body did not
//   exist; *_recorded is false for a year without any session (未把握).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

struct FieldFteChange {
  std::string field;
  double previous = 0, current = 0;
  int previous_people = 0, current_people = 0;
};

struct MeetingChange {
  std::string id;
  std::string name;  // current name, else the previous one
  std::optional<int> previous_held, current_held;
  bool previous_recorded = false, current_recorded = false;
};

struct YearChange {
  int previous_year = 0, current_year = 0;
  std::vector<const Service*> added;  // into the current Dataset, services.csv order
  std::vector<const Service*> ended;  // into the previous Dataset
  std::vector<FieldFteChange> fte;
  double previous_total_fte = 0, current_total_fte = 0;
  int previous_people = 0, current_people = 0;
  std::vector<MeetingChange> meetings;
};

YearChange compute_year_change(const Dataset& current, const Dataset& previous, const Reference& ref);

}  // namespace kyosei
