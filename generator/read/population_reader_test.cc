// 「地域・年齢別人口」 open data: header variants, 性別 rows, CP932, the 65歳
// boundary, and the areas it fills (analyse/area_population.h).
#include <doctest/doctest.h>

#include "analyse/area_population.h"
#include "read/encoding.h"
#include "read/population_reader.h"

namespace kyosei {

namespace {
Area area(std::string id, std::string name, int layer, std::string parent, int line) {
  Area a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.layer = layer;
  a.parent = std::move(parent);
  a.line = line;
  return a;
}
}  // namespace

TEST_CASE("population: 5-year bands, 性別 rows, prefixed headers") {
  const std::string csv =
      "\xEF\xBB\xBF人口_全国地方公共団体コード,人口_地域コード,人口_地域名,人口_性別,人口_総数,人口_0-4歳,人口_5-64歳,人口_65-69歳,人口_70歳以上\n"
      "999997,A11,北山小学校区,男,100,10,60,10,20\n"
      "999997,A11,北山小学校区,女,120,10,70,15,25\n"
      "999997,A12,桜台小学校区,総数,200,20,140,20,20\n"
      "999997,A12,桜台小学校区,男,90,10,60,10,10\n";
  Diagnostics diags;
  auto rows = read_population_csv(csv, "人口.csv", diags);
  CHECK(!diags.has_errors());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].area_name == "北山小学校区");
  CHECK(rows[0].total == 220);  // 男 + 女 (no total row)
  CHECK(*rows[0].aged == 70);
  CHECK(rows[1].total == 200);  // the 総数 row, not 男 on top of it
  CHECK(*rows[1].aged == 40);

  Dataset ds;
  ds.areas = {area("A00", "市全域", 1, "", 2), area("A10", "北部圏域", 2, "A00", 3), area("A11", "北山 小学校区", 3, "A10", 4),
              area("A12", "桜台小学校区", 3, "A10", 5)};
  auto p = area_population(ds, rows);
  REQUIRE(p.size() == 4);
  CHECK(*p[2].population == 220);  // name matched with the space ignored (and by 地域コード)
  CHECK(*p[2].aging_rate == doctest::Approx(31.8));  // 70/220
  CHECK(*p[1].population == 420);  // 圏域 = its 地区
  CHECK(*p[1].aging_rate == doctest::Approx(26.2));  // 110/420
  CHECK(*p[0].population == 420);
  CHECK(p[0].basis.find("合計") != std::string::npos);
}

TEST_CASE("population: CP932 and a band across 65 is an error naming the column") {
  auto sjis = convert_encoding("地域名,総数,0-59歳,60-69歳,70歳以上\n北区,100,50,30,20\n", "UTF-8", "CP932");
  REQUIRE(sjis);
  Diagnostics diags;
  auto rows = read_population_csv(*sjis, "人口.csv", diags);
  CHECK(rows.empty());
  REQUIRE(diags.has_errors());
  CHECK(diags.items()[0].where.column == "60-69歳");

  Diagnostics ok;
  auto plain = read_population_csv("地域名,総数\n北区,1000\n", "人口.csv", ok);
  CHECK(!ok.has_errors());
  REQUIRE(plain.size() == 1);
  CHECK(!plain[0].aged);  // no age bands: no 高齢化率, never 0%
  Dataset ds;
  ds.areas = {area("A1", "北区", 2, "", 2)};
  auto p = area_population(ds, plain);
  CHECK(*p[0].population == 1000);
  CHECK(!p[0].aging_rate);
}

TEST_CASE("population: a bad count names file:line:column") {
  Diagnostics diags;
  read_population_csv("地域名,総数,0-64歳,65歳以上\n北区,1000,900,百\n", "人口.csv", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].where.line == 2);
  CHECK(diags.items()[0].where.column == "65歳以上");
}

TEST_CASE("population: the standard layout, bands per sex, the latest 調査年月日") {
  // As municipalities publish it: 総人口・男性・女性 and 「0-4歳の男性」….
  std::string header = "全国地方公共団体コード,地域コード,地方公共団体名,調査年月日,地域名,総人口,男性,女性";
  for (const char* band : {"0-64歳", "65-74歳", "75歳以上"})
    for (const char* sex : {"男性", "女性"}) header += std::string(",") + band + "の" + sex;
  const std::string csv = header + "\n"
      "999997,001,架空市,2024-01-01,北山一丁目,99,50,49,40,40,5,5,5,4\n"
      "999997,001,架空市,2025-01-01,北山一丁目,100,50,50,40,39,6,6,4,5\n"
      "999997,002,架空市,2025/1/1,北山二丁目,200,90,110,70,80,10,15,10,15\n"
      "999997,002,架空市,令和6年1月1日,北山二丁目,1,1,0,1,0,0,0,0,0\n";
  Diagnostics diags;
  PopulationTable t = read_population_table(csv, "人口.csv", diags);
  CHECK(!diags.has_errors());
  REQUIRE(t.survey_date);
  CHECK(*t.survey_date == Date{2025, 1, 1});
  REQUIRE(t.older_dates.size() == 1);
  CHECK(t.older_dates[0] == Date{2024, 1, 1});
  CHECK(t.older_rows == 2);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 3);
  CHECK(t.rows[0].area_code == "001");
  CHECK(t.rows[0].total == 100);
  CHECK(*t.rows[0].aged == 21);  // 6+6+4+5, 男 and 女
  CHECK(*t.rows[1].aged == 50);
}

TEST_CASE("population: sex before or after the band, 総数 from 男性+女性, bands of both sexes preferred") {
  Diagnostics diags;
  auto rows = read_population_csv(
      "町字ID,地域名,男性,女性,男_0-64歳,女_0-64歳,65歳以上(男),65歳以上（女）\n0010001,本町一丁目,60,70,40,50,20,20\n", "人口.csv",
      diags);
  CHECK(!diags.has_errors());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].area_code == "0010001");
  CHECK(rows[0].total == 130);
  CHECK(*rows[0].aged == 40);

  // 「0-4歳_男」 beside 「0-4歳」: the both-sexes bands are used, once.
  Diagnostics both;
  rows = read_population_csv("地域名,総数,0-64歳,0-64歳_男,65歳以上,65歳以上_男\n北区,100,70,30,30,14\n", "人口.csv", both);
  CHECK(!both.has_errors());
  REQUIRE(rows.size() == 1);
  CHECK(*rows[0].aged == 30);

  // A header with a huge number is not an age band (and never overflows).
  Diagnostics huge;
  rows = read_population_csv("地域名,総数,99999999999歳\n北区,5,5\n", "人口.csv", huge);
  CHECK(!huge.has_errors());
  REQUIRE(rows.size() == 1);
  CHECK(!rows[0].aged);

  // A band across 65 among the 男 bands is still an error at its column.
  Diagnostics straddle;
  read_population_csv("地域名,総数,0-69歳の男性,70歳以上の男性\n北区,100,50,50\n", "人口.csv", straddle);
  REQUIRE(straddle.error_count() == 1);
  CHECK(straddle.items()[0].where.column == "0-69歳の男性");
}

TEST_CASE("population: a bad 調査年月日 names file:line:column") {
  Diagnostics diags;
  read_population_csv("地域名,調査年月日,総数\n北区,2025-01-01,10\n南区,来年,20\n", "人口.csv", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].where.file == "人口.csv");
  CHECK(diags.items()[0].where.line == 3);
  CHECK(diags.items()[0].where.column == "調査年月日");
  CHECK(diags.items()[0].message.find("調査年月日として読めません") != std::string::npos);
}

TEST_CASE("population: 町丁字 mapped to 圏域 through the table, summed, and its errors") {
  const std::string pop =
      "地域コード,地域名,総数,0-64歳,65歳以上\n"
      "001,北山一丁目,100,70,30\n"
      "002,北山二丁目,200,150,50\n"
      "003,桜台,300,240,60\n"
      "004,港町,50,40,10\n";
  Diagnostics diags;
  auto rows = read_population_csv(pop, "人口.csv", diags);
  REQUIRE(rows.size() == 4);
  Dataset ds;
  ds.areas = {area("A00", "市全域", 1, "", 2), area("A10", "北部圏域", 2, "A00", 3), area("A11", "北山小学校区", 3, "A10", 4),
              area("A12", "桜台小学校区", 3, "A10", 5)};
  ds.index_ids();
  // 北山 by 地域名 and by 地域コード, 桜台 by the 圏域's 名称; 港町 unmapped.
  auto table = read_town_area_csv("町丁字,圏域\n北山一丁目,A11\n002,A11\n桜台,桜台小学校区\n", "町丁字.csv", diags);
  CHECK(!diags.has_errors());
  TownAreas towns = resolve_town_areas(ds, table, rows, "町丁字.csv", diags);
  CHECK(!diags.has_errors());
  CHECK(diags.warning_count() == 0);
  auto p = area_population(ds, rows, &towns);
  CHECK(*p[2].population == 300);
  CHECK(*p[2].aged == 80);
  CHECK(*p[2].aging_rate == doctest::Approx(26.7));
  CHECK(p[2].basis == "町丁字の対応表で2町丁字の合計");
  CHECK(*p[3].population == 300);
  CHECK(*p[1].population == 600);  // 圏域 = its 地区
  CHECK(*p[1].aging_rate == doctest::Approx(23.3));  // 140/600
  auto rest = unmatched_rows(ds, rows, &towns);
  REQUIRE(rest.size() == 1);
  CHECK(rest[0]->area_name == "港町");

  // Errors name the table's file, line and column.
  Diagnostics bad;
  auto wrong = read_town_area_csv("町丁字,地域コード\n北山一丁目,A99\n桜台,A12\n桜台,A11\n幻町,A11\n,A11\n", "町丁字.csv", bad);
  CHECK(bad.error_count() == 1);  // the empty 町丁字 (line 6)
  resolve_town_areas(ds, wrong, rows, "町丁字.csv", bad);
  REQUIRE(bad.error_count() == 3);
  auto items = bad.sorted();
  std::vector<std::pair<int, std::string>> places;
  for (const auto& d : items)
    if (d.severity == Severity::Error) places.push_back({d.where.line, d.where.column});
  CHECK(places == std::vector<std::pair<int, std::string>>{{2, "地域コード"}, {4, "町丁字"}, {6, "町丁字"}});
  bool warned = false;
  for (const auto& d : items)
    warned = warned || (d.severity == Severity::Warning && d.where.line == 5 && d.message.find("幻町") != std::string::npos);
  CHECK(warned);
}

}  // namespace kyosei
