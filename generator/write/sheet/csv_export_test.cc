#include "write/sheet/csv_export.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "base/file_system.h"
#include "read/csv.h"
#include "read/encoding.h"

namespace kyosei {

namespace {

Sheet sample_sheet() {
  Sheet s;
  s.name = "棚卸一覧";
  s.main.name = s.name;
  s.main.columns = {{"ID"}, {"事業名"}, {"事業費", CellFormat::Yen}, {"開始", CellFormat::Date}, {"常勤換算", CellFormat::Decimal}};
  s.main.add_row({"services.csv", 2, ""}).cells = {SheetCell::of_text("S001"), SheetCell::of_text("見守り, \"ふれあい\"\n訪問"),
                                                  SheetCell::of_number(1234000.0), SheetCell::of_date({2026, 5, 21}),
                                                  SheetCell::of_number(0.6)};
  s.main.add_row({"services.csv", 3, ""}).cells = {SheetCell::of_text("S002"), SheetCell::of_text("=1+1"),
                                                  SheetCell::blank(), SheetCell::of_month({2024, 4}),
                                                  SheetCell::of_formula("SUM(E2:E2)", 1.0 / 3)};
  SheetTable extra;
  extra.name = "号別の合計";
  extra.columns = {{"号"}};
  extra.add_row().cells = {SheetCell::of_text("第1号")};
  s.extras.push_back(extra);
  SheetTable hidden;
  hidden.name = "一覧";
  hidden.csv = false;
  s.extras.push_back(hidden);
  return s;
}

}  // namespace

TEST_CASE("parse_csv_encoding") {
  CHECK(parse_csv_encoding("utf-8") == CsvEncoding::Utf8Bom);
  CHECK(parse_csv_encoding("UTF8") == CsvEncoding::Utf8Bom);
  CHECK(parse_csv_encoding("cp932") == CsvEncoding::Cp932);
  CHECK(parse_csv_encoding("Shift_JIS") == CsvEncoding::Cp932);
  CHECK_FALSE(parse_csv_encoding("latin1"));
}

TEST_CASE("csv_tables: one file per exported table") {
  std::vector<Sheet> sheets = {sample_sheet()};
  auto files = csv_tables(sheets);
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "csv/棚卸一覧.csv");
  CHECK(files[1].path == "csv/棚卸一覧_号別の合計.csv");
}

TEST_CASE("encode_csv: UTF-8 with BOM, CRLF, quoting, values") {
  std::vector<Sheet> sheets = {sample_sheet()};
  Diagnostics diags;
  auto bytes = encode_csv(csv_tables(sheets)[0], CsvEncoding::Utf8Bom, diags);
  REQUIRE(bytes);
  CHECK(bytes->substr(0, 3) == "\xEF\xBB\xBF");
  auto parsed = parse_csv(bytes->substr(3));
  CHECK(parsed.errors.empty());
  REQUIRE(parsed.records.size() == 3);
  CHECK(parsed.records[0].fields == std::vector<std::string>{"ID", "事業名", "事業費", "開始", "常勤換算"});
  CHECK(parsed.records[1].fields == std::vector<std::string>{"S001", "見守り, \"ふれあい\"\n訪問", "1234000", "2026-05-21", "0.6"});
  // A formula-like text gets the apostrophe Excel shows as text; a formula cell its value.
  CHECK(parsed.records[2].fields == std::vector<std::string>{"S002", "'=1+1", "", "2024-04", "0.333"});
  // Records end with CRLF; the line break inside the quoted cell is kept as written.
  CHECK(bytes->find("0.6\r\n") != std::string::npos);
  CHECK(bytes->substr(bytes->size() - 2) == "\r\n");
  CHECK(parsed.records[2].line == 4);  // the quoted line break makes record 2 span lines 2-3
}

TEST_CASE("encode_csv: CP932 without BOM, readable back") {
  std::vector<Sheet> sheets = {sample_sheet()};
  Diagnostics diags;
  auto bytes = encode_csv(csv_tables(sheets)[0], CsvEncoding::Cp932, diags);
  REQUIRE(bytes);
  CHECK(bytes->substr(0, 3) != "\xEF\xBB\xBF");
  auto back = convert_encoding(*bytes, "CP932", "UTF-8");
  REQUIRE(back);
  CHECK(back->find("見守り") != std::string::npos);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("encode_csv: a character CP932 lacks is an error naming the input row, the CSV place and the character") {
  Sheet s = sample_sheet();
  s.main.rows[1].cells[1] = SheetCell::of_text("𠮷野家の見守り😀");
  std::vector<Sheet> sheets = {s};
  Diagnostics diags;
  CHECK_FALSE(encode_csv(csv_tables(sheets)[0], CsvEncoding::Cp932, diags));
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.where.file == "services.csv");
  CHECK(d.where.line == 3);
  CHECK(d.where.column == "事業名");
  CHECK(d.message.find("「𠮷」（U+20BB7）") != std::string::npos);
  CHECK(d.message.find("「😀」（U+1F600）") != std::string::npos);
  CHECK(d.message.find("csv/棚卸一覧.csv の 4 行目「事業名」列") != std::string::npos);

  Diagnostics check_diags;
  CHECK_FALSE(check_csv_tables(sheets, CsvEncoding::Cp932, check_diags));
  CHECK(check_diags.error_count() == 1);
  Diagnostics utf8;
  CHECK(check_csv_tables(sheets, CsvEncoding::Utf8Bom, utf8));
}

TEST_CASE("write_csv_tables: files under csv/") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kyosei_csv_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::vector<Sheet> sheets = {sample_sheet()};
  Diagnostics diags;
  REQUIRE(write_csv_tables(sheets, CsvEncoding::Utf8Bom, dir.string(), diags));
  CHECK(fs::exists(dir / "csv" / "棚卸一覧.csv"));
  CHECK(fs::exists(dir / "csv" / "棚卸一覧_号別の合計.csv"));
  CHECK_FALSE(fs::exists(dir / "csv" / "棚卸一覧_一覧.csv"));
  fs::remove_all(dir);
}

}  // namespace kyosei

namespace kyosei {

TEST_CASE("encode_csv: OWASP neutralisation of cells and headers") {
  Sheet s;
  s.name = "兼務状況";
  s.main.name = s.name;
  s.main.columns = {{"=cmd|' /C calc'!A0"}, {"名前"}, {"金額", CellFormat::Yen}};
  const char* risky[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =1", "\xE3\x80\x80=1", "＝1", "＋1", "－1", "＠a"};
  for (const char* r : risky)
    s.main.add_row().cells = {SheetCell::of_text(r), SheetCell::of_text("ふつう"), SheetCell::of_number(-5)};
  std::vector<Sheet> sheets = {s};
  Diagnostics diags;
  auto bytes = encode_csv(csv_tables(sheets)[0], CsvEncoding::Utf8Bom, diags);
  REQUIRE(bytes);
  auto parsed = parse_csv(bytes->substr(3));
  REQUIRE(parsed.records.size() == 13);
  CHECK(parsed.records[0].fields[0] == "'=cmd|' /C calc'!A0");
  CHECK(parsed.records[0].fields[1] == "名前");
  for (size_t i = 1; i < parsed.records.size(); ++i) {
    CAPTURE(i);
    CHECK(parsed.records[i].fields[0] == "'" + std::string(risky[i - 1]));
    CHECK(parsed.records[i].fields[1] == "ふつう");
    CHECK(parsed.records[i].fields[2] == "-5");  // a number is not text
  }
}

}  // namespace kyosei
