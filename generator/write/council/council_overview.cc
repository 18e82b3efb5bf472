// 概要: the municipality, the fiscal year and the key figures of the other
// sheets, then the list of sheets, so that a council member knows what the
// handout holds before turning the page.
#include "analyse/coverage.h"
#include "analyse/session_calendar.h"
#include "analyse/staffing.h"
#include "base/dates.h"
#include "base/wording.h"
#include "model/schema.h"
#include "model/input_names.h"
#include "write/council/council_sheets.h"

namespace kyosei {

namespace {

void item(SheetTable& t, const std::string& label, SheetCell value, const std::string& unit = "") {
  SheetRow& row = t.add_row();
  row.cells = {SheetCell::of_text(label), std::move(value), SheetCell::of_text(unit)};
}

void item(SheetTable& t, const std::string& label, const std::string& value) {
  item(t, label, SheetCell::of_text(value.empty() ? kUnknown : value));
}

SheetCell count(long long n) { return SheetCell::of_number(static_cast<double>(n)).with_format(CellFormat::Count); }

}  // namespace

Sheet overview_sheet(const SheetSource& src, const std::vector<Sheet>& others) {
  const Dataset& d = src.data;
  const Municipality& mu = d.municipality;
  Sheet sheet;
  sheet.name = "概要";
  sheet.description = "この資料の概要";
  sheet.extras_below = true;  // two short tables: one printed page
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"項目", CellFormat::Text}, {"内容", CellFormat::Text, 50}, {"単位", CellFormat::Text}};

  item(t, "市町村", mu.prefecture.empty() ? mu.name : mu.prefecture + " " + mu.name);
  item(t, "地方公共団体コード", mu.code);
  item(t, "対象年度", format_fiscal_year(mu.fiscal_year));
  if (!mu.plan.title.empty())
    item(t, "地域福祉計画", mu.plan.title + (mu.plan.start_year && mu.plan.end_year
                                                 ? "（" + format_fiscal_year_short(mu.plan.start_year) + "〜" +
                                                       format_fiscal_year_short(mu.plan.end_year) + "）"
                                                 : std::string()));
  item(t, "重層的支援体制整備事業",
       mu.jusou_status + (mu.jusou_start_year ? "（" + format_fiscal_year_short(*mu.jusou_start_year) + "から）" : ""));
  item(t, "福祉事務所", mu.welfare_office ? "設置" : "未設置");
  item(t, "人口", mu.population ? count(*mu.population) : SheetCell::of_text(kUnknown), mu.population ? "人" : "");
  item(t, "高齢化率",
       mu.aging_rate ? SheetCell::of_number(*mu.aging_rate).with_format(CellFormat::Percent) : SheetCell::of_text(kUnknown));
  for (auto& row : t.rows) row.source = {"municipality.toml", 0, ""};

  long long public_services = 0, cost = 0, unknown_cost = 0;
  for (const auto& s : d.services) {
    public_services += s.is_public ? 1 : 0;
    if (s.cost)
      cost += *s.cost;
    else
      ++unknown_cost;
  }
  item(t, "棚卸した事業", count(static_cast<long long>(d.services.size())), "事業");
  item(t, "うち公開サイトに載せる事業", count(public_services), "事業");
  item(t, "事業費の合計（把握している分）", SheetCell::of_yen(cost).with_format(CellFormat::Yen), "円");
  if (unknown_cost) item(t, "事業費を把握していない事業", count(unknown_cost), "事業");

  const CoverageMatrix& m = src.analysis.all.coverage;
  item(t, "分野×機能の空白（該当する事業のない組み合わせ）", count(static_cast<long long>(m.empty_cells().size())),
       "か所（" + std::to_string(m.fields.size() * m.functions.size()) + "か所中）");
  const auto& components = src.analysis.all.components;
  long long implemented = 0;
  for (const auto& c : components) implemented += c.implemented() ? 1 : 0;
  item(t, "重層事業の構成事業のうち対応する事業があるもの", count(implemented),
       "区分（" + std::to_string(components.size()) + "区分中）");

  const StaffingSummary& staff = src.analysis.staffing;
  item(t, "コーディネーター等（実人数）", count(staff.people), "人");
  item(t, "うち兼務", count(staff.multi_role_people), "人");
  item(t, "常勤換算の合計", SheetCell::of_number(staff.total_fte).with_format(CellFormat::Decimal), "人");

  const SessionCalendar& calendar = src.analysis.calendar;
  item(t, "会議体", count(static_cast<long long>(d.meetings.size())), "会議");
  item(t, "開催実績", count(calendar.sessions), "回");
  item(t, "資料の区分", std::string(audience_label(src.audience)) +
                            (src.audience == Audience::Council ? "（職員の氏名、守秘義務のある会議の議題を含みません）"
                                                               : "（職員の氏名を含みます。取扱いに注意してください）"));

  SheetTable list;
  list.name = "このブックのシート";
  list.csv = false;
  list.columns = {{"シート", CellFormat::Text}, {"内容", CellFormat::Text, 50}};
  for (const auto& s : others) {
    SheetRow& row = list.add_row();
    row.cells = {SheetCell::of_text(s.name), SheetCell::of_text(with_input_titles(s.description))};
    for (size_t k = 1; !s.extras_below && k <= s.extras.size(); ++k) {
      SheetRow& extra = list.add_row();
      extra.cells = {SheetCell::of_text(s.worksheet_of(k)), SheetCell::of_text("「" + s.name + "」の関連表")};
    }
  }
  sheet.extras.push_back(std::move(list));
  sheet.notes.push_back("この資料は、棚卸・名簿・会議の記録（入力データ）から kyosei で作成しました。数値の定義は各シートの注をご覧ください。");
  return sheet;
}

}  // namespace kyosei
