#include "write/xlsx/xlsx_inventory.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "base/file_system.h"
#include "base/zip_reader.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

Dataset sample() {
  Dataset d;
  d.municipality.name = "架空市";
  d.municipality.fiscal_year = 2026;
  d.areas = {{"A01", "北圏域", 2, "A00", {}, {}, 2}};
  Service a;
  a.id = "S001";
  a.name = "地域包括支援センター運営";
  a.field = "高齢";
  a.related_fields = {"保健医療", "地域福祉"};
  a.functions = {"相談支援"};
  a.jusou_codes = {"1イ"};
  a.department = "高齢福祉課";
  a.method = "委託";
  a.provider = "社会福祉法人架空会";
  a.areas = {"A01"};
  a.sites = 3;
  a.cost = 12345678;
  a.start_year = 2021;
  a.target = "高齢者とその家族";
  a.summary_markdown = "**総合相談**を受ける。<script>x</script>";
  Service b;
  b.id = "S002";
  b.name = "=HYPERLINK(\"x\")";
  b.field = "障害";
  b.functions = {"相談支援", "参加支援"};
  b.department = "+障害福祉課";
  b.method = "直営";
  b.is_public = false;
  for (int i = 0; i < 40; ++i) b.target += "あ";  // 80 cells wide: over the 対象 column's cap
  d.services = {a, b};
  return d;
}

struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / ("kyosei_xlsx_test_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

// The shared strings in index order.
std::vector<std::string> shared_strings(const std::string& xml) {
  std::vector<std::string> out;
  std::regex si("<si><t[^>]*>([^<]*)</t></si>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), si); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

// The XML of one cell ("B3"), or "".
std::string cell_xml(const std::string& sheet, const std::string& ref) {
  std::regex c("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)");
  std::smatch m;
  return std::regex_search(sheet, m, c) ? m.str(0) : "";
}

// The text of a shared-string cell.
std::string cell_string(const std::string& sheet, const std::vector<std::string>& strings, const std::string& ref) {
  std::string xml = cell_xml(sheet, ref);
  std::smatch m;
  if (xml.find("t=\"s\"") == std::string::npos || !std::regex_search(xml, m, std::regex("<v>(\\d+)</v>")))
    return "";
  size_t i = std::stoul(m[1]);
  return i < strings.size() ? strings[i] : "";
}

}  // namespace

TEST_CASE("inventory workbook: sheet content, layout and print setup") {
  TempDir dir;
  std::string path = (dir.path / "out" / "棚卸一覧.xlsx").string();
  Diagnostics diags;
  REQUIRE(write_inventory_workbook(sample(), builtin_reference(), path, diags));
  CHECK_FALSE(diags.has_errors());

  auto entries = list_zip_entries(path);
  CHECK(std::find(entries.begin(), entries.end(), "xl/worksheets/sheet1.xml") != entries.end());
  auto sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  auto sst = read_zip_entry(path, "xl/sharedStrings.xml");
  auto workbook = read_zip_entry(path, "xl/workbook.xml");
  auto styles = read_zip_entry(path, "xl/styles.xml");
  REQUIRE(sheet);
  REQUIRE(sst);
  REQUIRE(workbook);
  REQUIRE(styles);
  auto strings = shared_strings(*sst);

  SUBCASE("header row") {
    const char* headers[] = {"ID",     "事業名", "分野",     "関連分野", "機能",   "重層区分",
                             "所管課", "実施方法", "実施主体", "圏域",     "拠点数", "事業費",
                             "開始年度", "対象",   "概要",     "公開"};
    std::string cols = "ABCDEFGHIJKLMNOP";
    for (size_t i = 0; i < 16; ++i) CHECK(cell_string(*sheet, strings, cols.substr(i, 1) + "1") == headers[i]);
    CHECK(workbook->find("name=\"棚卸一覧\"") != std::string::npos);
  }

  SUBCASE("values") {
    CHECK(cell_string(*sheet, strings, "A2") == "S001");
    CHECK(cell_string(*sheet, strings, "D2") == "保健医療、地域福祉");
    CHECK(cell_string(*sheet, strings, "J2") == "北圏域");
    CHECK(cell_string(*sheet, strings, "J3") == "全域");
    CHECK(cell_xml(*sheet, "K2").find("<v>3</v>") != std::string::npos);
    CHECK(cell_xml(*sheet, "L2").find("<v>12345678</v>") != std::string::npos);
    CHECK(cell_string(*sheet, strings, "M2") == "令和3年度（2021年度）");
    CHECK(cell_string(*sheet, strings, "O2") == "総合相談を受ける。x");
    CHECK(cell_string(*sheet, strings, "P2") == "する");
    CHECK(cell_string(*sheet, strings, "P3") == "しない");
    CHECK(styles->find("#,##0") != std::string::npos);
  }

  SUBCASE("unknown numbers are blank, never 0") {
    std::string k3 = cell_xml(*sheet, "K3"), l3 = cell_xml(*sheet, "L3"), m3 = cell_xml(*sheet, "M3");
    REQUIRE_FALSE(l3.empty());  // written, with its border
    CHECK(l3.find("<v>") == std::string::npos);
    CHECK(k3.find("<v>") == std::string::npos);
    CHECK(m3.find("<v>") == std::string::npos);
  }

  SUBCASE("formula-like input stays text") {
    CHECK(cell_xml(*sheet, "B3").find("t=\"s\"") != std::string::npos);
    std::string name = cell_string(*sheet, strings, "B3");
    CHECK((name == "=HYPERLINK(\"x\")" || name == "=HYPERLINK(&quot;x&quot;)"));
    CHECK(cell_string(*sheet, strings, "G3") == "+障害福祉課");
    CHECK(sheet->find("<f>") == std::string::npos);
  }

  SUBCASE("frozen header, autofilter, print setup") {
    CHECK(std::regex_search(*sheet, std::regex("<pane [^>]*xSplit=\"2\"[^>]*ySplit=\"1\"")));
    CHECK(sheet->find("<autoFilter ref=\"A1:P3\"") != std::string::npos);
    CHECK(std::regex_search(*sheet, std::regex("<pageSetup [^>]*paperSize=\"9\"")));
    CHECK(std::regex_search(*sheet, std::regex("<pageSetup [^>]*orientation=\"landscape\"")));
    // 16 columns do not fit one A4 width at 8 pt: a fixed legible scale over pages across, 事業名 repeated.
    CHECK(std::regex_search(*sheet, std::regex("<pageSetup [^>]*scale=\"75\"")));
    CHECK(sheet->find("fitToPage=\"1\"") == std::string::npos);
    CHECK(workbook->find("棚卸一覧'!$A:$B") != std::string::npos);  // ID and 事業名 on every page across
    CHECK(workbook->find("_xlnm.Print_Titles") != std::string::npos);
    CHECK(workbook->find("棚卸一覧'!$1:$1") != std::string::npos);
    CHECK(sheet->find("<oddHeader>&amp;L架空市&amp;C棚卸一覧&amp;R令和8年度</oddHeader>") != std::string::npos);
    CHECK(sheet->find("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>") != std::string::npos);
  }

  SUBCASE("Japanese font, column widths") {
    CHECK(styles->find("游ゴシック") != std::string::npos);
    CHECK(styles->find("Calibri") != std::string::npos);  // only libxlsxwriter's unused default
    std::smatch m;
    // Column B (事業名): 「地域包括支援センター運営」 is 24 cells wide.
    REQUIRE(std::regex_search(*sheet, m, std::regex("<col min=\"2\" max=\"2\" width=\"([0-9.]+)\"")));
    double width = std::stod(m[1]);
    CHECK(width > 26);
    CHECK(width < 29);
    REQUIRE(std::regex_search(*sheet, m, std::regex("<col min=\"1\" max=\"1\" width=\"([0-9.]+)\"")));
    CHECK(std::stod(m[1]) >= 6);
    // Column N (対象): capped, and wrapped.
    REQUIRE(std::regex_search(*sheet, m, std::regex("<col min=\"14\" max=\"14\" width=\"([0-9.]+)\"[^>]*style=")));
    CHECK(std::stod(m[1]) < 32);
    CHECK(styles->find("wrapText=\"1\"") != std::string::npos);
  }
}

// One part of a written workbook; the test stops when it is missing.
std::string workbook_part(const std::string& path, const std::string& name) {
  auto bytes = read_zip_entry(path, name);
  REQUIRE_MESSAGE(bytes, name);
  return *bytes;
}

// The height (points) of sheet row `r` (1-based), 0 when not set.
double row_height(const std::string& sheet, int r) {
  std::smatch m;
  if (!std::regex_search(sheet, m, std::regex("<row r=\"" + std::to_string(r) + "\"[^>]* ht=\"([0-9.]+)\""))) return 0;
  return std::stod(m[1]);
}

TEST_CASE("inventory workbook: a long 概要 keeps its row one line; 事業の概要 prints it in full") {
  Dataset d = sample();
  d.services[0].summary_markdown = "日常生活圏域ごとに1か所を委託で設置している。\n\n- 総合相談支援\n- 権利擁護\n- 包括的・継続的ケアマネジメント支援";
  TempDir dir;
  std::string path = (dir.path / "棚卸一覧.xlsx").string();
  Diagnostics diags;
  REQUIRE(write_inventory_workbook(d, builtin_reference(), path, diags));
  const std::string main = workbook_part(path, "xl/worksheets/sheet1.xml");
  const std::string summaries = workbook_part(path, "xl/worksheets/sheet2.xml");
  auto strings = shared_strings(workbook_part(path, "xl/sharedStrings.xml"));
  CHECK(workbook_part(path, "xl/workbook.xml").find("name=\"事業の概要\"") != std::string::npos);

  // 棚卸一覧: the whole text in the cell, but the row stays one line high.
  const std::string full = cell_string(main, strings, "O2");
  CHECK(full.find("包括的・継続的ケアマネジメント支援") != std::string::npos);
  CHECK(full.find('\n') != std::string::npos);
  CHECK(row_height(main, 2) == doctest::Approx(18));  // one line of 11 pt

  // 事業の概要 (its caption in row 1): ID, 事業名, 概要 of the services that
  // have one, the row as tall as the text.
  CHECK(cell_string(summaries, strings, "A1") == "事業の概要");
  CHECK(cell_string(summaries, strings, "A2") == "ID");
  CHECK(cell_string(summaries, strings, "C2") == "概要");
  CHECK(cell_string(summaries, strings, "A3") == "S001");
  CHECK(cell_string(summaries, strings, "B3") == "地域包括支援センター運営");
  CHECK(cell_string(summaries, strings, "C3") == full);
  CHECK(row_height(summaries, 3) >= 4 * 18);  // four lines
  CHECK(cell_xml(summaries, "A4").empty());  // S002 has no 概要

  // No service with a 概要: no empty 事業の概要 sheet.
  d.services[0].summary_markdown.clear();
  std::string bare = (dir.path / "概要なし.xlsx").string();
  REQUIRE(write_inventory_workbook(d, builtin_reference(), bare, diags));
  CHECK(workbook_part(bare, "xl/workbook.xml").find("事業の概要") == std::string::npos);
  CHECK_FALSE(read_zip_entry(bare, "xl/worksheets/sheet2.xml"));
}

TEST_CASE("inventory workbook: two writes are byte-identical") {
  TempDir dir;
  std::string a = (dir.path / "a.xlsx").string(), b = (dir.path / "b.xlsx").string();
  Diagnostics diags;
  REQUIRE(write_inventory_workbook(sample(), builtin_reference(), a, diags));
  REQUIRE(write_inventory_workbook(sample(), builtin_reference(), b, diags));
  auto x = read_file(a), y = read_file(b);
  REQUIRE(x);
  REQUIRE(y);
  CHECK(*x == *y);
  auto core = read_zip_entry(a, "docProps/core.xml");
  REQUIRE(core);
  CHECK(core->find("2026-04-01T00:00:00Z") != std::string::npos);
  CHECK(core->find("棚卸一覧（架空市・令和8年度（2026年度））") != std::string::npos);
}

TEST_CASE("inventory workbook: an unwritable path is an error naming the file") {
  TempDir dir;
  fs::create_directories(dir.path);
  std::string blocker = (dir.path / "file").string();
  REQUIRE(write_file(blocker, "x"));
  std::string path = blocker + "/棚卸一覧.xlsx";
  Diagnostics diags;
  CHECK_FALSE(write_inventory_workbook(sample(), builtin_reference(), path, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message.find(path) != std::string::npos);
}

}  // namespace kyosei
