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

}  // namespace kyosei
