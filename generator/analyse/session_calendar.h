// When the meeting bodies met: the sessions of meeting_sessions.csv by
// month of the fiscal year (for the council's chart) and in date order.
// Per-meeting counts are analyse/meeting_activity.h.
//
// - The months are the twelve of the dataset's fiscal year, April to March,
//   always all twelve: the session list is the whole record of the year, so
//   a month without sessions is 0.
// - A session dated outside the fiscal year (the reader warns) is counted in
//   outside_year, not in a month.
#pragma once
#include <vector>

#include "base/dates.h"
#include "model/model.h"

namespace kyosei {

struct MonthCount {
  YearMonth month;
  int sessions = 0;
};

struct SessionCalendar {
  std::vector<MonthCount> months;  // April … March of the fiscal year
  int sessions = 0;                // all sessions
  int outside_year = 0;            // sessions dated outside the fiscal year
};

SessionCalendar compute_session_calendar(const Dataset& data);

// The sessions sorted by date, then meeting ID, then input line, so that a
// council reads them in the order they happened.
std::vector<const Session*> sessions_by_date(const Dataset& data);

}  // namespace kyosei
