// How often each meeting body met in the year (meeting_sessions.csv), and
// how many cases it discussed. Counts only: never the 議題.
//
// - held: the sessions of the meeting in the dataset (one dataset is one
//   fiscal year). When the meeting has no session row (meeting_sessions.csv
//   is optional, and a municipality often records only some bodies),
//   recorded is false: 開催実績未把握, never 「0回」.
// - cases: the sum of 検討事例数 over the sessions that give it; nullopt
//   when no session gives it (未把握, not 0). cases_complete says whether
//   every session gave it.
#pragma once
#include <optional>
#include <vector>

#include "model/model.h"

namespace kyosei {

struct MeetingActivity {
  const Meeting* meeting = nullptr;  // points into the Dataset
  int held = 0;
  bool recorded = false;  // the meeting has session rows
  std::optional<long long> cases;
  bool cases_complete = false;
};

// One entry per meeting, meetings.csv order.
std::vector<MeetingActivity> compute_meeting_activity(const Dataset& ds);

// True when the meeting's 種別 includes kind.
bool has_kind(const Meeting& m, const std::string& kind);

}  // namespace kyosei
