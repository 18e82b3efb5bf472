#include "write/sheet/xlsx_sheet.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "base/numbers.h"
#include "read/csv.h"
#include "read/xlsx_reader.h"
#include "write/sheet/csv_export.h"

namespace kyosei {

namespace {

// Amounts at the largest value an input cell may hold, their SUM, and
// enough of them that the SUM passes 2^53 in the second table.
Sheet money_sheet(size_t big_rows) {
  Sheet s;
  s.name = "財源";
  s.main.name = s.name;
  s.main.columns = {{"事業"}, {"事業費", CellFormat::Yen}};
  for (const char* id : {"S001", "S002"}) s.main.add_row().cells = {SheetCell::of_text(id), SheetCell::of_yen(kMaxYen)};
  SheetRow& total = s.main.add_row();
  total.total = true;
  total.cells = {SheetCell::of_text("合計"), sum_cell(s.main, 0, 1)};
  SheetTable big;
  big.name = "大きな合計";
  big.columns = {{"事業"}, {"事業費", CellFormat::Yen}};
  for (size_t i = 0; i < big_rows; ++i) big.add_row().cells = {SheetCell::of_text("x"), SheetCell::of_yen(kMaxYen)};
  SheetRow& big_total = big.add_row();
  big_total.total = true;
  big_total.cells = {SheetCell::of_text("合計"), sum_cell(big, 1, 1)};
  s.extras.push_back(big);
  return s;
}

}  // namespace

TEST_CASE("money: the largest allowed amount and its sums are exact in CSV and xlsx") {
  constexpr size_t kBigRows = 901;  // 901 × kMaxYen > 2^53
  static_assert(kMaxYen < kMaxExactYen && kMaxYen * static_cast<long long>(kBigRows) > kMaxExactYen);
  std::vector<Sheet> sheets = {money_sheet(kBigRows)};
  const std::string max = std::to_string(kMaxYen), twice = std::to_string(2 * kMaxYen);
  const std::string huge = std::to_string(kMaxYen * static_cast<long long>(kBigRows));
  CHECK(max == "9999999999999");
  CHECK(sheets[0].main.rows[2].cells[1].yen == 2 * kMaxYen);
  CHECK(sheets[0].main.rows[2].cells[1].number == 0);  // never a double

  Diagnostics diags;
  auto tables = csv_tables(sheets);
  REQUIRE(tables.size() == 2);
  auto bytes = encode_csv(tables[0], CsvEncoding::Utf8Bom, diags);
  REQUIRE(bytes);
  auto parsed = parse_csv(bytes->substr(3));
  REQUIRE(parsed.records.size() == 4);
  CHECK(parsed.records[1].fields[1] == max);
  CHECK(parsed.records[3].fields[1] == twice);
  auto big = encode_csv(tables[1], CsvEncoding::Utf8Bom, diags);
  REQUIRE(big);
  CHECK(parse_csv(big->substr(3)).records.back().fields[1] == huge);

  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kyosei-money-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string path = (dir / "money.xlsx").string();
  Municipality mu;
  mu.name = "架空町";
  REQUIRE(write_workbook({path, "t", "s", "テスト"}, mu, sheets, diags));
  auto book = read_xlsx(path, "money.xlsx", diags);
  fs::remove_all(dir);
  REQUIRE(book);
  CHECK_FALSE(diags.has_errors());
  const XlsxSheet* main = book->sheet("財源");
  REQUIRE(main);
  const XlsxCell& amount = main->cell(2, 1);  // B2
  CHECK(amount.kind == XlsxCell::Kind::Number);
  CHECK(amount.text == max);
  CHECK(amount.number == static_cast<double>(kMaxYen));
  const XlsxCell& sum = main->cell(4, 1);  // B4: =SUM(B2:B3)
  CHECK(sum.formula);
  CHECK(sum.text == twice);
  // Past 2^53 a double would round the total: it is written with all its digits.
  const XlsxSheet* extra = book->sheet("大きな合計");
  REQUIRE(extra);
  const XlsxCell& huge_sum = extra->cell(3 + static_cast<int>(kBigRows), 1);
  CHECK(huge_sum.formula);
  CHECK(huge_sum.text == huge);
}

}  // namespace kyosei
