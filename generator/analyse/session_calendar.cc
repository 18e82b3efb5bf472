#include "analyse/session_calendar.h"

#include <algorithm>
#include <tuple>

namespace kyosei {

SessionCalendar compute_session_calendar(const Dataset& data) {
  SessionCalendar out;
  int fy = data.municipality.fiscal_year;
  for (int i = 0; i < 12; ++i) {
    int month = 4 + i;
    out.months.push_back({YearMonth{month > 12 ? fy + 1 : fy, month > 12 ? month - 12 : month}, 0});
  }
  for (const auto& s : data.sessions) {
    ++out.sessions;
    YearMonth ym{s.date.year, s.date.month};
    auto it = std::find_if(out.months.begin(), out.months.end(), [&](const MonthCount& c) { return c.month == ym; });
    if (it == out.months.end())
      ++out.outside_year;
    else
      ++it->sessions;
  }
  return out;
}

std::vector<const Session*> sessions_by_date(const Dataset& data) {
  std::vector<const Session*> out;
  out.reserve(data.sessions.size());
  for (const auto& s : data.sessions) out.push_back(&s);
  std::stable_sort(out.begin(), out.end(), [](const Session* a, const Session* b) {
    return std::tie(a->date, a->meeting_id, a->line) < std::tie(b->date, b->meeting_id, b->line);
  });
  return out;
}

}  // namespace kyosei
