#include "write/xlsx_inventory.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "base/dates.h"
#include "base/text.h"
#include "write/markdown_plain_text.h"
#include "write/xlsx_support.h"

namespace kyosei {

namespace {

constexpr const char* kSheetName = "棚卸一覧";
constexpr const char* kMultiSeparator = "、";

// One cell: text, or a number (blank when unknown).
struct Cell {
  std::string text;
  std::optional<long long> number;
  bool is_number = false;

  static Cell of(std::string s) { return {std::move(s), std::nullopt, false}; }
  static Cell of(std::optional<long long> n) { return {n ? with_commas(*n) : "", n, true}; }
};

enum class NumberStyle { Plain, Yen };

struct Column {
  const char* header;
  NumberStyle style;
  Cell (*value)(const Dataset&, const Service&);
  // Free-text columns get a narrower cap and wrap, so the printed page
  // (one page wide) stays legible.
  double max_width = kMaxColumnWidth;
};

std::string area_names(const Dataset& d, const Service& s) {
  if (s.areas.empty()) return "全域";
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
    {"ID", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.id); }},
    {"事業名", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.name); }, 30},
    {"分野", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.field); }},
    {"関連分野", NumberStyle::Plain,
     [](const Dataset&, const Service& s) { return Cell::of(join(s.related_fields, kMultiSeparator)); }, 20},
    {"機能", NumberStyle::Plain,
     [](const Dataset&, const Service& s) { return Cell::of(join(s.functions, kMultiSeparator)); }, 20},
    {"重層区分", NumberStyle::Plain,
     [](const Dataset&, const Service& s) { return Cell::of(join(s.jusou_codes, kMultiSeparator)); }},
    {"所管課", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.department); }, 20},
    {"実施方法", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.method); }},
    {"実施主体", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.provider); }, 24},
    {"圏域", NumberStyle::Plain, [](const Dataset& d, const Service& s) { return Cell::of(area_names(d, s)); }, 20},
    {"拠点数", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.sites); }},
    {"事業費", NumberStyle::Yen, [](const Dataset&, const Service& s) { return Cell::of(s.cost); }},
    {"開始年度", NumberStyle::Plain,
     [](const Dataset&, const Service& s) {
       return Cell::of(s.start_year ? format_fiscal_year(*s.start_year) : std::string());
     }},
    {"対象", NumberStyle::Plain, [](const Dataset&, const Service& s) { return Cell::of(s.target); }, 30},
    {"概要", NumberStyle::Plain,
     [](const Dataset&, const Service& s) { return Cell::of(markdown_to_plain_text(s.summary_markdown)); }, 50},
    {"公開", NumberStyle::Plain,
     [](const Dataset&, const Service& s) { return Cell::of(std::string(s.is_public ? "する" : "しない")); }},
};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* wrapped;
  lxw_format* number;
  lxw_format* yen;
};

lxw_format* bordered(lxw_workbook* wb) {
  lxw_format* f = add_japanese_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.header = add_japanese_format(wb);
  format_set_bold(f.header);
  format_set_pattern(f.header, LXW_PATTERN_SOLID);
  format_set_bg_color(f.header, 0xDDEBF7);  // pale blue, prints well in grey
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.text = bordered(wb);
  f.wrapped = bordered(wb);
  format_set_text_wrap(f.wrapped);
  f.number = bordered(wb);
  f.yen = bordered(wb);
  format_set_num_format(f.yen, "#,##0");
  return f;
}

void set_page(lxw_worksheet* ws, const Dataset& data, size_t last_row) {
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(kColumnCount - 1));
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
  worksheet_repeat_rows(ws, 0, 0);

  std::string year = format_fiscal_year_short(data.municipality.fiscal_year);
  std::string rest = std::string("&C") + kSheetName + "&R" + year;
  std::string name = header_footer_text(data.municipality.name, utf8_length(rest) + 2);
  if (name.empty() || worksheet_set_header(ws, ("&L" + name + rest).c_str()) != LXW_NO_ERROR)
    worksheet_set_header(ws, rest.c_str());
  worksheet_set_footer(ws, "&C&P / &N");
}

}  // namespace

bool write_inventory_workbook(const Dataset& data, const Reference& ref, const std::string& path,
                              Diagnostics& diagnostics) {
  auto fail = [&](const std::string& why) {
    diagnostics.error({path, 0, ""}, "棚卸一覧を書き込めませんでした（" + path + "）：" + why,
                      "書き込みできる出力フォルダ");
    return false;
  };

  // Cell contents first: column widths depend on all of them.
  std::vector<std::vector<Cell>> rows;
  rows.reserve(data.services.size());
  for (const Service& s : data.services) {
    std::vector<Cell> row;
    row.reserve(kColumnCount);
    for (const Column& c : kColumns) {
      Cell cell = c.value(data, s);
      cell.text = cell_text(cell.text);
      row.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
  }

  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    // Checked here so libxlsxwriter does not print its own English error.
    if (!std::filesystem::is_directory(parent, ec)) return fail("フォルダを作成できません");
  }

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return fail("ブックを作成できません");

  const Municipality& mu = data.municipality;
  std::string title = std::string(kSheetName) + "（" + mu.name + "・" + format_fiscal_year(mu.fiscal_year) + "）";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = const_cast<char*>("既存事業・取組の棚卸");
  props.company = const_cast<char*>(mu.name.c_str());
  props.created = workbook_timestamp(mu.fiscal_year);
  workbook_set_properties(wb, &props);

  Formats fmt = make_formats(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, kSheetName);

  for (size_t c = 0; c < kColumnCount; ++c) {
    std::vector<std::string> texts;
    for (const auto& row : rows) texts.push_back(row[c].text);
    double cap = kColumns[c].max_width;
    bool wrap = column_needs_wrap(texts, cap);
    double width = std::max(column_width(texts, cap), column_width({kColumns[c].header}) + kFilterButtonWidth);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         wrap ? fmt.wrapped : nullptr);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), kColumns[c].header, fmt.header);
    for (size_t r = 0; r < rows.size(); ++r) {
      const Cell& cell = rows[r][c];
      auto row = static_cast<lxw_row_t>(r + 1);
      auto col = static_cast<lxw_col_t>(c);
      lxw_format* number_format = kColumns[c].style == NumberStyle::Yen ? fmt.yen : fmt.number;
      if (cell.is_number && cell.number)
        worksheet_write_number(ws, row, col, static_cast<double>(*cell.number), number_format);
      else if (cell.is_number || cell.text.empty())
        worksheet_write_blank(ws, row, col, cell.is_number ? number_format : fmt.text);  // unknown: blank, not 0
      else
        worksheet_write_string(ws, row, col, cell.text.c_str(), wrap ? fmt.wrapped : fmt.text);
    }
  }
  set_page(ws, data, rows.size());

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return fail(lxw_strerror(err));
  return true;
}

}  // namespace kyosei
