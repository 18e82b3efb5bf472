#include "analyse/meeting_activity.h"

#include <algorithm>

namespace kyosei {

bool has_kind(const Meeting& m, const std::string& kind) {
  return std::find(m.kinds.begin(), m.kinds.end(), kind) != m.kinds.end();
}

std::vector<MeetingActivity> compute_meeting_activity(const Dataset& ds) {
  std::vector<MeetingActivity> out;
  for (const Meeting& m : ds.meetings) {
    MeetingActivity a;
    a.meeting = &m;
    a.recorded = !ds.sessions_of(m.id).empty();
    int with_cases = 0;
    for (const Session* s : ds.sessions_of(m.id)) {
      ++a.held;
      if (s->case_count) {
        a.cases = a.cases.value_or(0) + *s->case_count;
        ++with_cases;
      }
    }
    a.cases_complete = a.held > 0 && with_cases == a.held;
    out.push_back(a);
  }
  return out;
}

}  // namespace kyosei
