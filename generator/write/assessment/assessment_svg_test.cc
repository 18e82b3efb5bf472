#include "write/assessment/assessment_svg.h"

#include <doctest/doctest.h>
#include <expat.h>

#include "model/reference.h"

namespace kyosei {

namespace {

// Well-formed XML (the SVG as a browser's XML parser reads it).
bool well_formed(const std::string& xml) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  const bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return ok;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

Dataset answered(const std::vector<std::pair<std::string, int>>& answers, int fiscal_year) {
  Dataset d;
  d.municipality.fiscal_year = fiscal_year;
  for (const auto& [id, level] : answers) {
    AssessmentAnswer a;
    a.item_id = id;
    a.level = level;
    a.line = static_cast<int>(d.assessment.size()) + 2;
    d.assessment.push_back(a);
  }
  return d;
}

}  // namespace

TEST_CASE("assessment svg: radar and bars are well-formed, accessible, and show 未回答 as a gap") {
  Dataset d = answered({{"A1", 2}, {"A2", 3}, {"B1", 1}}, 2026);
  AssessmentResult r = compute_assessment(d, builtin_reference(), {}, ContradictionConfig{});
  ChartData v = viewpoint_chart(r, 2026);
  REQUIRE(v.points.size() == 7);
  const std::string radar = radar_chart_svg(v);
  CHECK(well_formed(radar));
  CHECK(radar.find("role=\"img\"") != std::string::npos);
  CHECK(radar.find("aria-labelledby=\"assessment-radar-title assessment-radar-desc\"") != std::string::npos);
  CHECK(radar.find("<title id=\"assessment-radar-title\">") != std::string::npos);
  CHECK(radar.find("未回答") != std::string::npos);
  CHECK(radar.find("<polygon points") != std::string::npos);  // the grid
  CHECK(radar.find("class=\"previous\"") == std::string::npos);
  CHECK(radar == radar_chart_svg(v));  // deterministic

  ChartData b = domain_chart(r, 2026);
  const std::string bars = bar_chart_svg(b);
  CHECK(well_formed(bars));
  // Bars only for domains with an answer (A and B); the others say 未回答.
  CHECK(count(bars, "fill=\"#1f5fa8\"/>") == 2);
  CHECK(count(bars, ">未回答</text>") == b.points.size() - 2);
}

TEST_CASE("assessment svg: the data table carries the numbers") {
  Dataset d = answered({{"A1", 2}, {"A2", 3}}, 2026);
  Dataset prev = answered({{"A1", 1}, {"A2", 1}}, 2025);
  AssessmentResult r = compute_assessment(d, builtin_reference(), {}, ContradictionConfig{}, &prev);
  ChartData b = domain_chart(r, 2026);
  REQUIRE(b.has_previous);
  const std::string table = chart_data_table_html(b);
  CHECK(well_formed(table));
  CHECK(table.find("<caption>") != std::string::npos);
  CHECK(table.find("<th scope=\"col\">領域</th>") != std::string::npos);
  const ScoreGroup& a = r.domains.front();
  const std::string row = "<td>2.5</td><td>2／" + std::to_string(a.total) + "</td><td>1.0</td>";
  CHECK(table.find(row) != std::string::npos);
  CHECK(table.find("令和7年度の平均") != std::string::npos);
  const std::string bars = bar_chart_svg(b);
  CHECK(well_formed(bars));
  CHECK(bars.find("class=\"previous\"") != std::string::npos);
  CHECK(bars.find("stroke-dasharray") != std::string::npos);
  const std::string radar = radar_chart_svg(viewpoint_chart(r, 2026));
  CHECK(well_formed(radar));
  CHECK(radar.find("<g class=\"previous\">") != std::string::npos);
}

TEST_CASE("assessment svg: format_score") {
  CHECK(format_score(std::nullopt) == "未回答");
  CHECK(format_score(2.0) == "2.0");
  CHECK(format_score(2.25) == "2.3");
  CHECK(format_score(7.0 / 3) == "2.3");
}

}  // namespace kyosei
