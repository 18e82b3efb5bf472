// The self-assessment scores as pictures: a radar chart of the viewpoints
// (視点 V0–V6) and a bar chart of the domains (領域 A–I), as inline SVG,
// each with an HTML data table to put beside it (screen readers read the
// table; the chart has role="img", <title> and <desc>).
//
//   ChartData v = viewpoint_chart(result);
//   std::string svg = radar_chart_svg(v);      // <svg …>…</svg>
//   std::string table = chart_data_table_html(v);
//   ChartData d = domain_chart(result);
//   std::string bars = bar_chart_svg(d);
//
// - Scale 0–3 (the rubric levels). A group with no answer has no value: the
//   radar leaves a gap at its axis and writes 「未回答」 there; the bar chart
//   draws no bar and writes 「未回答」. It is never drawn as 0.
// - With last year's scores (--previous) the previous values are drawn on
//   the same chart, dashed, and the table gets a 前年度 column.
// - The 重層事業 axis is not in these charts: it is a different axis
//   (assessment_scores.h) and the report shows it in its own table.
// - Deterministic: fixed geometry, numbers printed with one decimal.
// - Every text is HTML/XML-escaped.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyse/assessment_scores.h"

namespace kyosei {

struct ChartPoint {
  std::string id;     // "V1", "A"
  std::string label;  // the viewpoint's or domain's name
  std::optional<double> value;     // mean 0–3; nullopt = 未回答
  std::optional<double> previous;  // last year's mean over the same items
  int answered = 0;
  int total = 0;
};

struct ChartData {
  std::string element_id;  // prefix of the ids inside the SVG: "assessment-radar"
  std::string title;       // 視点別の評価（平均、0〜3）
  std::string caption;     // the data table's caption
  std::string key_header;  // 視点 / 領域
  std::vector<ChartPoint> points;
  bool has_previous = false;
  int fiscal_year = 0;           // 0 = unknown
  int previous_fiscal_year = 0;  // 0 = unknown
};

// The viewpoints V0–V6 / the domains of a result.
ChartData viewpoint_chart(const AssessmentResult& result, int fiscal_year = 0);
ChartData domain_chart(const AssessmentResult& result, int fiscal_year = 0);

std::string radar_chart_svg(const ChartData& data);
std::string bar_chart_svg(const ChartData& data);
// <table class="chart-data"> with <caption> and th scope="col"/"row".
std::string chart_data_table_html(const ChartData& data);

// "2.3" (one decimal), or 「未回答」 when there is no value.
std::string format_score(const std::optional<double>& value);
// The <desc> text: one sentence per point, in data order.
std::string chart_description(const ChartData& data);

}  // namespace kyosei
