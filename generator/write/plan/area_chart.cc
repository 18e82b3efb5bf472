#include "write/plan/area_chart.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "base/text.h"
#include "base/wording.h"
#include "write/common/site_format.h"
#include "write/image/svg.h"
#include "write/markdown/markdown_html.h"

namespace kyosei {

namespace {

constexpr const char* kElementId = "area-population-chart";
constexpr const char* kBlue = "#1f5fa8";
constexpr const char* kOrange = "#b0500f";
// Geometry: labels end at kLabelEnd; each panel is a bar area and room for
// the value written after the bar.
constexpr int kWidth = 680, kLabelEnd = 150, kPopLeft = 160, kPopWidth = 180, kRateLeft = 430, kRateWidth = 170;
constexpr int kTop = 48, kRow = 26;

std::string population_text(long long n) { return with_commas(n) + "人"; }
std::string rate_text(double r) { return decimal_text(r) + "％"; }

struct Row {
  const Area* area = nullptr;  // nullptr: a 「第N層」 heading row
  int layer = 0;
};

std::string bar(const char* cls, const Area& a, double x, double y, double w, const std::string& value,
                const char* colour) {
  return "<rect class=\"" + std::string(cls) + "\" data-area=\"" + html_escape(a.id) + "\" data-value=\"" + value +
         "\" x=\"" + svg::number(x) + "\" y=\"" + svg::number(y) + "\" width=\"" + svg::number(w) +
         "\" height=\"16\" fill=\"" + colour + "\"/>\n";
}

std::string description(const std::vector<Row>& rows, const Area* whole) {
  std::string out;
  for (const Row& r : rows) {
    if (!r.area) continue;
    const Area& a = *r.area;
    out += "第" + std::to_string(a.layer) + "層 " + a.name + "：人口" +
           (a.population ? population_text(*a.population) : std::string(kUnknown)) + "、高齢化率" +
           (a.aging_rate ? rate_text(*a.aging_rate) : std::string(kUnknown)) + "。";
  }
  if (whole && whole->aging_rate) out += whole->name + "の高齢化率は" + rate_text(*whole->aging_rate) + "（破線）。";
  return out;
}

}  // namespace

std::optional<AreaChart> area_population_chart(const Dataset& ds) {
  std::vector<Row> rows;
  long long max_population = 0;
  double max_rate = 0;
  bool any = false;
  const Area* whole = nullptr;
  for (const Area& a : ds.areas)
    if (a.layer == 1 && !whole) whole = &a;
  for (int layer = 2; layer <= 3; ++layer) {
    bool heading = false;
    for (const Area& a : ds.areas) {
      if (a.layer != layer) continue;
      if (!heading) rows.push_back({nullptr, layer});
      heading = true;
      rows.push_back({&a, layer});
      if (a.population) max_population = std::max(max_population, *a.population);
      if (a.aging_rate) max_rate = std::max(max_rate, *a.aging_rate);
      any = any || a.population || a.aging_rate;
    }
  }
  if (!any) return std::nullopt;
  if (whole && whole->aging_rate) max_rate = std::max(max_rate, *whole->aging_rate);
  const int rate_top = std::max(10, static_cast<int>(std::floor(max_rate / 10.0)) * 10 + 10);
  const int height = kTop + static_cast<int>(rows.size()) * kRow + 44;
  const double bottom = kTop + static_cast<double>(rows.size()) * kRow;

  std::string out = svg::open(kElementId, "圏域ごとの人口と高齢化率", description(rows, whole), kWidth, height);
  // Panel headings and the 高齢化率 grid (every 10 %).
  out += "<g class=\"headings\" font-weight=\"bold\">\n";
  out += svg::text(kPopLeft, 20, "人口", "start");
  out += svg::text(kRateLeft, 20, "高齢化率", "start");
  out += "</g>\n<g class=\"grid\" stroke=\"#bbbbbb\">\n";
  for (int p = 0; p <= rate_top; p += 10) {
    const double x = kRateLeft + kRateWidth * double(p) / rate_top;
    out += "<line x1=\"" + svg::number(x) + "\" y1=\"" + svg::number(kTop - 6) + "\" x2=\"" + svg::number(x) +
           "\" y2=\"" + svg::number(bottom) + "\"/>\n";
  }
  out += "<line x1=\"" + svg::number(kPopLeft) + "\" y1=\"" + svg::number(kTop - 6) + "\" x2=\"" +
         svg::number(kPopLeft) + "\" y2=\"" + svg::number(bottom) + "\"/>\n";
  out += "</g>\n<g class=\"scale\" fill=\"#666666\" font-size=\"11\">\n";
  for (int p = 0; p <= rate_top; p += 10)
    out += svg::text(kRateLeft + kRateWidth * double(p) / rate_top, kTop - 10, std::to_string(p) + "％", "middle");
  out += "</g>\n<g class=\"bars\">\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    const double y = kTop + double(i) * kRow;
    if (!rows[i].area) {
      out += svg::text(8, y + 17, "第" + std::to_string(rows[i].layer) + "層", "start", " font-weight=\"bold\"");
      continue;
    }
    const Area& a = *rows[i].area;
    out += svg::text(kLabelEnd, y + 17, a.name, "end");
    if (a.population && max_population > 0) {
      const double w = kPopWidth * double(*a.population) / double(max_population);
      out += bar("population", a, kPopLeft, y + 4, w, std::to_string(*a.population), kBlue);
      out += svg::text(kPopLeft + w + 6, y + 17, population_text(*a.population), "start");
    } else {
      out += svg::text(kPopLeft + 6, y + 17, kUnknown, "start", " fill=\"#b00020\"");
    }
    if (a.aging_rate) {
      const double w = kRateWidth * *a.aging_rate / rate_top;
      out += bar("aging-rate", a, kRateLeft, y + 4, w, decimal_text(*a.aging_rate), kOrange);
      out += svg::text(kRateLeft + w + 6, y + 17, rate_text(*a.aging_rate), "start");
    } else {
      out += svg::text(kRateLeft + 6, y + 17, kUnknown, "start", " fill=\"#b00020\"");
    }
  }
  out += "</g>\n";
  if (whole && whole->aging_rate) {
    const double x = kRateLeft + kRateWidth * *whole->aging_rate / rate_top;
    out += "<g class=\"reference\">\n<line x1=\"" + svg::number(x) + "\" y1=\"" + svg::number(kTop - 6) + "\" x2=\"" +
           svg::number(x) + "\" y2=\"" + svg::number(bottom) +
           "\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n";
    out += svg::text(kRateLeft, height - 16, "破線：" + whole->name + "の高齢化率 " + rate_text(*whole->aging_rate),
                     "start");
    out += "</g>\n";
  }
  out += "</svg>\n";
  return AreaChart{kAreaChartFile, out};
}

}  // namespace kyosei
