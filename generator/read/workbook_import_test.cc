#include "read/workbook_import.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <toml++/toml.h>

#include "base/dates.h"
#include "model/input_workbook.h"
#include "read/inputs_reader.h"
#include "read/municipality_reader.h"
#include "read/raw_inputs.h"
#include "write/xlsx/xlsx_template.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("kyosei_import_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& n) const { return (path / n).string(); }
};

const std::string kServices = sheet_name_for(*builtin_schema().file("services.csv"));

void write_municipality(lxw_workbook* wb, const std::vector<std::pair<std::string, std::string>>& rows,
                        bool boolean_cell = false) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, municipality_sheet_name().c_str());
  worksheet_write_string(ws, 0, 0, kKeyHeader, nullptr);
  worksheet_write_string(ws, 0, 1, kValueHeader, nullptr);
  lxw_row_t r = 1;
  for (const auto& [k, v] : rows) {
    worksheet_write_string(ws, r, 0, k.c_str(), nullptr);
    if (boolean_cell && k == "welfare_office") worksheet_write_boolean(ws, r, 1, v == "true", nullptr);
    else worksheet_write_string(ws, r, 1, v.c_str(), nullptr);
    ++r;
  }
}

XlsxWorkbook read_back(const std::string& path) {
  Diagnostics d;
  auto book = read_xlsx(path, "book.xlsx", d);
  REQUIRE(book);
  REQUIRE_FALSE(d.has_errors());
  return *book;
}

}  // namespace

TEST_CASE("every key of data/municipality_keys.toml is one the reader knows") {
  const auto& keys = builtin_municipality_keys();
  REQUIRE(keys.size() >= 10);
  std::string toml;
  std::string table;
  for (const auto& k : keys) {
    if (k.table() != table) {
      table = k.table();
      toml += "[" + table + "]\n";
    }
    std::string v = k.example;
    if (k.type == KeyType::Text || k.type == KeyType::Enum) v = toml_string(v);
    toml += k.name() + " = " + v + "\n";
  }
  MemoryFileSystem files;
  files.put("municipality.toml", toml);
  Municipality m;
  Diagnostics d;
  CHECK(read_municipality(files, m, d));
  CHECK(d.items().empty());  // no unknown key, no error
  // And every key the `kyosei init` sample sets is in the data.
  toml::table sample = toml::parse(kMunicipalityTemplate);
  for (const auto& [k, v] : sample) {
    if (auto* t = v.as_table()) {
      for (const auto& [k2, v2] : *t) {
        std::string key = std::string(k.str()) + "." + std::string(k2.str());
        CHECK_MESSAGE(std::any_of(keys.begin(), keys.end(), [&](auto& x) { return x.key == key; }), key);
      }
    } else {
      std::string key(k.str());
      CHECK_MESSAGE(std::any_of(keys.begin(), keys.end(), [&](auto& x) { return x.key == key; }), key);
    }
  }
}

TEST_CASE("toml_string escapes quotes, backslashes and control characters") {
  CHECK(toml_string("架空市") == "\"架空市\"");
  CHECK(toml_string("a\"b\\c\nd\te\x01") == "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  auto doc = toml::parse("v = " + toml_string("=1+1 \"引用\"\n\\改行"));
  CHECK(doc["v"].value_or(std::string()) == "=1+1 \"引用\"\n\\改行");
}

TEST_CASE("import: blank rows, line breaks, dates in 年月 columns; diagnostics back at their cells") {
  TempDir dir("rows");
  std::string path = dir.file("book.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  write_municipality(wb, {{"name", "架空市"}, {"welfare_office", "true"}, {"population", "182,000"},
                          {"aging_rate", "29.4%"}, {"fiscal_year", "R8"}, {"plan.start_year", "2025"},
                          {"site.contact", "電話 \"000\""}, {"unknown_key", "x"}},
                     true);
  lxw_worksheet* ws = workbook_add_worksheet(wb, kServices.c_str());
  worksheet_write_string(ws, 0, 0, "ID", nullptr);
  worksheet_write_string(ws, 0, 1, "概要", nullptr);
  worksheet_write_string(ws, 0, 3, "事業費", nullptr);  // C has no header
  worksheet_write_string(ws, 1, 0, "S1", nullptr);
  worksheet_write_string(ws, 1, 1, "1行目\n2行目, \"引用\"", nullptr);
  worksheet_write_number(ws, 1, 3, 1000000, nullptr);
  // row 3 blank
  worksheet_write_string(ws, 3, 0, "S2", nullptr);
  worksheet_write_string(ws, 3, 2, "見出しなし", nullptr);
  worksheet_write_string(ws, 3, 3, "12万", nullptr);
  lxw_worksheet* staff = workbook_add_worksheet(wb, "staff");  // the stem alone also matches
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy/m/d");
  worksheet_write_string(staff, 0, 0, "ID", nullptr);
  worksheet_write_string(staff, 0, 1, "着任年月", nullptr);
  worksheet_write_string(staff, 1, 0, "P1", nullptr);
  worksheet_write_number(staff, 1, 1, excel_serial(Date{2024, 4, 1}), date);
  workbook_add_worksheet(wb, "メモ");
  workbook_add_worksheet(wb, kGuideSheet);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  Diagnostics diags;
  ImportedFolder folder =
      import_workbook(read_back(path), "book.xlsx", builtin_schema(), builtin_municipality_keys(), diags);
  // Missing areas and meetings sheets; メモ is not a file; C4 has no header; unknown_key.
  std::vector<std::string> printed;
  for (const auto& d : diags.items()) printed.push_back(format_workbook_diagnostic(d));
  auto has = [&](const std::string& start) {
    return std::any_of(printed.begin(), printed.end(), [&](auto& p) { return p.rfind(start, 0) == 0; });
  };
  CHECK(has("book.xlsx: エラー: 「areas（圏域）」シートがありません"));
  CHECK(has("book.xlsx: エラー: 「meetings（会議体）」シートがありません"));
  CHECK(has("book.xlsx:メモ: 警告: 入力データ仕様のどのファイルにも当たらないシートです"));
  CHECK(has("book.xlsx:" + kServices + "!C4: 警告: 見出しのない列に値があります"));
  CHECK(has("book.xlsx:" + municipality_sheet_name() + "!A9: 警告: 「unknown_key」は入力データ仕様にない項目です"));
  CHECK(diags.error_count() == 2);

  const ImportedFile* services = folder.file("services.csv");
  REQUIRE(services);
  CHECK(services->bytes ==
        "ID,概要,,事業費\n"
        "S1,\"1行目\n2行目, \"\"引用\"\"\",,1000000\n"
        "S2,,,12万\n");
  // Record 2 starts on line 4 of the CSV but sits on row 4 of the sheet
  // (the line break in B2 and the blank row 3 cancel out); both map back.
  CHECK(services->row_of_line.at(1) == 1);
  CHECK(services->row_of_line.at(2) == 2);
  CHECK(services->row_of_line.at(4) == 4);
  Diagnostic d{Severity::Error, {"services.csv", 4, "事業費"}, "「12万」は金額として読めません", ""};
  CHECK(format_workbook_diagnostic(folder.locate(d)) ==
        "book.xlsx:" + kServices + "!D4（事業費）: エラー: 「12万」は金額として読めません");
  d.where = {"services.csv", 3, "概要"};  // a line inside the record of row 2
  CHECK(folder.locate(d).where.line == 2);
  d.where = {"services.csv", 1, "所管課"};  // a column the sheet lacks
  CHECK(format_workbook_diagnostic(folder.locate(d)).rfind("book.xlsx:" + kServices + "!1行目（所管課）: エラー", 0) == 0);
  d.where = {"documents/a.pdf", 0, ""};
  CHECK(folder.locate(d).where.file == "documents/a.pdf");

  const ImportedFile* staff_csv = folder.file("staff.csv");
  REQUIRE(staff_csv);
  CHECK(staff_csv->bytes == "ID,着任年月\nP1,2024-04\n");

  const ImportedFile* m = folder.file("municipality.toml");
  REQUIRE(m);
  auto doc = toml::parse(m->bytes);
  CHECK(doc["name"].value_or(std::string()) == "架空市");
  CHECK(doc["welfare_office"].value<bool>() == true);  // from an Excel TRUE
  CHECK(doc["population"].value<int64_t>() == 182000);
  CHECK(doc["aging_rate"].value<double>() == 29.4);
  CHECK(doc["fiscal_year"].value_or(std::string()) == "R8");  // a string the reader understands
  CHECK(doc["plan"]["start_year"].value<int64_t>() == 2025);
  CHECK(doc["site"]["contact"].value_or(std::string()) == "電話 \"000\"");
  d = {Severity::Error, {"municipality.toml", 7, "plan.title"}, "必須の項目「plan.title」がありません", ""};
  CHECK(format_workbook_diagnostic(folder.locate(d)).rfind(
            "book.xlsx:" + municipality_sheet_name() + ": エラー: 項目「plan.title」: 必須の項目", 0) == 0);
  d.where = {"municipality.toml", 3, "population"};
  CHECK(format_workbook_diagnostic(folder.locate(d)).rfind(
            "book.xlsx:" + municipality_sheet_name() + "!B4（population）: エラー", 0) == 0);
}

TEST_CASE("template -> import round trip in memory keeps every cell as written") {
  MemoryFileSystem files;
  files.put("municipality.toml",
            "name = \"架空町\"\ncode = 999997\nprefecture = \"架空県\"\nfiscal_year = \"令和8年度\"\n"
            "aging_rate = 41.0\nwelfare_office = false\njusou_status = \"移行準備\"\nextra = 1\n"
            "[plan]\ntitle = \"計画\"\nstart_year = 2025\nend_year = 2029\n[site]\ntitle = \"町\"\ncontact = \"町役場\"\n");
  files.put("areas.csv", "ＩＤ,名称,層,メモ\r\nT0,町全域,１,自由記述\r\n");
  files.put("services.csv",
            "ID,事業名,分野,機能,所管課,実施方法,概要\n"
            "S1,=1+1,高齢,相談支援;参加支援,福祉課,直営,\"**太字**\n- 項目\"\n"
            "\n"
            "S2,@SUM(A1),障害,相談支援,福祉課,直営,\n");
  Diagnostics d;
  RawInputs raw = read_raw_inputs(files, builtin_schema(), builtin_municipality_keys(), d);
  CHECK_FALSE(d.has_errors());
  CHECK(d.warning_count() == 1);  // extra = 1 has no row in the template
  CHECK(raw.municipality.fiscal_year == 2026);

  TempDir dir("memory");
  std::string path = dir.file("t.xlsx");
  REQUIRE(write_input_template(builtin_schema(), builtin_municipality_keys(), &raw, path, d));
  Diagnostics d2;
  ImportedFolder folder =
      import_workbook(read_back(path), "t.xlsx", builtin_schema(), builtin_municipality_keys(), d2);
  CHECK_FALSE(d2.has_errors());
  REQUIRE(folder.file("areas.csv"));
  // Contract columns in schema order, then the file's own column; text as written.
  CHECK(folder.file("areas.csv")->bytes == "ＩＤ,名称,層,上位圏域,人口,高齢化率,メモ\nT0,町全域,１,,,,自由記述\n");
  const std::string& s = folder.file("services.csv")->bytes;
  CHECK(s.find("S1,=1+1,高齢,,相談支援;参加支援,") != std::string::npos);
  CHECK(s.find("\"**太字**\n- 項目\"") != std::string::npos);
  CHECK(s.find("S2,@SUM(A1),障害") != std::string::npos);
  CHECK_FALSE(folder.file("indicators.csv"));  // optional and empty: not written
  auto doc = toml::parse(folder.file("municipality.toml")->bytes);
  CHECK(doc["code"].value_or(std::string()) == "999997");
  CHECK(doc["fiscal_year"].value_or(std::string()) == "令和8年度");
  CHECK(doc["aging_rate"].value<double>() == 41.0);
  CHECK(doc["welfare_office"].value<bool>() == false);
  CHECK_FALSE(doc["extra"]);
}

TEST_CASE("input messages fit Excel's limits") {
  for (const auto& f : builtin_schema().files)
    for (const auto& c : f.columns) {
      std::string m = column_input_message(c);
      CHECK(utf8_length(m) <= kMaxInputMessageChars);
      CHECK(m.find(c.help) == 0);
    }
  ColumnSpec long_help;
  long_help.name = "長い";
  for (int i = 0; i < 300; ++i) long_help.help += "説";
  std::string m = column_input_message(long_help);
  CHECK(utf8_length(m) == kMaxInputMessageChars);
  CHECK(m.substr(m.size() - 3) == "…");
}

}  // namespace kyosei
