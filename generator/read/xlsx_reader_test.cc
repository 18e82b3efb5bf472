#include "read/xlsx_reader.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>

#include "base/dates.h"
#include "base/file_system.h"
#include "base/zip_reader.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("kyosei_xlsx_reader_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& n) const { return (path / n).string(); }
};

// Replaces (or adds) one entry of a zip archive, as a user's tool might.
void replace_entry(const std::string& zip_path, const std::string& entry, const std::string& bytes) {
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), 0, &err);
  REQUIRE(z);
  zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
  REQUIRE(src);
  REQUIRE(zip_file_add(z, entry.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
  REQUIRE(zip_close(z) == 0);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

lxw_format* number_format(lxw_workbook* wb, const char* code) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, code);
  return f;
}

// A workbook with one cell of each kind kyosei must read.
void write_sample(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "services（既存事業・取組の棚卸）");
  worksheet_write_string(ws, 0, 0, "事業名", nullptr);
  worksheet_write_string(ws, 1, 0, "=1+1", nullptr);  // a string that looks like a formula
  worksheet_write_number(ws, 2, 0, 12, nullptr);
  worksheet_write_number(ws, 3, 0, 0.1 + 0.2, nullptr);
  worksheet_write_number(ws, 4, 0, 1234567.5, nullptr);
  worksheet_write_number(ws, 5, 0, -3, nullptr);
  worksheet_write_boolean(ws, 6, 0, 1, nullptr);
  worksheet_write_boolean(ws, 7, 0, 0, nullptr);
  double serial = excel_serial(Date{2026, 5, 12});
  worksheet_write_number(ws, 8, 0, serial, number_format(wb, "yyyy/m/d"));
  lxw_format* builtin14 = workbook_add_format(wb);
  format_set_num_format_index(builtin14, 14);
  worksheet_write_number(ws, 9, 0, serial, builtin14);
  worksheet_write_number(ws, 10, 0, serial, number_format(wb, "[$-ja-JP]ggge\"年\"m\"月\"d\"日\""));
  worksheet_write_number(ws, 11, 0, serial, number_format(wb, "yyyy\"年\"m\"月\""));
  worksheet_write_number(ws, 12, 0, 0.294, number_format(wb, "0.0%"));
  worksheet_write_number(ws, 13, 0, 1500, number_format(wb, "0.00E+00"));
  worksheet_write_number(ws, 14, 0, 1000000, number_format(wb, "#,##0"));
  worksheet_write_number(ws, 15, 0, serial + 0.4375, number_format(wb, "yyyy-mm-dd hh:mm"));
  worksheet_write_number(ws, 16, 0, 0.4375, number_format(wb, "h:mm"));
  lxw_rich_string_tuple bold_part{workbook_add_format(wb), const_cast<char*>("地域")};
  format_set_bold(bold_part.format);
  lxw_rich_string_tuple plain_part{nullptr, const_cast<char*>("包括支援センター")};
  lxw_rich_string_tuple* rich[] = {&bold_part, &plain_part, nullptr};
  worksheet_write_rich_string(ws, 17, 0, rich, nullptr);
  worksheet_write_formula_str(ws, 18, 0, "=\"高\"&\"齢\"", nullptr, "高齢");
  worksheet_write_formula_num(ws, 19, 0, "=6*7", nullptr, 42);
  worksheet_write_string(ws, 20, 0, "", nullptr);  // an empty string is an empty cell
  worksheet_write_blank(ws, 21, 0, builtin14);
  worksheet_write_string(ws, 11, 27, "AB12", nullptr);
  worksheet_write_string(ws, 22, 0, "改行\nあり", nullptr);
  lxw_worksheet* hidden = workbook_add_worksheet(wb, "選択肢");
  worksheet_write_string(hidden, 0, 0, "高齢", nullptr);
  worksheet_hide(hidden);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

}  // namespace

TEST_CASE("cell references and column letters") {
  CHECK(parse_cell_ref("A1") == std::pair<int, int>{1, 0});
  CHECK(parse_cell_ref("AB12") == std::pair<int, int>{12, 27});
  CHECK(parse_cell_ref("$C$3") == std::pair<int, int>{3, 2});
  CHECK(parse_cell_ref("XFD1048576") == std::pair<int, int>{1048576, 16383});
  CHECK_FALSE(parse_cell_ref("XFE1"));
  CHECK_FALSE(parse_cell_ref("A1048577"));
  CHECK_FALSE(parse_cell_ref("A0"));
  CHECK_FALSE(parse_cell_ref("1A"));
  CHECK_FALSE(parse_cell_ref("A"));
  CHECK_FALSE(parse_cell_ref("A1B"));
  CHECK_FALSE(parse_cell_ref(""));
  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(27) == "AB");
  CHECK(column_letters(701) == "ZZ");
  CHECK(column_letters(702) == "AAA");
  CHECK(column_letters(16383) == "XFD");
  for (int c : {0, 1, 25, 26, 51, 52, 700, 701, 702, 16383})
    CHECK(parse_cell_ref(column_letters(c) + "7") == std::pair<int, int>{7, c});
}

TEST_CASE("Excel date serials, 1900 and 1904 systems") {
  CHECK(*excel_serial_to_date(1) == Date{1900, 1, 1});
  CHECK(*excel_serial_to_date(59) == Date{1900, 2, 28});
  CHECK_FALSE(excel_serial_to_date(60));  // Excel's 1900-02-29, a day that never was
  CHECK(*excel_serial_to_date(61) == Date{1900, 3, 1});
  CHECK(*excel_serial_to_date(46154.75) == Date{2026, 5, 12});
  CHECK(*excel_serial_to_date(0, true) == Date{1904, 1, 1});
  CHECK(*excel_serial_to_date(46154 - 1462, true) == Date{2026, 5, 12});
  CHECK_FALSE(excel_serial_to_date(0));
  CHECK_FALSE(excel_serial_to_date(-5));
  CHECK_FALSE(excel_serial_to_date(3e6));
  for (Date d : {Date{1900, 3, 1}, Date{1999, 12, 31}, Date{2000, 2, 29}, Date{2019, 5, 1}, Date{2026, 4, 1},
                 Date{9999, 12, 31}})
    CHECK(*excel_serial_to_date(excel_serial(d)) == d);
}

TEST_CASE("read_xlsx reads every kind of cell as Excel shows it") {
  TempDir dir("kinds");
  std::string path = dir.file("book.xlsx");
  write_sample(path);
  Diagnostics diags;
  auto book = read_xlsx(path, "book.xlsx", diags);
  REQUIRE(book);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(book->sheets.size() == 2);
  const XlsxSheet& s = book->sheets[0];
  CHECK(s.name == "services（既存事業・取組の棚卸）");
  CHECK_FALSE(s.hidden);
  CHECK(book->sheets[1].hidden);
  CHECK(book->sheet("選択肢") == &book->sheets[1]);

  auto text = [&](int row, int col) { return s.cell(row, col).text; };
  CHECK(text(1, 0) == "事業名");
  CHECK(text(2, 0) == "=1+1");
  CHECK(s.cell(2, 0).kind == XlsxCell::Kind::Text);
  CHECK(text(3, 0) == "12");
  CHECK(s.cell(3, 0).kind == XlsxCell::Kind::Number);
  CHECK(s.cell(3, 0).number == 12);
  CHECK(text(4, 0) == "0.3");
  CHECK(text(5, 0) == "1234567.5");
  CHECK(text(6, 0) == "-3");
  CHECK(text(7, 0) == "TRUE");
  CHECK(s.cell(7, 0).kind == XlsxCell::Kind::Boolean);
  CHECK(text(8, 0) == "FALSE");
  CHECK(text(9, 0) == "2026-05-12");
  CHECK(s.cell(9, 0).kind == XlsxCell::Kind::Date);
  CHECK(text(10, 0) == "2026-05-12");  // built-in format 14
  CHECK(text(11, 0) == "2026-05-12");  // 和暦 custom format
  CHECK(text(12, 0) == "2026-05");     // year and month only
  CHECK(text(13, 0) == "29.4%");
  CHECK(text(14, 0) == "1500");        // scientific is not a date (E+)
  CHECK(text(15, 0) == "1000000");
  CHECK(text(16, 0) == "2026-05-12 10:30");
  CHECK(text(17, 0) == "10:30");
  CHECK(text(18, 0) == "地域包括支援センター");  // rich text runs joined
  CHECK(text(19, 0) == "高齢");                  // a formula's cached string
  CHECK(s.cell(19, 0).formula);
  CHECK(text(20, 0) == "42");
  CHECK(s.cell(21, 0).kind == XlsxCell::Kind::Empty);
  CHECK(s.cell(22, 0).kind == XlsxCell::Kind::Empty);
  CHECK(text(12, 27) == "AB12");
  CHECK(text(23, 0) == "改行\nあり");
  CHECK(s.cell(500, 3).kind == XlsxCell::Kind::Empty);
  CHECK(s.max_row() == 23);
  CHECK(s.column_count() == 28);
}

TEST_CASE("inline strings (constant-memory workbooks) are read") {
  TempDir dir("inline");
  std::string path = dir.file("inline.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = const_cast<char*>(dir.path.c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "areas（圏域）");
  worksheet_write_string(ws, 0, 0, "ID", nullptr);
  worksheet_write_string(ws, 0, 1, "名称", nullptr);
  worksheet_write_string(ws, 1, 0, "A00", nullptr);
  worksheet_write_string(ws, 1, 1, "市全域 & <北>", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  auto sheet_xml = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet_xml);
  REQUIRE(sheet_xml->find("t=\"inlineStr\"") != std::string::npos);

  Diagnostics diags;
  auto book = read_xlsx(path, "inline.xlsx", diags);
  REQUIRE(book);
  CHECK_FALSE(diags.has_errors());
  CHECK(book->sheets[0].cell(2, 1).text == "市全域 & <北>");
  CHECK(book->sheets[0].cell(1, 0).text == "ID");
}

TEST_CASE("shared strings: rich runs joined, furigana dropped, _xHHHH_ decoded") {
  TempDir dir("furigana");
  std::string path = dir.file("ruby.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "staff（コーディネーター等の名簿）");
  worksheet_write_string(ws, 0, 0, "PLACEHOLDER0", nullptr);
  worksheet_write_string(ws, 1, 0, "PLACEHOLDER1", nullptr);
  worksheet_write_string(ws, 2, 0, "PLACEHOLDER2", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  // As Excel writes a name typed with an IME: the reading in <rPh>.
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">"
      "<si><t>架空 太郎</t><rPh sb=\"0\" eb=\"2\"><t>カクウ</t></rPh><rPh sb=\"3\" eb=\"5\"><t>タロウ</t></rPh>"
      "<phoneticPr fontId=\"1\"/></si>"
      "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">生活 </t></r><r><t>支援</t></r>"
      "<rPh sb=\"0\" eb=\"2\"><t>セイカツ</t></rPh></si>"
      "<si><t>行1_x000D_\n行2 _x005F_x0041_</t></si>"
      "</sst>";
  replace_entry(path, "xl/sharedStrings.xml", sst);
  Diagnostics diags;
  auto book = read_xlsx(path, "ruby.xlsx", diags);
  REQUIRE(book);
  CHECK_FALSE(diags.has_errors());
  CHECK(book->sheets[0].cell(1, 0).text == "架空 太郎");
  CHECK(book->sheets[0].cell(2, 0).text == "生活 支援");
  CHECK(book->sheets[0].cell(3, 0).text == "行1\r\n行2 _x0041_");
}

TEST_CASE("cells without references, prefixed XML and the 1904 date system") {
  TempDir dir("handmade");
  std::string path = dir.file("hand.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "シート");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy/mm/dd");
  worksheet_write_number(ws, 0, 0, 1, date);  // style 1 (cellXfs index 1) is the date
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  auto workbook_xml = read_zip_entry(path, "xl/workbook.xml");
  REQUIRE(workbook_xml);
  replace_entry(path, "xl/workbook.xml", replaced(*workbook_xml, "<workbookPr", "<workbookPr date1904=\"1\""));
  auto styles = read_zip_entry(path, "xl/styles.xml");
  REQUIRE(styles);
  int date_style = 1;
  // A sheet as some other producer writes it: prefixed elements, no r on
  // cells or rows, an inline string and a number in the date style.
  std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
      "<x:row><x:c t=\"inlineStr\"><x:is><x:t>見出し</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>"
      "<x:row><x:c s=\"" + std::to_string(date_style) + "\"><x:v>0</x:v></x:c>"
      "<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row>"
      "</x:sheetData></x:worksheet>";
  replace_entry(path, "xl/worksheets/sheet1.xml", sheet);
  Diagnostics diags;
  auto book = read_xlsx(path, "hand.xlsx", diags);
  REQUIRE(book);
  const XlsxSheet& s = book->sheets[0];
  CHECK(s.cell(1, 0).text == "見出し");
  CHECK(s.cell(1, 1).text == "7");
  CHECK(s.cell(2, 0).text == "1904-01-01");
  // The error value and the formula without a result are reported at their cells.
  REQUIRE(diags.error_count() == 2);
  CHECK(format_workbook_diagnostic(diags.items()[0]).rfind("hand.xlsx:シート!B2: エラー: セルがエラー値「#N/A」です", 0) == 0);
  CHECK(format_workbook_diagnostic(diags.items()[1]).rfind("hand.xlsx:シート!C2: エラー: 数式の計算結果が保存されていません", 0) == 0);
}

TEST_CASE("malformed sheet XML is reported with its sheet and cell; other sheets still read") {
  TempDir dir("broken");
  std::string path = dir.file("broken.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ok = workbook_add_worksheet(wb, "areas（圏域）");
  worksheet_write_string(ok, 0, 0, "ID", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "services（既存事業・取組の棚卸）");
  for (int r = 0; r < 5; ++r) worksheet_write_number(ws, r, 2, r, nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  auto xml = read_zip_entry(path, "xl/worksheets/sheet2.xml");
  REQUIRE(xml);
  // Cut inside cell C4.
  size_t at = xml->find("<c r=\"C4\"");
  REQUIRE(at != std::string::npos);
  replace_entry(path, "xl/worksheets/sheet2.xml", xml->substr(0, at + 14) + "<<");

  Diagnostics diags;
  auto book = read_xlsx(path, "入力様式.xlsx", diags);
  REQUIRE(book);
  REQUIRE(diags.error_count() == 1);
  std::string msg = format_workbook_diagnostic(diags.items()[0]);
  CHECK(msg.rfind("入力様式.xlsx:services（既存事業・取組の棚卸）!C4: エラー: シートの XML が壊れている", 0) == 0);
  CHECK(book->sheets[0].cell(1, 0).text == "ID");
  CHECK(book->sheets[1].cell(3, 2).text == "2");  // read up to the break

  // A shared string index past the table.
  auto sheet1 = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet1);
  replace_entry(path, "xl/worksheets/sheet1.xml", replaced(*sheet1, "<v>0</v>", "<v>99</v>"));
  Diagnostics d2;
  read_xlsx(path, "入力様式.xlsx", d2);
  bool found = false;
  for (const auto& d : d2.items())
    found |= format_workbook_diagnostic(d).rfind("入力様式.xlsx:areas（圏域）!A1: エラー: 文字列の番号「99」", 0) == 0;
  CHECK(found);
}

TEST_CASE("a DTD is refused (no entity expansion)") {
  TempDir dir("dtd");
  std::string path = dir.file("dtd.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "a"), 0, 0, "x", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  replace_entry(path, "xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>");
  Diagnostics diags;
  auto book = read_xlsx(path, "dtd.xlsx", diags);
  REQUIRE(book);
  REQUIRE(diags.has_errors());
  CHECK(format_workbook_diagnostic(diags.items()[0]).find("DTD") != std::string::npos);
}

TEST_CASE("files that are not .xlsx workbooks") {
  TempDir dir("notbook");
  Diagnostics diags;
  write_file(dir.file("a.xlsx"), "ID,名称\nA00,市全域\n");
  CHECK_FALSE(read_xlsx(dir.file("a.xlsx"), "a.xlsx", diags));
  write_file(dir.file("old.xls"), std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  CHECK_FALSE(read_xlsx(dir.file("old.xls"), "old.xls", diags));
  CHECK_FALSE(read_xlsx(dir.file("missing.xlsx"), "missing.xlsx", diags));
  REQUIRE(diags.error_count() == 3);
  CHECK(format_workbook_diagnostic(diags.items()[0]).rfind("a.xlsx: エラー: Excel ブック（.xlsx）ではありません", 0) == 0);
  CHECK(format_workbook_diagnostic(diags.items()[1]).find("古い形式の Excel ブック（.xls）") != std::string::npos);
}

TEST_CASE("workbook locations are printed Excel-style") {
  Diagnostic d{Severity::Error, {"入力様式.xlsx:services（既存事業・取組の棚卸）", 12, "F（事業費）"}, "「12万」は金額として読めません", "円単位の整数"};
  CHECK(format_workbook_diagnostic(d) ==
        "入力様式.xlsx:services（既存事業・取組の棚卸）!F12（事業費）: エラー: 「12万」は金額として読めません。期待される値: 円単位の整数");
  d.where.column = "";
  CHECK(format_workbook_diagnostic(d).rfind("入力様式.xlsx:services（既存事業・取組の棚卸）!12行目: エラー", 0) == 0);
  d.where = {"入力様式.xlsx:areas（圏域）", 1, "（層）"};
  CHECK(format_workbook_diagnostic(d).rfind("入力様式.xlsx:areas（圏域）!1行目（層）: エラー", 0) == 0);
  d.where = {"入力様式.xlsx", 0, ""};
  d.severity = Severity::Warning;
  CHECK(format_workbook_diagnostic(d).rfind("入力様式.xlsx: 警告: ", 0) == 0);
}

}  // namespace kyosei
