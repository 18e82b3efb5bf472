// 会議体 (meeting bodies, planned and held) and 開催実績 (every session, by
// date, with a chart of sessions per month), from analyse/meeting_activity.h.
// For the council audience, the 議題 and 資料 of meetings with 守秘義務 are
// not shown (write/common/audience.h).
#include "analyse/meeting_activity.h"
#include "analyse/session_calendar.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/council/council_sheets.h"

namespace kyosei {

namespace {

constexpr const char* kSeparator = "、";

std::string area_names(const Dataset& d, const std::vector<std::string>& ids) {
  if (ids.empty()) return kWholeArea;
  std::vector<std::string> names;
  for (const auto& id : ids) {
    const Area* a = d.find_area(id);
    names.push_back(a ? a->name : id);
  }
  return join(names, kSeparator);
}

}  // namespace

std::optional<Sheet> meetings_sheet(const SheetSource& src) {
  const std::vector<MeetingActivity>& activity = src.analysis.meetings;
  Sheet sheet;
  sheet.name = "会議体";
  sheet.description = "会議体の一覧と、年間の予定回数・開催回数";
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"ID", CellFormat::Text},         {"会議名", CellFormat::Text, 30},  {"種別", CellFormat::Text, 20},
               {"開催形態", CellFormat::Text},   {"守秘義務", CellFormat::Text},    {"所管課", CellFormat::Text, 16},
               {"予定回数", CellFormat::Count},  {"開催回数", CellFormat::Count},   {"構成機関", CellFormat::Text, 30},
               {"圏域", CellFormat::Text, 20},   {"目的", CellFormat::Text, 40}};
  bool short_of_plan = false;
  for (const auto& mc : activity) {
    const Meeting& m = *mc.meeting;
    bool below = mc.recorded && m.planned_per_year && mc.held < *m.planned_per_year;
    short_of_plan = short_of_plan || below;
    SheetRow& row = t.add_row({"meetings.csv", m.line, ""});
    row.cells = {SheetCell::of_text(m.id),
                 SheetCell::of_text(m.name),
                 SheetCell::of_text(join(m.kinds, kSeparator)),
                 SheetCell::of_text(m.style),
                 SheetCell::of_text(m.confidential ? "あり" : "なし"),
                 SheetCell::of_text(m.department),
                 SheetCell::of_number(m.planned_per_year),
                 mc.recorded ? SheetCell::of_number(mc.held).with_shade(below) : SheetCell::of_text(kSessionsUnknown),
                 SheetCell::of_text(join(m.members, kSeparator)),
                 SheetCell::of_text(area_names(src.data, m.areas)),
                 SheetCell::of_text(m.purpose)};
  }
  if (!activity.empty()) {
    SheetRow& total = t.add_row();
    total.total = true;
    total.cells.assign(t.columns.size(), SheetCell::blank());
    total.cells[0] = SheetCell::of_text("合計");
    total.cells[6] = sum_cell(t, 0, 6);
    total.cells[7] = sum_cell(t, 0, 7);
  }
  sheet.notes.push_back("開催回数は meeting_sessions.csv に記録された回数です。予定回数の空欄は、予定を定めていない（随時開催など）会議です。");
  if (short_of_plan) sheet.notes.push_back("網かけの開催回数は、予定回数に届いていない会議です。");
  return sheet;
}

std::optional<Sheet> sessions_sheet(const SheetSource& src) {
  const SessionCalendar& calendar = src.analysis.calendar;
  bool internal = src.audience == Audience::Internal;
  Sheet sheet;
  sheet.name = "開催実績";
  sheet.description = internal ? "会議の開催実績（開催日順。守秘義務のある会議の議題を含む庁内用）"
                               : "会議の開催実績（開催日順。守秘義務のある会議の議題は載せていません）";
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"開催日", CellFormat::Date},      {"会議ID", CellFormat::Text},      {"会議名", CellFormat::Text, 30},
               {"出席者数", CellFormat::Count},   {"出席機関", CellFormat::Text, 30}, {"検討事例数", CellFormat::Count},
               {"議題", CellFormat::Text, 40},    {"資料", CellFormat::Text, 30}};
  bool withheld = false;
  for (const Session* s : sessions_by_date(src.data)) {
    const Meeting* m = src.data.find_meeting(s->meeting_id);
    bool hide = m && m->confidential && !internal;
    withheld = withheld || (hide && (!s->agenda.empty() || !s->documents.empty()));
    SheetRow& row = t.add_row({"meeting_sessions.csv", s->line, ""});
    row.cells = {SheetCell::of_date(s->date),
                 SheetCell::of_text(s->meeting_id),
                 SheetCell::of_text(m ? m->name : ""),
                 SheetCell::of_number(s->attendees),
                 SheetCell::of_text(join(s->organisations, kSeparator)),
                 SheetCell::of_number(s->case_count),
                 SheetCell::of_text(hide && !s->agenda.empty() ? kConfidentialAgenda : s->agenda),
                 SheetCell::of_text(hide && !s->documents.empty() ? kConfidentialAgenda : join(s->documents, "\n"))};
  }

  SheetTable by_month;
  by_month.name = "月別の開催回数";
  by_month.columns = {{"月", CellFormat::Text}, {"開催回数", CellFormat::Count}};
  for (const auto& mc : calendar.months) {
    SheetRow& row = by_month.add_row();
    row.cells = {SheetCell::of_text(std::to_string(mc.month.month) + "月"), SheetCell::of_number(mc.sessions)};
  }
  SheetRow& total = by_month.add_row();
  total.total = true;
  total.cells = {SheetCell::of_text("合計"), sum_cell(by_month, sheet.next_extra_origin(), 1)};
  sheet.extras.push_back(std::move(by_month));
  sheet.charts.push_back({SheetChart::Type::Column, "月別の開催回数（" + format_fiscal_year_short(src.data.municipality.fiscal_year) + "）",
                          1, 0, 1, "回"});

  sheet.notes.push_back("月別の開催回数は " + format_fiscal_year(src.data.municipality.fiscal_year) +
                        "（4月〜翌年3月）の回数です。");
  if (calendar.outside_year > 0)
    sheet.notes.push_back("年度の外の日付の開催（" + std::to_string(calendar.outside_year) + "回）は、一覧には載せていますが月別の回数には含みません。");
  if (withheld)
    sheet.notes.push_back("守秘義務のある会議（支援会議など）の議題と資料は、審議会用の資料には載せていません。");
  return sheet;
}

}  // namespace kyosei
