#include "write/sheet/sheet_table.h"

#include <algorithm>

namespace kyosei {

namespace {

// Rows between two tables: one blank, one caption.
constexpr size_t kGapBeforeExtra = 2;
// An extra on its own worksheet: caption in row 0, header in row 1.
constexpr size_t kOwnSheetHeaderRow = 1;

size_t table_end(const SheetTable& t, size_t origin) { return origin + 1 + t.rows.size(); }

bool same_key(const SheetCell& a, const SheetCell& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == SheetCell::Kind::Text) return a.text == b.text;
  if (a.kind == SheetCell::Kind::Number || a.kind == SheetCell::Kind::Formula) return a.number == b.number && a.yen == b.yen;
  if (a.kind == SheetCell::Kind::Date) return a.date == b.date;
  return true;
}

bool is_numeric(const SheetCell& c) { return c.kind == SheetCell::Kind::Number || c.kind == SheetCell::Kind::Formula; }

// The total of some cells, with its formula: in yen (an integer) when the
// cells hold amounts (a column holds amounts or other numbers, never both).
struct Total {
  double number = 0;
  long long yen = 0;
  bool amounts = false, overflow = false;

  void add(const SheetCell& c) {
    if (!is_numeric(c)) return;
    if (c.yen) {
      amounts = true;
      overflow = overflow || __builtin_add_overflow(yen, *c.yen, &yen);
    } else {
      number += c.number;
    }
  }
  SheetCell cell(std::string formula) const {
    if (!amounts) return SheetCell::of_formula(std::move(formula), number);
    SheetCell c = SheetCell::of_formula(std::move(formula), 0);
    // Overflow would take about 920,000 rows at kMaxYen: then no value is
    // cached rather than a wrong one, and the spreadsheet computes it.
    if (!overflow) c.yen = yen;
    return c;
  }
};

std::string column_letters(size_t column) {
  std::string out;
  size_t n = column + 1;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

}  // namespace

SheetCell SheetCell::of_text(std::string s) {
  SheetCell c;
  c.kind = Kind::Text;
  c.text = cell_text(s);
  if (c.text.empty()) c.kind = Kind::Blank;
  return c;
}

SheetCell SheetCell::of_number(double n) {
  SheetCell c;
  c.kind = Kind::Number;
  c.number = n;
  return c;
}

SheetCell SheetCell::of_number(const std::optional<long long>& n) {
  return n ? of_number(static_cast<double>(*n)) : blank();
}

SheetCell SheetCell::of_yen(long long yen) {
  SheetCell c;
  c.kind = Kind::Number;
  c.yen = yen;
  return c;
}

SheetCell SheetCell::of_yen(const std::optional<long long>& yen) { return yen ? of_yen(*yen) : blank(); }

SheetCell SheetCell::of_date(const Date& d) {
  SheetCell c;
  c.kind = Kind::Date;
  c.date = d;
  return c;
}

SheetCell SheetCell::of_month(const YearMonth& m) {
  SheetCell c = of_date(Date{m.year, m.month, 1});
  c.format = CellFormat::YearMonth;
  return c;
}

SheetCell SheetCell::of_formula(std::string formula, double value) {
  SheetCell c;
  c.kind = Kind::Formula;
  c.text = std::move(formula);
  c.number = value;
  return c;
}

size_t SheetTable::data_rows() const {
  size_t n = 0;
  while (n < rows.size() && !rows[n].total) ++n;
  return n;
}

SheetRow& SheetTable::add_row(Location source) {
  rows.push_back(SheetRow{{}, false, std::move(source)});
  return rows.back();
}

size_t Sheet::table_origin(size_t table) const {
  if (table == 0) return 0;
  if (!extras_below) return kOwnSheetHeaderRow;
  size_t origin = 0;
  for (size_t k = 0; k < table && k < extras.size() + 1; ++k)
    origin = table_end(k == 0 ? main : extras[k - 1], origin) + kGapBeforeExtra;
  return origin;
}

size_t Sheet::next_extra_origin() const { return table_origin(extras.size() + 1); }

size_t Sheet::tables_end() const {
  size_t last = extras_below ? extras.size() : 0;
  return table_end(last == 0 ? main : extras[last - 1], table_origin(last));
}

size_t Sheet::column_count() const {
  size_t n = main.columns.size();
  if (extras_below)
    for (const auto& t : extras) n = std::max(n, t.columns.size());
  return n;
}

std::string Sheet::worksheet_of(size_t table) const {
  if (table == 0 || extras_below || table > extras.size()) return name;
  return extras[table - 1].name;
}

std::string sheet_prefix(const std::string& worksheet) {
  std::string quoted;
  for (char ch : worksheet) {
    quoted += ch;
    if (ch == '\'') quoted += ch;
  }
  return "'" + quoted + "'!";
}

std::string cell_ref(size_t row, size_t column, bool absolute_row, bool absolute_column) {
  return (absolute_column ? "$" : "") + column_letters(column) + (absolute_row ? "$" : "") + std::to_string(row + 1);
}

std::string absolute_range(size_t first_row, size_t column, size_t last_row) {
  return cell_ref(first_row, column, true, true) + ":" + cell_ref(last_row, column, true, true);
}

SheetCell sum_cell(const SheetTable& table, size_t origin, size_t column) {
  size_t n = table.data_rows();
  if (n == 0) return SheetCell::blank();
  Total sum;
  for (size_t i = 0; i < n; ++i)
    if (column < table.rows[i].cells.size()) sum.add(table.rows[i].cells[column]);
  return sum.cell("SUM(" + cell_ref(origin + 1, column) + ":" + cell_ref(origin + n, column) + ")");
}

SheetCell sumif_cell(const SheetTable& table, size_t origin, size_t key_column, size_t sum_column,
                     const std::string& criteria_ref, const SheetCell& key, const std::string& table_sheet) {
  size_t n = table.data_rows();
  if (n == 0) return SheetCell::blank();
  Total sum;
  for (size_t i = 0; i < n; ++i) {
    const auto& cells = table.rows[i].cells;
    if (sum_column < cells.size() && cells[sum_column].yen) sum.amounts = true;  // a key matching nothing: 0 yen
    if (key_column < cells.size() && sum_column < cells.size() && same_key(cells[key_column], key))
      sum.add(cells[sum_column]);
  }
  std::string prefix = table_sheet.empty() ? std::string() : sheet_prefix(table_sheet);
  return sum.cell("SUMIF(" + prefix + absolute_range(origin + 1, key_column, origin + n) + "," + criteria_ref + "," +
                  prefix + absolute_range(origin + 1, sum_column, origin + n) + ")");
}

SheetCell count_cell(const SheetRow& row, size_t sheet_row, size_t first_column, size_t last_column) {
  double count = 0;
  for (size_t c = first_column; c <= last_column && c < row.cells.size(); ++c) {
    auto k = row.cells[c].kind;
    if (k == SheetCell::Kind::Number || k == SheetCell::Kind::Formula || k == SheetCell::Kind::Date) ++count;
  }
  return SheetCell::of_formula("COUNT(" + cell_ref(sheet_row, first_column) + ":" + cell_ref(sheet_row, last_column) + ")",
                               count);
}

}  // namespace kyosei
