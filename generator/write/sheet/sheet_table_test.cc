#include "write/sheet/sheet_table.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {

SheetTable numbers(std::vector<std::pair<std::string, double>> rows) {
  SheetTable t;
  t.columns = {{"分野", CellFormat::Text}, {"値", CellFormat::Number}};
  for (auto& [k, v] : rows) t.add_row().cells = {SheetCell::of_text(k), SheetCell::of_number(v)};
  return t;
}

}  // namespace

TEST_CASE("cell_ref and absolute_range: A1 notation") {
  CHECK(cell_ref(0, 0) == "A1");
  CHECK(cell_ref(4, 3) == "D5");
  CHECK(cell_ref(0, 25) == "Z1");
  CHECK(cell_ref(0, 26) == "AA1");
  CHECK(cell_ref(9, 27, true, true) == "$AB$10");
  CHECK(absolute_range(1, 3, 8) == "$D$2:$D$9");
}

TEST_CASE("SheetCell: unknown numbers and empty text are blank, long text is cut") {
  CHECK(SheetCell::of_number(std::optional<long long>()).kind == SheetCell::Kind::Blank);
  CHECK(SheetCell::of_number(std::optional<long long>(0)).kind == SheetCell::Kind::Number);
  CHECK(SheetCell::of_text("").kind == SheetCell::Kind::Blank);
  CHECK(SheetCell::of_text("=1+1").kind == SheetCell::Kind::Text);  // input text is never a formula
  CHECK(SheetCell::of_month({2024, 4}).format == CellFormat::YearMonth);
  CHECK(SheetCell::of_text(std::string(kMaxCellChars + 5, 'x')).text.size() < kMaxCellChars + 5);
}

TEST_CASE("sum_cell: formula over the data rows, value cached, totals excluded") {
  SheetTable t = numbers({{"高齢", 1.5}, {"障害", 2}, {"高齢", 0.25}});
  t.add_row().cells = {SheetCell::of_text("注"), SheetCell::blank()};
  SheetRow& total = t.add_row();
  total.total = true;
  total.cells = {SheetCell::of_text("合計"), sum_cell(t, 0, 1)};
  CHECK(t.data_rows() == 4);
  CHECK(total.cells[1].kind == SheetCell::Kind::Formula);
  CHECK(total.cells[1].text == "SUM(B2:B5)");
  CHECK(total.cells[1].number == doctest::Approx(3.75));
  CHECK(sum_cell(t, 10, 1).text == "SUM(B12:B15)");  // placed lower on the sheet
  CHECK(sum_cell(SheetTable{}, 0, 0).kind == SheetCell::Kind::Blank);
}

TEST_CASE("sumif_cell: criteria from a cell, value from the matching rows") {
  SheetTable t = numbers({{"高齢", 1.5}, {"障害", 2}, {"高齢", 0.25}});
  SheetCell key = SheetCell::of_text("高齢");
  SheetCell c = sumif_cell(t, 0, 0, 1, "A7", key);
  CHECK(c.text == "SUMIF($A$2:$A$4,A7,$B$2:$B$4)");
  CHECK(c.number == doctest::Approx(1.75));
  CHECK(sumif_cell(t, 0, 0, 1, "A8", SheetCell::of_text("子ども")).number == 0);
}

TEST_CASE("count_cell: numbers in a row range") {
  SheetRow row;
  row.cells = {SheetCell::of_text("職員1"), SheetCell::of_number(0.5), SheetCell::blank(), SheetCell::of_number(0.5)};
  SheetCell c = count_cell(row, 3, 1, 3);
  CHECK(c.text == "COUNT(B4:D4)");
  CHECK(c.number == 2);
}

TEST_CASE("Sheet layout: each extra on its own worksheet, caption in row 0 and header in row 1") {
  Sheet s;
  s.name = "会議体";
  s.main = numbers({{"a", 1}, {"b", 2}});
  s.extras.push_back(numbers({{"x", 1}}));
  s.extras[0].name = "月別の開催回数";
  CHECK(s.table_origin(1) == 1);
  CHECK(s.next_extra_origin() == 1);
  CHECK(s.tables_end() == 3);  // the main table only
  CHECK(s.worksheet_of(0) == "会議体");
  CHECK(s.worksheet_of(1) == "月別の開催回数");
  SheetCell c = sumif_cell(s.main, 0, 0, 1, "A3", SheetCell::of_text("a"), "会議'体");
  CHECK(c.text == "SUMIF('会議''体'!$A$2:$A$3,A3,'会議''体'!$B$2:$B$3)");
  CHECK(c.number == 1);
}

TEST_CASE("Sheet layout: extras below the main table, one blank and one caption row apart") {
  Sheet s;
  s.extras_below = true;
  s.main = numbers({{"a", 1}, {"b", 2}});  // header row 0, rows 1-2
  CHECK(s.table_origin(0) == 0);
  CHECK(s.next_extra_origin() == 5);  // blank 3, caption 4, header 5
  s.extras.push_back(numbers({{"x", 1}}));
  CHECK(s.table_origin(1) == 5);
  CHECK(s.next_extra_origin() == 9);  // rows 6, blank 7, caption 8
  CHECK(s.tables_end() == 7);
  s.extras[0].columns.push_back({"追加"});
  CHECK(s.column_count() == 3);
}

}  // namespace kyosei
