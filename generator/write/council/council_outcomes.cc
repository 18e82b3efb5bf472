// 成果指標 (issue 11 §7): each indicator's 基準値・目標値, its results by
// year, 達成率 and 傾向 (analyse/indicator_progress.h).
#include <cmath>

#include "analyse/indicator_progress.h"
#include "base/dates.h"
#include "write/council/council_sheets.h"

namespace kyosei {

std::optional<Sheet> outcomes_sheet(const SheetSource& src) {
  auto rows = indicator_progress(src.data);
  Sheet sheet;
  sheet.name = "成果指標";
  sheet.description = "成果指標の目標と年度ごとの実績、達成率と傾向";
  sheet.landscape = true;
  sheet.frozen_columns = 3;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  std::vector<int> years = result_years(rows);
  t.columns = {{"ID", CellFormat::Text},       {"区分", CellFormat::Text},     {"指標", CellFormat::Text, 30},
               {"単位", CellFormat::Text},     {"向き", CellFormat::Text},     {"基準年度", CellFormat::Text},
               {"基準値", CellFormat::Number}, {"目標年度", CellFormat::Text}, {"目標値", CellFormat::Number}};
  for (int y : years) t.columns.push_back({format_fiscal_year_short(y) + "の実績", CellFormat::Number});
  t.columns.push_back({"達成率", CellFormat::Percent});
  t.columns.push_back({"傾向", CellFormat::Text});
  auto number = [](const std::optional<double>& v) { return v ? SheetCell::of_number(*v) : SheetCell::blank(); };
  auto year = [](const std::optional<int>& y) { return y ? SheetCell::of_text(format_fiscal_year_short(*y)) : SheetCell::blank(); };
  for (const auto& p : rows) {
    const Indicator& i = *p.indicator;
    SheetRow& row = t.add_row({"indicators.csv", i.line, ""});
    row.cells = {SheetCell::of_text(i.id),       SheetCell::of_text(i.category), SheetCell::of_text(i.name),
                 SheetCell::of_text(i.unit),     SheetCell::of_text(i.increase_is_good ? "増加を目指す" : "減少を目指す"),
                 year(i.base_year),              number(i.base_value),           year(i.target_year),
                 number(i.target_value)};
    for (int y : years) {
      std::optional<double> v;
      for (const auto& r : p.results)
        if (r.year == y) v = r.value;
      row.cells.push_back(number(v));
    }
    // Percent columns hold a value already in percent (29.4 -> 29.4%).
    row.cells.push_back(p.achievement ? SheetCell::of_number(std::round(*p.achievement * 1000) / 10) : SheetCell::blank());
    row.cells.push_back(SheetCell::of_text(trend_label(p.trend)));
  }
  sheet.notes.push_back("達成率は、基準値があるときは（最新の実績－基準値）÷（目標値－基準値）、ないときは最新の実績÷目標値"
                        "（減少を目指す指標は目標値÷最新の実績）です。目標値か実績がない指標は空欄です（0％ではありません）。");
  sheet.notes.push_back("傾向は直近2年度の実績の比較で、目指す向きに動いていれば「改善」、逆なら「悪化」です。");
  if (rows.empty()) sheet.notes.push_back("indicators.csv に成果指標がありません。");
  return sheet;
}

}  // namespace kyosei
