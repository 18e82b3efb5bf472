#include "write/xlsx/xlsx_template.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "base/dates.h"
#include "base/text.h"
#include "model/input_workbook.h"
#include "model/reference.h"
#include "model/reference_data.h"
#include "write/sheet/sheet_table.h"
#include "write/sheet/xlsx_sheet.h"
#include "write/sheet/xlsx_support.h"

namespace kyosei {

namespace {

// A value not in a strict drop-down list.
constexpr const char* kChoiceErrorTitle = "選択肢にない値です";
constexpr const char* kChoiceErrorMessage = "▼ の一覧から選んでください。";
// Rows: the headers in the first.
constexpr lxw_row_t kHeaderRow = 0;
// Every cell: where "number stored as text" is not flagged (all text on purpose).
constexpr const char* kWholeSheet = "A1:XFD1048576";
// Column widths (characters): caps before text wraps.
constexpr double kMaxDataWidth = 40;
constexpr double kMaxMarkdownWidth = 60;
constexpr double kMunicipalityValueWidth = 30;  // room to type a value on the 基本情報 sheet
constexpr unsigned kRequiredFill = 0xFCE4D6;  // pale orange: required
constexpr unsigned kOptionalFill = 0xDDEBF7;  // pale blue, as the council workbook
// Print: page number / pages, centred in the footer (no municipality in
// the header: an empty template has none).
constexpr const char* kPageFooter = "&C&P / &N";
// The guide sheet.
constexpr double kTitleFontSize = 14;
constexpr double kLineHeight = 18;  // points per wrapped line
// Share of a column's width that wrapped text fills (Excel wraps a little
// before the edge), for estimating the lines of a row.
constexpr double kWrapFill = 0.95;
// Its four columns: sheet, file or column, help, 必須・任意. Narrow enough
// for one portrait A4 width at 8 pt or more (fit_budget_points; 650 of
// 659 pt), so each help prints beside its column's name, not on a page of
// its own; long names and help wrap, and the rows grow to fit.
constexpr size_t kGuideColumns = 4;
constexpr double kGuideWidths[kGuideColumns] = {19, 19, 44, 12};

// At most n code points; a cut text ends with 「…」.
std::string cut(const std::string& s, size_t n) {
  if (utf8_length(s) <= n) return s;
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < s.size() && count + 1 < n; ++count) {
    size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.append(s, i, len);
    i += len;
  }
  return out + "…";
}

// The form of a column's values, for someone typing them.
std::string value_hint(const ColumnSpec& c) {
  std::string t;
  switch (c.type) {
    case ColumnType::Id: t = "半角英数字・-・_ の ID"; break;
    case ColumnType::Text: t = "文字"; break;
    case ColumnType::Markdown: t = "文字（Markdown 可。セル内の改行は Alt+Enter）"; break;
    case ColumnType::Integer: t = "整数"; break;
    case ColumnType::Decimal: t = "数値"; break;
    case ColumnType::Percent: t = "百分率の数（例: 29.4）"; break;
    case ColumnType::Fraction: t = "0〜1 の数（例: 0.5）"; break;
    case ColumnType::Year: t = "年度（2026、R8、令和8年度）"; break;
    case ColumnType::Date: t = "日付（2026-05-12、令和8年5月12日、R8.5.12）"; break;
    case ColumnType::YearMonth: t = "年月（2024-04、R6.4、令和6年4月）"; break;
    case ColumnType::Yen: t = "円単位の整数（1,234,000 も可）"; break;
    case ColumnType::Enum:
      t = c.multi ? "▼ から選ぶ。複数のときは ; で区切って入力" : "▼ から選ぶ";
      if (c.unknown_is_warning) t += "（一覧にない値は警告）";
      break;
    case ColumnType::CodeYen: t = "重層区分:円（例: 1ニ:6000000;5:4000000）"; break;
    case ColumnType::YearValue: t = "年度:値（例: 2025:12;2026:18）"; break;
    case ColumnType::Path: t = "documents/ フォルダの PDF のファイル名"; break;
    case ColumnType::Phone: t = "電話番号（例: 000-123-4567。市外局番から）"; break;
    case ColumnType::Url: t = "https:// で始まるアドレス"; break;
  }
  if (c.multi && c.type != ColumnType::Enum && c.type != ColumnType::CodeYen && c.type != ColumnType::YearValue)
    t += "。複数のときは ; で区切る";
  if (!c.ref.empty()) t += "。" + c.ref + " の ID";
  if (c.min || c.max) {
    auto num = [](double v) {
      char b[32];
      std::snprintf(b, sizeof b, "%g", v);
      return std::string(b);
    };
    t += "。範囲 " + (c.min ? num(*c.min) : std::string()) + "〜" + (c.max ? num(*c.max) : std::string());
  }
  if (!c.default_value.empty()) t += "。空欄は " + c.default_value;
  return t;
}

std::string requirement(const ColumnSpec& c) {
  if (c.required) return "必須";
  if (!c.required_if_column.empty()) return c.required_if_column + "が" + join(c.required_if_values, "・") + "のとき必須";
  return "任意";
}

// ------------------------------------------------------------- formats

struct Formats {
  lxw_format* header_required;
  lxw_format* header_optional;
  lxw_format* text;     // "@": kept as typed
  lxw_format* wrapped;  // "@", wrapped, top-aligned
  lxw_format* title;
  lxw_format* paragraph;
  lxw_format* table_header;
  lxw_format* table_cell;
};

lxw_format* header_format(lxw_workbook* wb, unsigned fill) {
  lxw_format* f = add_japanese_format(wb);
  format_set_bold(f);
  format_set_pattern(f, LXW_PATTERN_SOLID);
  format_set_bg_color(f, fill);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_num_format(f, "@");
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.header_required = header_format(wb, kRequiredFill);
  f.header_optional = header_format(wb, kOptionalFill);
  f.text = add_japanese_format(wb);
  format_set_num_format(f.text, "@");
  f.wrapped = add_japanese_format(wb);
  format_set_num_format(f.wrapped, "@");
  format_set_text_wrap(f.wrapped);
  format_set_align(f.wrapped, LXW_ALIGN_VERTICAL_TOP);
  f.title = add_japanese_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, kTitleFontSize);
  f.paragraph = add_japanese_format(wb);
  format_set_text_wrap(f.paragraph);
  format_set_align(f.paragraph, LXW_ALIGN_VERTICAL_TOP);
  f.table_header = header_format(wb, kOptionalFill);
  f.table_cell = add_japanese_format(wb);
  format_set_text_wrap(f.table_cell);
  format_set_border(f.table_cell, LXW_BORDER_THIN);
  format_set_align(f.table_cell, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

// ------------------------------------------------------------- validations

struct Validation {
  std::string title, message, list_formula;
  bool strict = true;  // list: refuse other values
};

// The 基本情報 sheet's validations (the CSV sheets' are the shared
// writer's, Sheet::form).
void add_validation(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col, const Validation& v) {
  std::string title = cut(v.title, kMaxInputTitleChars);
  std::string message = cut(v.message, kMaxInputMessageChars);
  lxw_data_validation dv{};
  dv.input_title = title.data();
  dv.input_message = message.data();
  std::string error_title = kChoiceErrorTitle;
  std::string error_message = kChoiceErrorMessage;
  if (v.list_formula.empty()) {
    dv.validate = LXW_VALIDATION_TYPE_ANY;
  } else {
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    dv.value_formula = const_cast<char*>(v.list_formula.c_str());
    if (v.strict) {
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      dv.error_title = error_title.data();
      dv.error_message = error_message.data();
    } else {
      dv.show_error = LXW_VALIDATION_OFF;  // "a;b" is allowed
    }
  }
  worksheet_data_validation_range(ws, first, col, last, col, &dv);
}

// ------------------------------------------------------------- sheets

// A4, one page wide when that stays legible (xlsx_support.h set_a4_print:
// otherwise a fixed scale, pages across, the first column repeated), the
// header row on every page.
void set_page(lxw_worksheet* ws, bool landscape, bool repeat_header, double printed_points) {
  set_a4_print(ws, landscape, printed_points, repeat_header ? 1 : 0);
  if (repeat_header) worksheet_repeat_rows(ws, 0, 0);
  worksheet_set_footer(ws, kPageFooter);
}

// One column of a CSV sheet: a column of the contract, or one the folder's
// file has besides (kept, so nothing is lost on the way back).
struct SheetColumn {
  const ColumnSpec* spec = nullptr;
  std::string header;
  int source = -1;  // index in the CSV record; -1: the file has no such column
};

std::vector<SheetColumn> sheet_columns(const FileSpec& spec, const RawTable* table) {
  std::vector<SheetColumn> cols;
  for (const auto& c : spec.columns) cols.push_back({&c, c.name, -1});
  if (!table || !table->present) return cols;
  for (size_t i = 0; i < table->header.size(); ++i) {
    std::string h = normalize(table->header[i]);
    auto it = std::find_if(cols.begin(), cols.end(),
                           [&](const SheetColumn& c) { return c.spec && c.source < 0 && normalize(c.spec->name) == h; });
    if (it != cols.end()) {
      it->source = static_cast<int>(i);
      it->header = trim(table->header[i]);  // as the folder writes it (ＩＤ stays ＩＤ)
    } else if (!h.empty()) {
      cols.push_back({nullptr, trim(table->header[i]), static_cast<int>(i)});
    }
  }
  return cols;
}

// The Sheet of one CSV file: its columns with their help and choices, and
// the folder's records as text cells (line N of the file on row N).
Sheet csv_sheet(const FileSpec& spec, const RawTable* table, Diagnostics& diags) {
  Sheet sheet;
  sheet.name = sheet_name_for(spec);
  sheet.landscape = true;
  sheet.form = true;
  std::vector<SheetColumn> cols = sheet_columns(spec, table);
  bool has_rows = table && table->present;
  if (has_rows) sheet.main.rows.resize(table->records.size());
  for (const SheetColumn& col : cols) {
    SheetTableColumn c;
    c.header = col.header;
    c.text_only = true;
    c.required = col.spec && col.spec->required;
    c.max_width = col.spec && col.spec->type == ColumnType::Markdown ? kMaxMarkdownWidth : kMaxDataWidth;
    c.choice_title = cut(col.header + "（" + (col.spec ? requirement(*col.spec) : std::string("仕様にない列")) + "）",
                         kMaxInputTitleChars);
    c.choice_message = col.spec ? column_input_message(*col.spec)
                                : "入力データ仕様にない列です。読み込むときは読み飛ばされます（警告）。";
    if (col.spec && col.spec->type == ColumnType::Enum && !col.spec->values.empty()) {
      c.choices = col.spec->values;
      // 重層区分: 「1イ：地域包括支援センターの運営」 so the officer sees what
      // the code means; import-workbook keeps only the code before 「：」.
      if (col.spec->values_from == "jusou")
        for (auto& code : c.choices)
          if (const JusouComponent* j = reference_data().reference.component(code)) code += "：" + j->program_name;
      c.choices_name = col.spec->name;
      c.choices_strict = !col.spec->multi && !col.spec->unknown_is_warning;
      c.error_title = kChoiceErrorTitle;
      c.error_message = kChoiceErrorMessage;
    }
    sheet.main.columns.push_back(std::move(c));
    if (!has_rows) continue;
    for (size_t r = 0; r < table->records.size(); ++r) {
      const auto& rec = table->records[r];
      std::string v = col.source >= 0 && col.source < static_cast<int>(rec.fields.size()) ? rec.fields[col.source] : "";
      std::string kept = cell_text(v);
      if (kept != v)
        diags.warning({spec.name, rec.line, col.header}, "Excel のセルに入りきらないため、末尾を切り詰めて写しました",
                      "32,767 文字以内");
      sheet.main.rows[r].cells.push_back(SheetCell::of_text(std::move(kept)));
    }
  }
  return sheet;
}

void write_municipality_sheet(lxw_workbook* wb, const Formats& fmt, DropDownLists& choices,
                              const std::vector<MunicipalityKey>& keys, const RawInputs* data) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, municipality_sheet_name().c_str());
  std::vector<std::string> key_texts{kKeyHeader}, value_texts{kValueHeader}, note_texts;
  worksheet_write_string(ws, kHeaderRow, 0, kKeyHeader, fmt.header_required);
  worksheet_write_string(ws, kHeaderRow, 1, kValueHeader, fmt.header_required);
  worksheet_write_string(ws, kHeaderRow, 2, kNoteHeader, fmt.header_optional);
  for (size_t i = 0; i < keys.size(); ++i) {
    const MunicipalityKey& k = keys[i];
    auto row = static_cast<lxw_row_t>(i + 1);
    std::string value;
    if (data)
      if (auto v = raw_value(data->municipality, k.key)) value = cell_text(*v);
    std::string note = k.label + "（" + (k.required ? "必須" : "任意") + "）: " + k.help;
    worksheet_write_string(ws, row, 0, k.key.c_str(), fmt.text);
    if (!value.empty()) worksheet_write_string(ws, row, 1, value.c_str(), fmt.text);
    worksheet_write_string(ws, row, 2, note.c_str(), fmt.wrapped);
    key_texts.push_back(k.key);
    value_texts.push_back(value);
    note_texts.push_back(note);

    Validation v;
    v.title = k.label + "（" + (k.required ? "必須" : "任意") + "）";
    v.message = k.help + (k.example.empty() ? "" : "\n例: " + k.example);
    if (!k.values.empty()) {
      v.list_formula = choices.add(k.key, k.values);
      v.message += "\n▼ から選ぶ";
    }
    add_validation(ws, row, row, 1, v);
  }
  const double widths[] = {column_width(key_texts), std::max(kMunicipalityValueWidth, column_width(value_texts, kMaxDataWidth)),
                           column_width(note_texts, kMaxMarkdownWidth)};
  worksheet_set_column(ws, 0, 0, widths[0], fmt.text);
  worksheet_set_column(ws, 1, 1, widths[1], fmt.text);
  worksheet_set_column(ws, 2, 2, widths[2], fmt.wrapped);
  worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, kWholeSheet);
  set_page(ws, true, true, column_points(widths[0]) + column_points(widths[1]) + column_points(widths[2]));
}

// The first sheet: how to fill the workbook in, and every column's help.
void write_guide_sheet(lxw_workbook* wb, const Formats& fmt, const Schema& schema,
                       const std::vector<MunicipalityKey>& keys) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, kGuideSheet);
  const double* widths = kGuideWidths;
  double total = 0, printed = 0;
  for (size_t c = 0; c < kGuideColumns; ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    total += widths[c];
    printed += column_points(widths[c]);
  }
  set_page(ws, false, false, printed);
  lxw_row_t row = 0;
  auto paragraph = [&](const std::string& text, lxw_format* f) {
    worksheet_merge_range(ws, row, 0, row, kGuideColumns - 1, text.c_str(), f);
    // Excel does not fit the height of merged cells: estimate the lines.
    double lines = 0;
    for (const auto& line : split(text, '\n'))
      lines += std::max(1.0, std::ceil(static_cast<double>(display_width(line)) / (total * kWrapFill)));
    worksheet_set_row(ws, row, std::max(kLineHeight, lines * kLineHeight), nullptr);
    ++row;
  };
  auto table_row = [&](const std::vector<std::string>& cells, lxw_format* f) {
    double lines = 1;
    for (size_t c = 0; c < cells.size(); ++c) {
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), f);
      lines = std::max(lines, std::ceil(static_cast<double>(display_width(cells[c])) / (widths[c] * kWrapFill)));
    }
    worksheet_set_row(ws, row, lines * kLineHeight, nullptr);
    ++row;
  };

  paragraph("kyosei 入力様式（入力データ仕様 第" + std::to_string(schema.version) + "版）", fmt.title);
  paragraph(
      "このブックは kyosei の入力フォルダを Excel で書くための様式です。シート1枚が入力フォルダの1ファイルに当たります"
      "（下の表）。書き終えたら「kyosei import このブック.xlsx -o フォルダ名」で入力フォルダに変換します。",
      fmt.paragraph);
  paragraph(
      "書き方:\n"
      "・シート名と1行目の見出しは変えないでください（列の順番は入れ替えてもかまいません）。\n"
      "・2行目から、1行に1件ずつ書きます。見出しが橙色の列は必須です。\n"
      "・セルを選ぶと、その列の説明が表示されます。選択肢のある列は ▼ から選べます。"
      "複数の値を書く列は ; で区切って入力します（例: 相談支援;参加支援）。\n"
      "・セルは文字として入力する設定です。年度は 2026・R8・令和8年度、日付は 2026-05-12・令和8年5月12日 のどれでも書けます。\n"
      "・数式は使わないでください（数式の結果の値を読み込みます）。行の途中の空行は読み飛ばします。\n"
      "・会議資料の PDF（documents/）と本文（narrative/）はこの様式に入りません。入力フォルダに直接置いてください。",
      fmt.paragraph);
  paragraph(
      "誤りがあるときは、import が「入力様式.xlsx:services（既存事業・取組の棚卸）!F12（事業費）: エラー: …」の形で、"
      "シート名とセル番地を示します。誤りがある間は、入力フォルダには何も書きません。",
      fmt.paragraph);
  ++row;
  table_row({"シート", "ファイル", "内容", "必須・任意"}, fmt.table_header);
  table_row({municipality_sheet_name(), kMunicipalityFile, "自治体プロフィールと計画期間（1行に1項目）", "必須"},
            fmt.table_cell);
  for (const auto& f : schema.files)
    table_row({sheet_name_for(f), f.name, f.title, f.required ? "必須" : "任意（空のままなら作りません）"},
              fmt.table_cell);
  ++row;
  paragraph("各シートの列", fmt.title);
  table_row({"シート", "列", "説明", "必須・任意"}, fmt.table_header);
  for (const auto& k : keys)
    table_row({municipality_sheet_name(), k.key, k.label + ": " + k.help, k.required ? "必須" : "任意"}, fmt.table_cell);
  for (const auto& f : schema.files)
    for (const auto& c : f.columns)
      table_row({sheet_name_for(f), c.name, c.help + "（" + value_hint(c) + "）", requirement(c)}, fmt.table_cell);
}

}  // namespace

std::string column_input_message(const ColumnSpec& c) {
  std::string m = c.help;
  if (c.personal) m += "（個人情報）";
  if (c.unique) m += "（重複不可）";
  m += "\n値: " + value_hint(c);
  m += "\n" + requirement(c);
  if (!c.example.empty() && c.help.find(c.example) == std::string::npos) m += "。例: " + c.example;
  return cut(m, kMaxInputMessageChars);
}

bool write_input_template(const Schema& schema, const std::vector<MunicipalityKey>& keys, const RawInputs* data,
                          const std::string& path, Diagnostics& diags) {
  auto fail = [&](const std::string& why) {
    diags.error({path}, "入力様式を書き込めませんでした（" + why + "）", "書き込みできる場所とファイル名（.xlsx）");
    return false;
  };
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    if (!std::filesystem::is_directory(parent, ec)) return fail("フォルダを作成できません");
  }
  lxw_workbook* wb = new_workbook(path);
  if (!wb) return fail("ブックを作成できません");

  int fiscal_year = data && data->municipality.fiscal_year ? *data->municipality.fiscal_year : 0;
  std::string title = "kyosei 入力様式";
  std::string company;
  if (data)
    if (auto name = raw_value(data->municipality, "name")) company = *name;
  if (!company.empty() && fiscal_year) title += "（" + company + "・" + format_fiscal_year(fiscal_year) + "）";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = const_cast<char*>("入力データ仕様の入力様式");
  props.company = company.data();
  props.created = workbook_timestamp(fiscal_year);
  workbook_set_properties(wb, &props);

  Formats fmt = make_formats(wb);
  // The CSV sheets go through the shared writer (Sheet::form); the guide
  // and 基本情報 sheets, which are no tables, are written here. All share
  // one hidden 選択肢 sheet, last.
  DropDownLists choices(kChoicesSheet);
  WorkbookInfo info{path, title, props.subject, "入力様式", ""};
  const Municipality no_header;  // forms print a footer only
  WorkbookSheets sheets(wb, info, no_header, &choices);
  write_guide_sheet(wb, fmt, schema, keys);
  write_municipality_sheet(wb, fmt, choices, keys, data);
  for (size_t i = 0; i < schema.files.size(); ++i) {
    const RawTable* table = data && i < data->tables.size() ? &data->tables[i] : nullptr;
    sheets.add(csv_sheet(schema.files[i], table, diags));
  }
  sheets.write_lists();

  if (std::string why = close_workbook(wb); !why.empty()) return fail(why);
  return true;
}

}  // namespace kyosei
