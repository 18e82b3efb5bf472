#include "write/sheet/xlsx_sheet.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>

#include "base/dates.h"
#include "base/text.h"
#include "model/input_names.h"
#include "write/sheet/xlsx_support.h"

namespace kyosei {

namespace {

// 縦書き headers: one line of 11 pt text per character, plus some air.
constexpr double kVerticalCharPoints = 13.5;
constexpr double kVerticalHeaderPadding = 8;
constexpr double kVerticalHeaderMaxPoints = 409;  // Excel's tallest row: a 24-character role fits
constexpr uint32_t kHeaderFill = 0xDDEBF7;  // pale blue, prints well in grey
constexpr uint32_t kShadeFill = 0xFCE4D6;   // pale orange: a gap
constexpr uint32_t kTotalFill = 0xF2F2F2;   // light grey: 合計
constexpr uint32_t kInputFill = 0xFFF8DC;   // pale yellow: a cell staff fill in
constexpr uint32_t kRequiredFill = 0xFCE4D6;  // pale orange: a form's required column
// One line of 11pt 游ゴシック, Excel's default row height for it (libxlsxwriter
// assumes Calibri's 15). Rows with wrapped text get an explicit height, as
// neither Excel nor LibreOffice reliably fits rows when opening a file.
constexpr double kLinePoints = 18;
constexpr double kCaptionFontSize = 12;
// Chart labels: LibreOffice prints them at about two thirds of their size on
// a sheet fitted to the page; 13 pt keeps them at 8 pt or more on paper.
constexpr double kChartFontSize = 13;
// libxlsxwriter's default chart is 480 × 288 pixels; a row of 18 points is
// 24 pixels, so a chart covers 12 rows. Excel's default column is 8.43 wide.
constexpr double kChartWidthPx = 480;
constexpr size_t kChartRows = 12;
constexpr double kDefaultColumnWidth = 8.43;
constexpr double kExtraTextWidth = 16;
// Input forms (Sheet::form): validations reach Excel's last row, so rows
// typed later get the help and the list too; "number stored as text" is
// not flagged anywhere (all text on purpose); a list column of the shared
// lists sheet is at most this wide.
constexpr lxw_row_t kFormLastRow = LXW_ROW_MAX - 1;
constexpr const char* kWholeSheet = "A1:XFD1048576";
constexpr const char* kFormFooter = "&C&P / &N";
constexpr double kListMaxWidth = 40;

const char* number_format(CellFormat f) {
  switch (f) {
    case CellFormat::Count:
    case CellFormat::Yen: return "#,##0";
    case CellFormat::Decimal: return "0.00";
    case CellFormat::Percent: return "0.0\"%\"";
    case CellFormat::Date: return kJapaneseDateFormat;
    case CellFormat::YearMonth: return kJapaneseMonthFormat;
    case CellFormat::Text:
    case CellFormat::Number: return nullptr;
  }
  return nullptr;
}

// What a cell shows, for column widths.
std::string shown_text(const SheetCell& c, CellFormat f) {
  switch (c.kind) {
    case SheetCell::Kind::Blank: return "";
    case SheetCell::Kind::Text: return c.text;
    case SheetCell::Kind::Date:
      return f == CellFormat::YearMonth ? format_year_month({c.date.year, c.date.month}) : format_date(c.date);
    case SheetCell::Kind::Number:
    case SheetCell::Kind::Formula: {
      if (c.yen) return with_commas(*c.yen);
      if (f == CellFormat::Decimal || f == CellFormat::Percent) return with_commas(std::llround(c.number)) + ".00";
      return with_commas(std::llround(c.number));
    }
  }
  return "";
}

// Lines a text takes in a column of this width when wrapped.
// A full-width character is about 1.6 characters of column width when
// printed (kPrintCharPixels against 11 pt), i.e. 0.8 per display column.
constexpr double kDisplayColumnsPerWidth = 1.1;
double lines_needed(const std::string& text, double width) {
  double usable = std::max(width - 1.5, 1.0) * kDisplayColumnsPerWidth;
  double lines = 0;
  std::string_view rest = text;
  for (size_t start = 0;;) {  // line by line, without copying them
    size_t end = rest.find('\n', start);
    std::string_view line = rest.substr(start, end == std::string_view::npos ? end : end - start);
    lines += std::max(1.0, std::ceil(static_cast<double>(display_width(line)) / usable - 1e-9));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::max(lines, 1.0);
}

double column_pixels(double width) { return width < 1 ? width * 12 : std::floor(width * 7 + 0.5) + 5; }

// Header: a table's header row (VerticalHeader: printed top to bottom);
// Cell: a table cell; Caption: an extra table's title; Note: the notes;
// Column: a wrapped column's default (no border, so the empty rows below the
// table print blank); Form: a form's cell and column default (no border, wrapped
// and top-aligned when `wrap`).
enum class Role { Header, VerticalHeader, Cell, Caption, Note, Column, Form };

// The workbook's formats, made once per combination and in first-use order
// (so the styles part is the same for the same sheets).
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {}

  lxw_format* get(Role role, CellFormat format = CellFormat::Text, bool wrap = false, bool shaded = false,
                  bool total = false, bool input = false, bool centred = false, bool required = false,
                  bool text_only = false) {
    auto key = std::make_tuple(static_cast<int>(role), static_cast<int>(format), wrap, shaded, total, input, centred,
                               required, text_only);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    lxw_format* f = add_japanese_format(wb_);
    switch (role) {
      case Role::VerticalHeader:
        format_set_rotation(f, 270);  // stacked: one character under the other
        [[fallthrough]];
      case Role::Header:
        format_set_bold(f);
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, required ? kRequiredFill : kHeaderFill);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_CENTER);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(f);
        break;
      case Role::Caption:
        format_set_bold(f);
        format_set_font_size(f, kCaptionFontSize);
        break;
      case Role::Note:
      case Role::Column:
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        break;
      case Role::Form:
        if (wrap) {
          format_set_text_wrap(f);
          format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        break;
      case Role::Cell:
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        if (wrap) format_set_text_wrap(f);
        if (const char* nf = number_format(format)) format_set_num_format(f, nf);
        if (shaded || total || input) {
          format_set_pattern(f, LXW_PATTERN_SOLID);
          format_set_bg_color(f, shaded ? kShadeFill : total ? kTotalFill : kInputFill);
        }
        if (total) format_set_bold(f);
        if (centred) format_set_align(f, LXW_ALIGN_CENTER);
        break;
    }
    if (text_only) format_set_num_format(f, "@");
    cache_.emplace(key, f);
    return f;
  }

 private:
  lxw_workbook* wb_;
  std::map<std::tuple<int, int, bool, bool, bool, bool, bool, bool, bool>, lxw_format*> cache_;
};

struct PlacedTable {
  const SheetTable* table;
  size_t origin;  // worksheet row of its header
  bool primary;   // the worksheet's first table: full column caps
  size_t index;   // 0: the sheet's main table, k: extras[k - 1] (as SheetChart::table)
};

// One worksheet of a Sheet: the main table (with its notes, and the extras
// when Sheet::extras_below), or one extra on its own.
struct Worksheet {
  std::string name;
  std::vector<PlacedTable> tables;
  bool notes = false;
  bool filter = false;           // autofilter over the first table's data rows
  bool repeat_header = false;    // the first table's header on every printed page
  size_t frozen_columns = 0;
};

std::vector<Worksheet> worksheets_of(const Sheet& sheet) {
  std::vector<Worksheet> out;
  Worksheet main;
  main.name = sheet.name;
  main.tables.push_back({&sheet.main, 0, true, 0});
  main.notes = true;
  main.filter = true;
  main.repeat_header = !sheet.extras_below || sheet.extras.empty();
  main.frozen_columns = sheet.frozen_columns;
  if (sheet.extras_below)
    for (size_t k = 1; k <= sheet.extras.size(); ++k)
      main.tables.push_back({&sheet.extras[k - 1], sheet.table_origin(k), false, k});
  out.push_back(std::move(main));
  if (!sheet.extras_below)
    for (size_t k = 1; k <= sheet.extras.size(); ++k) {
      Worksheet w;
      w.name = sheet.worksheet_of(k);
      w.tables.push_back({&sheet.extras[k - 1], sheet.table_origin(k), true, k});
      w.repeat_header = true;
      out.push_back(std::move(w));
    }
  return out;
}

CellFormat format_of(const SheetTable& t, size_t column, const SheetCell& c) {
  if (c.format) return *c.format;
  return column < t.columns.size() ? t.columns[column].format : CellFormat::Text;
}

double cap_of(const std::vector<PlacedTable>& tables, size_t column) {
  for (const auto& p : tables)
    if (column < p.table->columns.size()) return p.table->columns[column].max_width;
  return kMaxColumnWidth;
}

// What the widths need of a column's cells, measured once: the widest line
// (display columns) and whether there are cells, and line breaks, among
// its text cells and among the others (numbers, dates as shown).
struct ColumnTexts {
  struct Part {
    size_t widest = 0;
    bool any = false, line_break = false;
    void add(std::string_view shown) {
      any = true;
      widest = std::max(widest, widest_line(shown));
      line_break = line_break || shown.find('\n') != std::string_view::npos;
    }
    double width(double max_width = kMaxColumnWidth) const { return column_width_for(widest, max_width); }
  };
  Part text, other;
  bool needs_wrap(double max_width) const {
    bool a = text.any && column_needs_wrap_for(text.widest, text.line_break, max_width);
    return a || (other.any && column_needs_wrap_for(other.widest, other.line_break, max_width));
  }
};

ColumnTexts column_texts(const SheetTable& t, size_t column) {
  ColumnTexts out;
  for (const auto& row : t.rows) {
    if (column >= row.cells.size()) continue;
    const SheetCell& c = row.cells[column];
    if (c.kind == SheetCell::Kind::Text) out.text.add(c.text);
    else out.other.add(shown_text(c, format_of(t, column, c)));
  }
  return out;
}

bool vertical(const SheetTable& t, size_t column) {
  return column < t.columns.size() && t.columns[column].vertical_header;
}

class SheetWriter {
 public:
  SheetWriter(lxw_workbook* wb, Formats& formats, const WorkbookInfo& info, const Municipality& mu, const Sheet& sheet,
              const Worksheet& worksheet, DropDownLists* lists)
      : wb_(wb), fmt_(formats), info_(info), mu_(mu), sheet_(sheet), w_(worksheet), tables_(worksheet.tables),
        lists_(lists) {}

  void write() {
    ws_ = workbook_add_worksheet(wb_, w_.name.c_str());
    // A form's rows typed later keep the height Excel gives them.
    if (!sheet_.form) worksheet_set_default_row(ws_, kLinePoints, LXW_FALSE);
    columns_ = 1;
    for (const auto& p : tables_) columns_ = std::max(columns_, p.table->columns.size());
    set_widths();
    for (const auto& p : tables_) write_table(p);
    size_t end = tables_.back().origin + 1 + tables_.back().table->rows.size();
    if (w_.notes) end = write_notes(end);
    write_charts(end);
    set_page(std::max(end - 1, chart_bottom_));
  }

 private:
  bool filtered(const PlacedTable& p) const { return w_.filter && !sheet_.form && &p == &tables_.front(); }

  // Widths follow the first table; a further table below it widens a column
  // only as far as kExtraTextWidth for text (which then wraps), but fully
  // for numbers and dates, which cannot wrap. A 縦書き header does not
  // widen its column.
  // column_texts of each placed table's columns, measured once.
  const ColumnTexts& measured(size_t table, size_t column) {
    if (measured_.empty()) {
      for (const auto& p : tables_) {
        std::vector<ColumnTexts> columns;
        for (size_t c = 0; c < p.table->columns.size(); ++c) columns.push_back(column_texts(*p.table, c));
        measured_.push_back(std::move(columns));
      }
    }
    return measured_[table][column];
  }

  void set_widths() {
    widths_.assign(columns_, kMinColumnWidth);
    for (size_t c = 0; c < columns_; ++c) {
      double cap = cap_of(tables_, c);
      double width = kMinColumnWidth;
      for (const auto& p : tables_) {
        if (c >= p.table->columns.size()) continue;
        double text_cap = p.primary ? cap : std::min(cap, kExtraTextWidth);
        const ColumnTexts& texts = measured(static_cast<size_t>(&p - tables_.data()), c);
        width = std::max(width, texts.text.width(text_cap));
        width = std::max(width, texts.other.width());
        if (vertical(*p.table, c)) continue;
        // A form's drop-down button sits in the cell, beside the header too.
        bool button = filtered(p) || (sheet_.form && !p.table->columns[c].choices.empty());
        double header = column_width({p.table->columns[c].header}, text_cap) + (button ? kFilterButtonWidth : 0);
        width = std::max(width, header);
      }
      widths_[c] = width;
    }
    if (!sheet_.form) shrink_to_page();  // a form keeps the widths typing needs
    // Which (table, column) wraps: text wider than the final width.
    for (const auto& p : tables_) {
      std::vector<bool> wraps;
      for (size_t c = 0; c < p.table->columns.size(); ++c)
        wraps.push_back(!p.table->columns[c].one_line &&
                        measured(static_cast<size_t>(&p - tables_.data()), c).needs_wrap(widths_[c]));
      wrap_.push_back(wraps);
    }
    for (size_t c = 0; c < columns_; ++c) {
      bool wrap_first = c < wrap_[0].size() && wrap_[0][c];
      lxw_format* f = wrap_first ? fmt_.get(Role::Column) : nullptr;
      // A form's column default is its cells' format, for the rows typed later.
      if (sheet_.form) f = fmt_.get(Role::Form, CellFormat::Text, wrap_first, false, false, false, false, false, text_only(c));
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths_[c], f);
    }
  }

  // The print layout: when the columns are too wide to fit the page at a
  // legible size, the widest text columns wrap narrower (down to
  // kMinWrapWidth; rows grow to fit), one character at a time. Numbers
  // and dates keep their width. A sheet that cannot fit even so keeps its
  // widths and is printed over pages across (set_a4_print).
  void shrink_to_page() {
    std::vector<double> floor(columns_, kMinColumnWidth);
    for (size_t c = 0; c < columns_; ++c) {
      floor[c] = std::max(kMinColumnWidth, std::min(widths_[c], kMinWrapWidth));
      for (const auto& p : tables_)
        if (c < p.table->columns.size())
          floor[c] = std::max(floor[c], measured(static_cast<size_t>(&p - tables_.data()), c).other.width());
    }
    double budget = fit_budget_points(sheet_.landscape);
    auto total = [&](const std::vector<double>& widths) {
      double pt = 0;
      for (double w : widths) pt += column_points(w);
      return pt;
    };
    // Too many columns to fit even when wrapped: keep the widths, print across.
    if (total(floor) > budget) return;
    while (total(widths_) > budget) {
      size_t widest = columns_;
      for (size_t c = 0; c < columns_; ++c)
        if (widths_[c] - 1 >= floor[c] && (widest == columns_ || widths_[c] > widths_[widest])) widest = c;
      if (widest == columns_) break;
      widths_[widest] -= 1;
    }
  }

  void write_table(const PlacedTable& p) {
    const SheetTable& t = *p.table;
    size_t index = static_cast<size_t>(&p - tables_.data());
    if (p.index != 0) worksheet_write_string(ws_, row_t(p.origin - 1), 0, t.name.c_str(), fmt_.get(Role::Caption));
    // Header row; taller when a header wraps or is 縦書き.
    double height = kLinePoints;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const std::string& header = t.columns[c].header;
      bool down = vertical(t, c);
      worksheet_write_string(ws_, row_t(p.origin), col_t(c), header.c_str(),
                             fmt_.get(down ? Role::VerticalHeader : Role::Header, CellFormat::Text, false, false, false,
                                      false, false, t.columns[c].required));
      if (down)
        height = std::max(height, std::min(kVerticalHeaderMaxPoints,
                                           static_cast<double>(utf8_length(header)) * kVerticalCharPoints +
                                               kVerticalHeaderPadding));
      else
        height = std::max(height, lines_needed(header, widths_[c] - (filtered(p) ? kFilterButtonWidth : 0)) * kLinePoints);
    }
    if (height > kLinePoints) worksheet_set_row(ws_, row_t(p.origin), height, nullptr);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const SheetRow& row = t.rows[r];
      double row_lines = 1;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        SheetCell blank;
        const SheetCell& cell = c < row.cells.size() ? row.cells[c] : blank;
        bool wrap = c < wrap_[index].size() && wrap_[index][c] && cell.kind == SheetCell::Kind::Text;
        if (wrap) row_lines = std::max(row_lines, lines_needed(cell.text, widths_[c]));
        bool input = c < t.columns.size() && t.columns[c].input;
        bool centred = c < t.columns.size() && t.columns[c].centred;
        if (sheet_.form) {
          // As typed: an empty cell stays absent (the column default applies).
          if (cell.kind == SheetCell::Kind::Blank || (cell.kind == SheetCell::Kind::Text && cell.text.empty())) continue;
          write_cell(row_t(p.origin + 1 + r), col_t(c), cell,
                     fmt_.get(Role::Form, CellFormat::Text, wrap, false, false, false, false, false, text_only(c)));
          continue;
        }
        write_cell(row_t(p.origin + 1 + r), col_t(c), cell,
                   fmt_.get(Role::Cell, format_of(t, c, cell), wrap, cell.shaded, row.total, input, centred));
      }
      // A form's rows keep no fixed height: Excel and LibreOffice fit them
      // to the text, again after each edit.
      if (row_lines > 1 && !sheet_.form)
        worksheet_set_row(ws_, row_t(p.origin + 1 + r), row_lines * kLinePoints, nullptr);
    }
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (sheet_.form)
        add_form_validation(p, c);
      else if (!t.columns[c].choices.empty() && t.data_rows() > 0)
        add_choices(p, c);
  }

  bool text_only(size_t column) const {
    const SheetTable& t = *tables_.front().table;
    return column < t.columns.size() && t.columns[column].text_only;
  }

  // A form's column: its help on the header (help only) and on every cell
  // below down to Excel's last row, with its choices as a drop-down there,
  // from the shared lists when the workbook has them. A strict list refuses
  // other values; a multi-valued one also takes "相談支援;参加支援".
  void add_form_validation(const PlacedTable& p, size_t column) {
    const SheetTableColumn& col = p.table->columns[column];
    std::string title = col.choice_title, message = col.choice_message;
    std::string error_title = col.error_title, error_message = col.error_message;
    lxw_data_validation dv{};
    dv.input_title = title.data();
    dv.input_message = message.data();
    dv.validate = LXW_VALIDATION_TYPE_ANY;
    worksheet_data_validation_range(ws_, row_t(p.origin), col_t(column), row_t(p.origin), col_t(column), &dv);
    std::string formula;
    std::vector<std::string> values = col.choices;
    std::vector<char*> list;
    if (!col.choices.empty()) {
      if (lists_) {
        formula = lists_->add(col.choices_name, col.choices);
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = formula.data();
      } else {
        for (auto& v : values) list.push_back(v.data());
        list.push_back(nullptr);
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = list.data();
      }
      if (col.choices_strict) {
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        if (!error_title.empty()) dv.error_title = error_title.data();
        if (!error_message.empty()) dv.error_message = error_message.data();
      } else {
        dv.show_error = LXW_VALIDATION_OFF;
      }
    }
    worksheet_data_validation_range(ws_, row_t(p.origin + 1), col_t(column), kFormLastRow, col_t(column), &dv);
  }

  // A drop-down list over the column's data rows; other values refused.
  void add_choices(const PlacedTable& p, size_t column) {
    const SheetTableColumn& col = p.table->columns[column];
    std::vector<std::string> values = col.choices;
    std::vector<char*> list;
    for (auto& v : values) list.push_back(v.data());
    list.push_back(nullptr);  // libxlsxwriter takes a NULL-terminated char**
    std::string input_title = col.choice_title, input_message = col.choice_message;
    std::string error_title = col.error_title, error_message = col.error_message;
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list.data();
    dv.ignore_blank = LXW_VALIDATION_ON;
    if (!input_title.empty()) dv.input_title = input_title.data();
    if (!input_message.empty()) dv.input_message = input_message.data();
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    if (!error_title.empty()) dv.error_title = error_title.data();
    if (!error_message.empty()) dv.error_message = error_message.data();
    worksheet_data_validation_range(ws_, row_t(p.origin + 1), col_t(column), row_t(p.origin + p.table->data_rows()),
                                    col_t(column), &dv);
  }

  void write_cell(lxw_row_t r, lxw_col_t c, const SheetCell& cell, lxw_format* f) {
    switch (cell.kind) {
      case SheetCell::Kind::Blank: worksheet_write_blank(ws_, r, c, f); break;
      case SheetCell::Kind::Text: worksheet_write_string(ws_, r, c, cell.text.c_str(), f); break;
      case SheetCell::Kind::Number:
        if (cell.yen) write_yen(ws_, r, c, *cell.yen, f);
        else worksheet_write_number(ws_, r, c, cell.number, f);
        break;
      case SheetCell::Kind::Date: worksheet_write_number(ws_, r, c, excel_serial(cell.date), f); break;
      case SheetCell::Kind::Formula:
        if (cell.yen) write_yen(ws_, r, c, *cell.yen, f, "=" + cell.text);
        else worksheet_write_formula_num(ws_, r, c, ("=" + cell.text).c_str(), f, cell.number);
        break;
    }
  }

  // Notes one blank row below the tables, each merged across the width.
  size_t write_notes(size_t row) {
    if (sheet_.notes.empty()) return row;
    ++row;
    double total_width = 0;
    for (double w : widths_) total_width += w;
    lxw_format* f = fmt_.get(Role::Note);
    for (const auto& note : sheet_.notes) {
      std::string text = cell_text(with_input_titles(note));
      double lines = lines_needed(text, total_width);
      if (columns_ > 1)
        worksheet_merge_range(ws_, row_t(row), 0, row_t(row), col_t(columns_ - 1), text.c_str(), f);
      else
        worksheet_write_string(ws_, row_t(row), 0, text.c_str(), f);
      worksheet_set_row(ws_, row_t(row), lines * kLinePoints, nullptr);
      ++row;
    }
    return row;
  }

  const PlacedTable* placed(size_t index) const {
    for (const auto& p : tables_)
      if (p.index == index) return &p;
    return nullptr;
  }

  // Charts one blank row below everything else, one under the other, on
  // the worksheet of the table they draw.
  void write_charts(size_t row) {
    for (const auto& spec : sheet_.charts) {
      const PlacedTable* p = placed(spec.table);
      if (!p) continue;
      size_t n = p->table->data_rows();
      if (n == 0) continue;
      ++row;
      lxw_chart* chart = workbook_add_chart(wb_, spec.type == SheetChart::Type::Bar ? LXW_CHART_BAR : LXW_CHART_COLUMN);
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      auto first = row_t(p->origin + 1), last = row_t(p->origin + n);
      chart_series_set_categories(series, w_.name.c_str(), first, col_t(spec.category_column), last,
                                  col_t(spec.category_column));
      chart_series_set_values(series, w_.name.c_str(), first, col_t(spec.value_column), last, col_t(spec.value_column));
      if (spec.value_column < p->table->columns.size())
        chart_series_set_name(series, p->table->columns[spec.value_column].header.c_str());
      lxw_chart_font font{};
      font.name = const_cast<char*>(kWorkbookFont);
      font.size = kChartFontSize;
      lxw_chart_font title_font = font;
      title_font.size = kCaptionFontSize;
      title_font.bold = LXW_EXPLICIT_FALSE;
      chart_title_set_name(chart, spec.title.c_str());
      chart_title_set_name_font(chart, &title_font);
      chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
      lxw_chart_axis* value_axis = spec.type == SheetChart::Type::Bar ? chart->x_axis : chart->y_axis;
      lxw_chart_axis* category_axis = spec.type == SheetChart::Type::Bar ? chart->y_axis : chart->x_axis;
      chart_axis_set_num_font(category_axis, &font);
      // A bar chart draws the first category at the bottom; reversed, it
      // reads top to bottom like the table, with the value axis kept below.
      if (spec.type == SheetChart::Type::Bar) {
        chart_axis_set_reverse(category_axis);
        chart_axis_set_crossing_max(category_axis);
      }
      chart_axis_set_num_font(value_axis, &font);
      if (!spec.value_axis_title.empty()) {
        chart_axis_set_name(value_axis, spec.value_axis_title.c_str());
        chart_axis_set_name_font(value_axis, &font);
      }
      chart_axis_set_min(value_axis, 0);
      worksheet_insert_chart(ws_, row_t(row), 0, chart);
      // A chart starts a printed page: split by a page break, LibreOffice
      // draws its rest over the next page's header.
      page_breaks_.push_back(row_t(row));
      row += kChartRows;
      chart_bottom_ = row - 1;
      // The print area must reach as far right as the chart does.
      double px = 0;
      size_t c = 0;
      while (px < kChartWidthPx) px += column_pixels(c < widths_.size() ? widths_[c] : kDefaultColumnWidth), ++c;
      chart_columns_ = std::max(chart_columns_, c);
    }
  }

  // Printed width of the first `columns` columns, in points.
  double printed_points(size_t columns) const {
    double pt = 0;
    for (size_t c = 0; c < columns; ++c) pt += column_points(c < widths_.size() ? widths_[c] : kDefaultColumnWidth);
    return pt;
  }

  void set_page(size_t last_row) {
    const PlacedTable& first = tables_.front();
    size_t header_row = first.origin;
    worksheet_freeze_panes(ws_, row_t(header_row + 1), col_t(w_.frozen_columns));
    if (sheet_.form) {
      worksheet_ignore_errors(ws_, LXW_IGNORE_NUMBER_STORED_AS_TEXT, kWholeSheet);
      set_a4_print(ws_, sheet_.landscape, printed_points(columns_), std::max<size_t>(w_.frozen_columns, 1));
      worksheet_repeat_rows(ws_, row_t(header_row), row_t(header_row));
      worksheet_set_footer(ws_, kFormFooter);
      return;
    }
    if (w_.filter) {
      size_t columns = std::max<size_t>(first.table->columns.size(), 1);
      worksheet_autofilter(ws_, row_t(header_row), 0, row_t(header_row + first.table->data_rows()), col_t(columns - 1));
    }
    size_t printed_columns = std::max(columns_, chart_columns_);
    set_a4_print(ws_, sheet_.landscape, printed_points(printed_columns), w_.frozen_columns);
    set_page_header_footer(ws_, mu_.name, w_.name, mu_.fiscal_year, info_.header_mark);
    if (w_.repeat_header) worksheet_repeat_rows(ws_, row_t(header_row), row_t(header_row));
    worksheet_print_area(ws_, 0, 0, row_t(std::max(last_row, chart_bottom_)), col_t(printed_columns - 1));
    if (!page_breaks_.empty()) {
      page_breaks_.push_back(0);  // libxlsxwriter takes a 0-terminated list
      worksheet_set_h_pagebreaks(ws_, page_breaks_.data());
    }
  }

  static lxw_row_t row_t(size_t r) { return static_cast<lxw_row_t>(r); }
  static lxw_col_t col_t(size_t c) { return static_cast<lxw_col_t>(c); }

  lxw_workbook* wb_;
  Formats& fmt_;
  const WorkbookInfo& info_;
  const Municipality& mu_;
  const Sheet& sheet_;
  const Worksheet& w_;
  const std::vector<PlacedTable>& tables_;
  DropDownLists* lists_;
  lxw_worksheet* ws_ = nullptr;
  size_t columns_ = 1;
  std::vector<double> widths_;
  std::vector<std::vector<ColumnTexts>> measured_;  // [placed table][column]
  std::vector<std::vector<bool>> wrap_;  // per table, per column
  size_t chart_bottom_ = 0, chart_columns_ = 0;
  std::vector<lxw_row_t> page_breaks_;
};

}  // namespace

std::string DropDownLists::add(const std::string& label, const std::vector<std::string>& values) {
  auto it = index_.find(values);
  size_t i;
  if (it == index_.end()) {
    i = lists_.size();
    index_[values] = i;
    lists_.push_back({label, {label}, values});
  } else {
    i = it->second;
    List& l = lists_[i];
    if (std::find(l.labels.begin(), l.labels.end(), label) == l.labels.end()) {
      l.labels.push_back(label);
      l.label += "・" + label;
    }
  }
  std::string letters;
  for (size_t n = i + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  std::string col = "$" + letters + "$";
  return "=" + sheet_ + "!" + col + "2:" + col + std::to_string(values.size() + 1);
}

struct WorkbookSheets::State {
  lxw_workbook* wb;
  const WorkbookInfo& info;
  const Municipality& mu;
  DropDownLists* lists;
  Formats formats;
};

WorkbookSheets::WorkbookSheets(lxw_workbook* wb, const WorkbookInfo& info, const Municipality& mu,
                               DropDownLists* lists)
    : state_(new State{wb, info, mu, lists, Formats(wb)}) {}

WorkbookSheets::~WorkbookSheets() = default;

void WorkbookSheets::add(const Sheet& sheet) {
  for (const auto& worksheet : worksheets_of(sheet))
    SheetWriter(state_->wb, state_->formats, state_->info, state_->mu, sheet, worksheet, state_->lists).write();
}

// One column per list: its label, then its values as text; hidden.
void WorkbookSheets::write_lists() {
  if (!state_->lists) return;
  const DropDownLists& lists = *state_->lists;
  lxw_worksheet* ws = workbook_add_worksheet(state_->wb, lists.sheet().c_str());
  Formats& fmt = state_->formats;
  for (size_t i = 0; i < lists.lists().size(); ++i) {
    const DropDownLists::List& l = lists.lists()[i];
    auto c = static_cast<lxw_col_t>(i);
    std::vector<std::string> texts = l.values;
    texts.push_back(l.label);
    worksheet_set_column(ws, c, c, column_width(texts, kListMaxWidth), nullptr);
    worksheet_write_string(ws, 0, c, l.label.c_str(), fmt.get(Role::Header));
    lxw_format* text = fmt.get(Role::Form, CellFormat::Text, false, false, false, false, false, false, true);
    for (size_t r = 0; r < l.values.size(); ++r)
      worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), c, l.values[r].c_str(), text);
  }
  worksheet_hide(ws);
}

bool write_workbook(const WorkbookInfo& info, const Municipality& mu, const std::vector<Sheet>& sheets,
                    Diagnostics& diagnostics) {
  auto fail = [&](const std::string& why) {
    diagnostics.error({info.path, 0, ""}, info.what + "を書き込めませんでした（" + info.path + "）：" + why,
                      "書き込みできる出力フォルダ");
    return false;
  };
  std::error_code ec;
  auto parent = std::filesystem::path(info.path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    // Checked here so libxlsxwriter does not print its own English error.
    if (!std::filesystem::is_directory(parent, ec)) return fail("フォルダを作成できません");
  }
  lxw_workbook* wb = new_workbook(info.path);
  if (!wb) return fail("ブックを作成できません");

  lxw_doc_properties props{};
  props.title = const_cast<char*>(info.title.c_str());
  props.subject = const_cast<char*>(info.subject.c_str());
  props.company = const_cast<char*>(mu.name.c_str());
  props.created = workbook_timestamp(mu.fiscal_year);
  workbook_set_properties(wb, &props);

  WorkbookSheets writer(wb, info, mu);
  for (const auto& sheet : sheets) writer.add(sheet);

  if (std::string why = close_workbook(wb); !why.empty()) return fail(why);
  return true;
}

}  // namespace kyosei
