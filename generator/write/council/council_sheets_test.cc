#include "write/council/council_sheets.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "analyse/funding.h"
#include "analyse/staffing.h"
#include "base/zip_reader.h"
#include "write/sheet/xlsx_sheet.h"

namespace kyosei {

namespace {

Dataset sample() {
  Dataset d;
  d.municipality.name = "架空市";
  d.municipality.prefecture = "架空県";
  d.municipality.fiscal_year = 2026;
  d.municipality.jusou_status = "実施";
  d.areas = {{"A00", "全域", 1, "", {}, {}, 2}};
  Service a;
  a.id = "S001";
  a.name = "=1+1";
  a.field = "高齢";
  a.functions = {"相談支援"};
  a.jusou_codes = {"1イ"};
  a.department = "+cmd";
  a.method = "直営";
  a.cost = 10'000'001;
  a.line = 2;
  Service b;
  b.id = "S002";
  b.name = "@SUM(A1)";
  b.field = "生活困窮";
  b.functions = {"相談支援", "多機関協働"};
  b.jusou_codes = {"1ニ", "5", "6"};
  b.department = "-2";
  b.method = "直営";
  b.cost = 30'000'000;
  b.allocations = {{"1ニ", 18'000'000}, {"5", 12'000'000}};
  b.line = 3;
  d.services = {a, b};
  Staff p;
  p.id = "P01";
  p.name = "架空 太郎";
  p.organisation = "地域福祉課";
  p.organisation_type = "市町村";
  p.fte = 1;
  p.roles = {{"相談支援包括化推進員", 0.6, 0.6}, {"医療的ケア児等コーディネーター", 0.4, 0.4}};
  p.arrived = YearMonth{2023, 4};
  p.line = 2;
  Staff q = p;
  q.id = "P02";
  q.name = "見本 花子";
  q.organisation_type = "社協";
  q.fte = 0.5;
  q.roles = {{"独自の役割", 1, 0.5}};
  q.line = 3;
  d.staff = {p, q};
  Meeting m;
  m.id = "M01";
  m.name = "支援会議";
  m.kinds = {"支援会議"};
  m.confidential = true;
  m.planned_per_year = 12;
  m.line = 2;
  Meeting open = m;
  open.id = "M02";
  open.name = "推進委員会";
  open.confidential = false;
  open.planned_per_year = 2;
  open.line = 3;
  d.meetings = {m, open};
  d.sessions = {{"M02", {2026, 7, 1}, 10, {}, {}, "計画の進捗", {}, 2},
                {"M01", {2026, 5, 21}, 8, {}, 3, "A世帯の支援方針", {"2026/支援会議.pdf"}, 3},
                {"M01", {2027, 4, 2}, 8, {}, 1, "年度外", {}, 4}};
  return d;
}

const Sheet& sheet_named(const std::vector<Sheet>& sheets, const std::string& name) {
  for (const auto& s : sheets)
    if (s.name == name) return s;
  FAIL("no sheet " << name);
  return sheets.front();
}

std::vector<std::string> all_text(const std::vector<Sheet>& sheets) {
  std::vector<std::string> out;
  auto add = [&](const SheetTable& t) {
    for (const auto& c : t.columns) out.push_back(c.header);
    for (const auto& r : t.rows)
      for (const auto& c : r.cells) out.push_back(c.text);
  };
  for (const auto& s : sheets) {
    add(s.main);
    for (const auto& t : s.extras) add(t);
    for (const auto& n : s.notes) out.push_back(n);
  }
  return out;
}

bool contains(const std::vector<std::string>& texts, const std::string& needle) {
  for (const auto& t : texts)
    if (t.find(needle) != std::string::npos) return true;
  return false;
}

const SheetRow& total_row(const SheetTable& t) {
  for (const auto& r : t.rows)
    if (r.total) return r;
  FAIL("no total row");
  return t.rows.front();
}

}  // namespace

TEST_CASE("council sheets: order and names") {
  Dataset d = sample();
  auto sheets = council_sheets({Analysis(d, builtin_reference()), Audience::Council});
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"概要", "棚卸一覧", "分野×機能", "重層事業対応表", "財源内訳", "人員配置",
                                          "兼務状況", "会議体", "開催実績", "自己点検", "指摘事項", "成果指標"});
  // 概要 lists every other sheet.
  // 概要 lists every other sheet and every extra table's own worksheet.
  const SheetTable& list = sheet_named(sheets, "概要").extras.at(0);
  size_t worksheets = 0;
  for (const auto& s : sheets) worksheets += 1 + (s.extras_below ? 0 : s.extras.size());
  CHECK(list.rows.size() == worksheets - 1);
}

TEST_CASE("council sheets: audience decides whether staff names and confidential agendas appear") {
  Dataset d = sample();
  auto council = all_text(council_sheets({Analysis(d, builtin_reference()), Audience::Council}));
  auto internal = all_text(council_sheets({Analysis(d, builtin_reference()), Audience::Internal}));
  for (const char* secret : {"架空 太郎", "見本 花子", "A世帯の支援方針", "2026/支援会議.pdf"}) {
    CHECK_FALSE(contains(council, secret));
    CHECK(contains(internal, secret));
  }
  CHECK(contains(council, "職員1"));
  CHECK_FALSE(contains(council, "P01"));
  CHECK(contains(internal, "P01"));
  CHECK(contains(council, "計画の進捗"));  // agendas of open meetings stay
  CHECK(contains(council, kConfidentialAgenda));
}

TEST_CASE("council sheets: 財源内訳 totals are formulas whose cached values equal the breakdown") {
  Dataset d = sample();
  auto sheets = council_sheets({Analysis(d, builtin_reference()), Audience::Council});
  const Sheet& f = sheet_named(sheets, "財源内訳");
  FundingBreakdown b = compute_funding(d, funding_ratios_of(d), 2026);
  const SheetRow& total = total_row(f.main);
  REQUIRE(total.cells[5].kind == SheetCell::Kind::Formula);
  CHECK(total.cells[5].text == "SUM(F2:F" + std::to_string(f.main.data_rows() + 1) + ")");
  CHECK(total.cells[5].number == 0);  // amounts stay integers (yen), never a double
  CHECK(total.cells[5].yen == b.total.amount);
  CHECK(total.cells[7].yen == b.total.national);
  CHECK(total.cells[9].yen == b.total.prefecture);
  CHECK(total.cells[10].yen == b.total.municipal);
  const SheetTable& by_go = f.extras.at(0);
  REQUIRE(by_go.rows.size() == b.by_go.size() + 1);
  for (size_t i = 0; i < b.by_go.size(); ++i) {
    if (b.by_go[i].computed_rows == 0) {  // no known money: 未把握, never 0円
      CHECK(by_go.rows[i].cells[2].kind == SheetCell::Kind::Text);
      CHECK(by_go.rows[i].cells[2].text == "未把握");
      continue;
    }
    CHECK(by_go.rows[i].cells[2].kind == SheetCell::Kind::Formula);
    CHECK(by_go.rows[i].cells[2].text.rfind("SUMIF(", 0) == 0);
    CHECK(by_go.rows[i].cells[2].yen == b.by_go[i].amount);
    CHECK(by_go.rows[i].cells[5].yen == b.by_go[i].municipal);
  }
  CHECK(total_row(by_go).cells[2].yen == b.total.amount);
}

TEST_CASE("council sheets: 人員配置 by 分野 agrees with analyse/staffing.h") {
  Dataset d = sample();
  auto sheets = council_sheets({Analysis(d, builtin_reference()), Audience::Council});
  const Sheet& s = sheet_named(sheets, "人員配置");
  StaffingSummary summary = compute_staffing(d, builtin_reference());
  const SheetTable& by_field = s.extras.at(0);
  REQUIRE(by_field.rows.size() == summary.by_field.size());
  for (size_t i = 0; i < summary.by_field.size(); ++i) {
    CHECK(by_field.rows[i].cells[0].text == summary.by_field[i].field);
    CHECK(by_field.rows[i].cells[1].number == doctest::Approx(summary.by_field[i].fte));
  }
  CHECK(total_row(s.main).cells[3].number == doctest::Approx(1.5));  // 0.6 + 0.4 (split in two 分野) + 0.5
  REQUIRE(s.charts.size() == 1);
  CHECK(s.charts[0].table == 1);
}

TEST_CASE("council sheets: 兼務状況 counts roles per person with COUNT") {
  Dataset d = sample();
  auto sheets = council_sheets({Analysis(d, builtin_reference()), Audience::Council});
  const SheetTable& t = sheet_named(sheets, "兼務状況").main;
  const SheetCell& count = t.rows[0].cells.back();
  CHECK(count.kind == SheetCell::Kind::Formula);
  CHECK(count.number == 2);
  CHECK(t.rows[0].cells[4].kind == SheetCell::Kind::Date);  // 着任年月 as a real date
}

TEST_CASE("council sheets: 開催実績 by date, months of the fiscal year") {
  Dataset d = sample();
  auto sheets = council_sheets({Analysis(d, builtin_reference()), Audience::Council});
  const Sheet& s = sheet_named(sheets, "開催実績");
  CHECK(s.main.rows[0].cells[0].date == Date{2026, 5, 21});
  CHECK(s.main.rows[0].cells[0].kind == SheetCell::Kind::Date);
  const SheetTable& months = s.extras.at(0);
  REQUIRE(months.rows.size() == 13);
  CHECK(months.rows[0].cells[0].text == "4月");
  CHECK(months.rows[1].cells[1].number == 1);  // May
  CHECK(total_row(months).cells[1].number == 2);  // the 2027-04 session is outside the year
  CHECK(contains(s.notes, "年度の外の日付"));
}

TEST_CASE("council workbook: print settings, formulas with values, dates and text as written") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kyosei_council_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  Dataset d = sample();
  auto sheets = council_sheets({Analysis(d, builtin_reference()), Audience::Council});
  std::string path = (dir / "審議会資料.xlsx").string();
  Diagnostics diags;
  REQUIRE(write_workbook({path, "審議会資料", "件名", "審議会資料"}, d.municipality, sheets, diags));

  auto book = read_zip_entry(path, "xl/workbook.xml");
  auto styles = read_zip_entry(path, "xl/styles.xml");
  REQUIRE(book);
  REQUIRE(styles);
  CHECK(styles->find("ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;") != std::string::npos);
  CHECK(styles->find("<name val=\"游ゴシック\"/><family val=\"3\"/>") != std::string::npos);
  // Worksheets in order: each sheet, then its extras on worksheets of their own.
  struct Worksheet {
    const Sheet* sheet;
    std::string name;
    bool extra;
  };
  std::vector<Worksheet> worksheets;
  for (const auto& s : sheets) {
    worksheets.push_back({&s, s.name, false});
    for (size_t k = 1; !s.extras_below && k <= s.extras.size(); ++k) worksheets.push_back({&s, s.worksheet_of(k), true});
  }
  for (size_t i = 0; i < worksheets.size(); ++i) {
    const Worksheet& w = worksheets[i];
    CAPTURE(w.name);
    auto xml = read_zip_entry(path, "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
    REQUIRE(xml);
    CHECK(std::regex_search(*xml, std::regex("<pageSetup [^>]*paperSize=\"9\"")));
    CHECK(xml->find(std::string("orientation=\"") + (w.sheet->landscape ? "landscape" : "portrait") + "\"") !=
          std::string::npos);
    // One page wide, or (too wide for that at 8 pt) a fixed legible scale.
    CHECK((xml->find("fitToPage=\"1\"") != std::string::npos || xml->find("scale=\"75\"") != std::string::npos));
    CHECK(xml->find(w.extra ? "ySplit=\"2\"" : "ySplit=\"1\"") != std::string::npos);
    CHECK((xml->find("<autoFilter ") != std::string::npos) == !w.extra);
    CHECK(xml->find("<oddHeader>&amp;L架空市&amp;C" + w.name) != std::string::npos);
    if (!w.sheet->extras_below)  // print titles: the worksheet's own header row
      CHECK(book->find("'" + w.name + "'!$" + (w.extra ? "2:$2" : "1:$1")) != std::string::npos);
    CHECK(std::regex_search(*book, std::regex("_xlnm.Print_Area\" localSheetId=\"" + std::to_string(i) + "\"")));
  }
  size_t funding_index = 0;
  while (worksheets[funding_index].name != "財源内訳") ++funding_index;
  auto funding = read_zip_entry(path, "xl/worksheets/sheet" + std::to_string(funding_index + 1) + ".xml");
  auto by_go = read_zip_entry(path, "xl/worksheets/sheet" + std::to_string(funding_index + 2) + ".xml");
  REQUIRE(funding);
  REQUIRE(by_go);
  CHECK(std::regex_search(*funding, std::regex("<f>SUM\\(F2:F\\d+\\)</f><v>40000001</v>")));
  CHECK(std::regex_search(*by_go, std::regex("<f>SUMIF\\('財源内訳'![^<]*\\)</f><v>\\d+</v>")));
  // Input text that looks like a formula is a shared string, not a formula.
  auto inventory = read_zip_entry(path, "xl/worksheets/sheet2.xml");
  REQUIRE(inventory);
  CHECK(inventory->find("<f>") == std::string::npos);
  CHECK(std::regex_search(*inventory, std::regex("<c r=\"B2\"[^>]*t=\"s\"")));
  auto strings = read_zip_entry(path, "xl/sharedStrings.xml");
  REQUIRE(strings);
  for (const char* s : {"=1+1", "+cmd", "-2", "@SUM(A1)"}) CHECK(strings->find(std::string(">") + s + "<") != std::string::npos);
  // Charts: FTE by 分野 and sessions per month.
  CHECK(read_zip_entry(path, "xl/charts/chart1.xml"));
  CHECK(read_zip_entry(path, "xl/charts/chart2.xml"));
  fs::remove_all(dir);
}

}  // namespace kyosei
