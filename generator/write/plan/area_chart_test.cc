#include "write/plan/area_chart.h"

#include <doctest/doctest.h>

#include <string>

namespace kyosei {

namespace {

Area area(std::string id, std::string name, int layer, std::optional<long long> population,
          std::optional<double> rate) {
  Area a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.layer = layer;
  a.population = population;
  a.aging_rate = rate;
  return a;
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("area_population_chart: one bar per value, 未把握 where none, 層1 as the reference line") {
  Dataset ds;
  ds.areas = {area("A0", "市全域", 1, 100000, 29.4), area("A1", "北部<圏域>", 2, 40000, 31.2),
              area("A2", "南部圏域", 2, 60000, 25.8), area("A3", "汐見小学校区", 3, std::nullopt, std::nullopt),
              area("A4", "若葉小学校区", 3, 13200, std::nullopt)};
  auto chart = area_population_chart(ds);
  REQUIRE(chart);
  const std::string& s = chart->svg;
  CHECK(chart->file_name == kAreaChartFile);
  CHECK(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"area-population-chart\"", 0) == 0);
  CHECK(s.find("<title id=\"area-population-chart-title\">圏域ごとの人口と高齢化率</title>") != std::string::npos);
  CHECK(s.find("<script") == std::string::npos);
  // 3 populations and 2 rates among 層2/層3; 層1 is not a bar.
  CHECK(count(s, "<rect class=\"population\"") == 3);
  CHECK(count(s, "<rect class=\"aging-rate\"") == 2);
  CHECK(s.find("data-area=\"A0\"") == std::string::npos);
  // The largest population fills the panel (180); 40,000 is two thirds of it.
  CHECK(s.find("class=\"population\" data-area=\"A2\" data-value=\"60000\" x=\"160.0\" y=\"104.0\" width=\"180.0\"") !=
        std::string::npos);
  CHECK(s.find("data-area=\"A1\" data-value=\"40000\" x=\"160.0\" y=\"78.0\" width=\"120.0\"") != std::string::npos);
  // 高齢化率 on 0–40 %: 31.2 % is 78 % of 170.
  CHECK(s.find("class=\"aging-rate\" data-area=\"A1\" data-value=\"31.2\" x=\"430.0\" y=\"78.0\" width=\"132.6\"") !=
        std::string::npos);
  CHECK(count(s, ">未把握</text>") == 3);  // A3 twice, A4's rate
  CHECK(s.find("北部&lt;圏域&gt;") != std::string::npos);
  CHECK(s.find("<script") == std::string::npos);
  CHECK(s.find("破線：市全域の高齢化率 29.4％") != std::string::npos);
  CHECK(s.find("第2層 北部&lt;圏域&gt;：人口40,000人、高齢化率31.2％。") != std::string::npos);
  // Same input, same bytes.
  CHECK(area_population_chart(ds)->svg == s);
}

TEST_CASE("area_population_chart: nothing to draw without 層2/層3 values") {
  Dataset ds;
  ds.areas = {area("A0", "町全域", 1, 8000, 38.0), area("A1", "本郷地区", 3, std::nullopt, std::nullopt)};
  CHECK_FALSE(area_population_chart(ds));
  ds.areas.pop_back();
  CHECK_FALSE(area_population_chart(ds));
}

}  // namespace kyosei
