#include "write/xlsx/xlsx_inventory.h"

#include <algorithm>

#include "analyse/organisations.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/markdown/markdown_plain_text.h"
#include "write/sheet/xlsx_sheet.h"

namespace kyosei {

namespace {

constexpr const char* kMultiSeparator = "、";

struct Column {
  const char* header;
  CellFormat format;
  SheetCell (*value)(const Dataset&, const Service&);
  double max_width = kMaxColumnWidth;
  bool one_line = false;  // printed in full in kSummaryTableName instead
};

SheetCell summary_cell(const Dataset&, const Service& s) { return SheetCell::of_text(markdown_to_cell_text(s.summary_markdown)); }

SheetCell text(std::string s) { return SheetCell::of_text(std::move(s)); }

std::string area_names(const Dataset& d, const Service& s) {
  if (s.areas.empty()) return kWholeArea;
  std::vector<std::string> names;
  for (const auto& id : s.areas) {
    const Area* a = d.find_area(id);
    names.push_back(a ? a->name : id);
  }
  return join(names, kMultiSeparator);
}

// The sheet's columns, in order; the header strings are the services.csv
// headers, so the sheet can be read back as input.
const Column kColumns[] = {
    {"ID", CellFormat::Text, [](const Dataset&, const Service& s) { return text(s.id); }},
    {"事業名", CellFormat::Text, [](const Dataset&, const Service& s) { return text(s.name); }, 30},
    {"分野", CellFormat::Text, [](const Dataset&, const Service& s) { return text(s.field); }},
    {"関連分野", CellFormat::Text,
     [](const Dataset&, const Service& s) { return text(join(s.related_fields, kMultiSeparator)); }, 20},
    {"機能", CellFormat::Text, [](const Dataset&, const Service& s) { return text(join(s.functions, kMultiSeparator)); },
     20},
    {"重層区分", CellFormat::Text,
     [](const Dataset&, const Service& s) { return text(join(s.jusou_codes, kMultiSeparator)); }},
    {"所管課", CellFormat::Text, [](const Dataset&, const Service& s) { return text(s.department); }, 20},
    {"実施方法", CellFormat::Text, [](const Dataset&, const Service& s) { return text(s.method); }},
    {"実施主体", CellFormat::Text, [](const Dataset&, const Service& s) { return text(provider_display(s)); }, 24},
    {"圏域", CellFormat::Text, [](const Dataset& d, const Service& s) { return text(area_names(d, s)); }, 20},
    {"拠点数", CellFormat::Number, [](const Dataset&, const Service& s) { return SheetCell::of_number(s.sites); }},
    {"事業費", CellFormat::Yen, [](const Dataset&, const Service& s) { return SheetCell::of_yen(s.cost); }},
    {"開始年度", CellFormat::Text,
     [](const Dataset&, const Service& s) {
       return text(s.start_year ? format_fiscal_year(*s.start_year) : std::string());
     }},
    {"対象", CellFormat::Text, [](const Dataset&, const Service& s) { return text(s.target); }, 30},
    {"概要", CellFormat::Text, summary_cell, 40, true},
    {"公開", CellFormat::Text,
     [](const Dataset&, const Service& s) { return text(s.is_public ? "する" : "しない"); }},
};

}  // namespace

Sheet inventory_sheet(const Dataset& data) {
  Sheet sheet;
  sheet.name = kInventorySheetName;
  sheet.description = "既存事業・取組の棚卸（全事業。公開しない事業を含む）";
  sheet.landscape = true;
  sheet.frozen_columns = 2;  // ID and 事業名 stay in view, and on every printed page across
  sheet.main.name = kInventorySheetName;
  for (const Column& c : kColumns) {
    SheetTableColumn& column = sheet.main.columns.emplace_back();
    column.header = c.header;
    column.format = c.format;
    column.max_width = c.max_width;
    column.one_line = c.one_line;
  }
  for (const Service& s : data.services) {
    SheetRow& row = sheet.main.add_row({"services.csv", s.line, ""});
    for (const Column& c : kColumns) row.cells.push_back(c.value(data, s));
  }
  // The 概要 in full, one service per row, on a worksheet of its own (the
  // CSV has them in 棚卸一覧 already). Only services that have one.
  if (std::none_of(data.services.begin(), data.services.end(),
                   [](const Service& s) { return !s.summary_markdown.empty(); }))
    return sheet;
  SheetTable& summaries = sheet.extras.emplace_back();
  summaries.name = kSummaryTableName;
  summaries.csv = false;
  summaries.columns = {{"ID", CellFormat::Text}, {"事業名", CellFormat::Text, 30}, {"概要", CellFormat::Text, 80}};
  for (const Service& s : data.services) {
    if (s.summary_markdown.empty()) continue;
    SheetRow& row = summaries.add_row({"services.csv", s.line, ""});
    row.cells = {text(s.id), text(s.name), summary_cell(data, s)};
  }
  return sheet;
}

bool write_inventory_workbook(const Dataset& data, const Reference&, const std::string& path,
                              Diagnostics& diagnostics) {
  const Municipality& mu = data.municipality;
  WorkbookInfo info;
  info.path = path;
  info.title = std::string(kInventorySheetName) + "（" + mu.name + "・" + format_fiscal_year(mu.fiscal_year) + "）";
  info.subject = "既存事業・取組の棚卸";
  info.what = kInventorySheetName;
  return write_workbook(info, mu, {inventory_sheet(data)}, diagnostics);
}

}  // namespace kyosei
