// 分野×機能 and 重層事業対応表: the inventory seen through analyse/coverage.h.
#include "analyse/coverage.h"
#include "base/text.h"
#include "model/schema.h"
#include "write/council/council_sheets.h"

namespace kyosei {

namespace {

constexpr const char* kTotalLabel = "合計";

}  // namespace

std::optional<Sheet> coverage_sheet(const SheetSource& src) {
  const CoverageMatrix& m = src.analysis.all.coverage;
  Sheet sheet;
  sheet.name = "分野×機能";
  sheet.description = "分野と機能の組み合わせごとの事業数（網かけは該当する事業のない組み合わせ）";
  sheet.landscape = true;
  sheet.frozen_columns = 1;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns.push_back({"分野", CellFormat::Text});
  for (const auto& f : m.functions) t.columns.push_back({f, CellFormat::Count, 12});
  t.columns.push_back({"事業数", CellFormat::Count});

  for (size_t r = 0; r < m.fields.size(); ++r) {
    SheetRow& row = t.add_row();
    row.cells.push_back(SheetCell::of_text(m.fields[r]));
    for (size_t c = 0; c < m.functions.size(); ++c) {
      int n = m.at(r, c).count;
      row.cells.push_back(SheetCell::of_number(n).with_shade(n == 0));
    }
    row.cells.push_back(SheetCell::of_number(m.row_totals[r]));
  }
  // Totals count services, not cells (a service with two 機能 is in two
  // cells), so they are the analysis's numbers, not SUM formulas.
  SheetRow& total = t.add_row();
  total.total = true;
  total.cells.push_back(SheetCell::of_text(kTotalLabel));
  for (int n : m.column_totals) total.cells.push_back(SheetCell::of_number(n));
  total.cells.push_back(SheetCell::of_number(m.total));

  size_t empty = m.empty_cells().size();
  sheet.notes.push_back("数は事業の数です。各事業は主たる分野（services.csv の「分野」）の行にだけ数え、関連分野には数えません。"
                        "機能を複数持つ事業はそれぞれの列に数えるため、行の各セルの和は「事業数」と一致しないことがあります。");
  sheet.notes.push_back("網かけのセル（0）は、棚卸に該当する事業がない分野と機能の組み合わせです（" +
                        std::to_string(empty) + "か所）。");
  if (!m.uncounted.empty())
    sheet.notes.push_back("表の分野・機能にあてはまらず数えていない事業：" + join(m.uncounted, "、"));
  return sheet;
}

std::optional<Sheet> components_sheet(const SheetSource& src) {
  const auto& components = src.analysis.all.components;
  Sheet sheet;
  sheet.name = "重層事業対応表";
  sheet.description = "重層的支援体制整備事業の13区分と、それにあたる既存事業";
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"区分", CellFormat::Text},
               {"根拠", CellFormat::Text},
               {"構成事業", CellFormat::Text, 36},
               {"分野", CellFormat::Text},
               {"必須", CellFormat::Text, 14},
               {"状況", CellFormat::Text},
               {"事業数", CellFormat::Count},
               {"対応する既存事業", CellFormat::Text, 44}};
  bool substituted = false;
  for (const auto& c : components) {
    const JusouComponent& j = *c.component;
    std::vector<std::string> services;
    for (const Service* s : c.services) services.push_back(s->id + " " + s->name);
    SheetRow& row = t.add_row();
    row.cells.push_back(SheetCell::of_text(j.key));
    row.cells.push_back(SheetCell::of_text(j.law_ref));
    row.cells.push_back(SheetCell::of_text(c.expected_program + (c.substituted ? "（※）" : "")));
    row.cells.push_back(SheetCell::of_text(j.field));
    row.cells.push_back(SheetCell::of_text(j.required));
    row.cells.push_back(SheetCell::of_text(c.status).with_shade(!c.implemented()));
    row.cells.push_back(SheetCell::of_number(static_cast<double>(c.services.size())));
    row.cells.push_back(SheetCell::of_text(join(services, "\n")));
    substituted = substituted || c.substituted;
  }
  sheet.notes.push_back(std::string("状況が「") + kComponentUnknown +
                        "」の区分（網かけ）は、services.csv の重層区分にその区分を書いた事業がないものです。"
                        "実施していないとは限りません。");
  if (substituted)
    sheet.notes.push_back("（※）福祉事務所を設置していないため、本来の事業に代わる事業を示しています。");
  return sheet;
}

}  // namespace kyosei
