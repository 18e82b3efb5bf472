#include "write/assessment/assessment_svg.h"

#include <cmath>
#include <cstdio>

#include "base/dates.h"
#include "write/image/svg.h"
#include "write/markdown/markdown_html.h"

namespace kyosei {

namespace {

constexpr double kMaxLevel = 3;

std::string year_label(int fy, const char* fallback) { return fy > 0 ? format_fiscal_year_short(fy) : fallback; }

ChartPoint point_of(const ScoreGroup& g, const std::string& id, const std::string& label) {
  return ChartPoint{id, label, g.mean, g.previous_mean, g.answered, g.total};
}

// The shared SVG pieces (write/image/svg.h), under the names used below.
std::string num(double v) { return svg::number(v); }

std::string svg_open(const ChartData& d, int width, int height) {
  return svg::open(d.element_id, d.title, chart_description(d), width, height);
}

std::string text_at(double x, double y, const std::string& text, const char* anchor, const char* extra = "") {
  return svg::text(x, y, text, anchor, extra);
}

// The legend: current (solid) and, when present, previous (dashed).
std::string legend(const ChartData& d, double x, double y) {
  std::string out = "<g class=\"legend\">\n";
  out += "<line x1=\"" + num(x) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x + 24) + "\" y2=\"" + num(y) +
         "\" stroke=\"#1f5fa8\" stroke-width=\"3\"/>\n";
  out += text_at(x + 30, y + 4, year_label(d.fiscal_year, "今年度"), "start");
  if (d.has_previous) {
    out += "<line x1=\"" + num(x + 130) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x + 154) + "\" y2=\"" + num(y) +
           "\" stroke=\"#b0500f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n";
    out += text_at(x + 160, y + 4, year_label(d.previous_fiscal_year, "前年度") + "（破線）", "start");
  }
  return out + "</g>\n";
}

// The radar's series: segments between neighbouring axes that both have a
// value (an unanswered axis is a gap, never a 0), and a dot at each value.
std::string radar_series(const std::vector<std::optional<double>>& values, double cx, double cy, double radius,
                         const char* cls, const char* colour, const char* dash) {
  const size_t n = values.size();
  auto at = [&](size_t i, double v) {
    const double a = -M_PI / 2 + 2 * M_PI * double(i) / double(n);
    return std::pair<double, double>{cx + radius * v / kMaxLevel * std::cos(a), cy + radius * v / kMaxLevel * std::sin(a)};
  };
  bool all = true;
  for (const auto& v : values) all = all && v.has_value();
  std::string out = std::string("<g class=\"") + cls + "\">\n";
  if (all && n > 2) {
    std::string pts;
    for (size_t i = 0; i < n; ++i) {
      auto [x, y] = at(i, *values[i]);
      pts += (i ? " " : "") + num(x) + "," + num(y);
    }
    out += "<polygon points=\"" + pts + "\" fill=\"" + colour + "\" fill-opacity=\"" + (dash[0] ? "0" : "0.15") +
           "\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
           (dash[0] ? std::string(" stroke-dasharray=\"") + dash + "\"" : "") + "/>\n";
  } else {
    std::string path;
    for (size_t i = 0; i < n && n > 1; ++i) {
      size_t j = (i + 1) % n;
      if (!values[i] || !values[j]) continue;
      auto [x1, y1] = at(i, *values[i]);
      auto [x2, y2] = at(j, *values[j]);
      path += (path.empty() ? "M" : " M") + num(x1) + " " + num(y1) + " L" + num(x2) + " " + num(y2);
    }
    if (!path.empty())
      out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
             (dash[0] ? std::string(" stroke-dasharray=\"") + dash + "\"" : "") + "/>\n";
  }
  for (size_t i = 0; i < n; ++i) {
    if (!values[i]) continue;
    auto [x, y] = at(i, *values[i]);
    out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + (dash[0] ? "3" : "4") + "\" fill=\"" + colour +
           "\"/>\n";
  }
  return out + "</g>\n";
}

}  // namespace

std::string format_score(const std::optional<double>& value) {
  if (!value) return "未回答";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *value + 1e-9);
  return buf;
}

ChartData viewpoint_chart(const AssessmentResult& result, int fiscal_year) {
  ChartData d;
  d.element_id = "assessment-radar";
  d.title = "視点別の評価（平均、0〜3）";
  d.caption = "視点別の評価（平均、0〜3）の数値";
  d.key_header = "視点";
  for (const ViewpointScore& v : result.viewpoints)
    d.points.push_back(point_of(v.score, v.score.id, v.viewpoint ? v.viewpoint->name : v.score.name));
  d.has_previous = result.has_previous;
  d.fiscal_year = fiscal_year;
  d.previous_fiscal_year = result.previous_fiscal_year;
  return d;
}

ChartData domain_chart(const AssessmentResult& result, int fiscal_year) {
  ChartData d;
  d.element_id = "assessment-bars";
  d.title = "領域別の評価（平均、0〜3）";
  d.caption = "領域別の評価（平均、0〜3）の数値";
  d.key_header = "領域";
  for (const ScoreGroup& g : result.domains) d.points.push_back(point_of(g, g.id, g.name));
  d.has_previous = result.has_previous;
  d.fiscal_year = fiscal_year;
  d.previous_fiscal_year = result.previous_fiscal_year;
  return d;
}

std::string chart_description(const ChartData& d) {
  std::string out;
  for (const ChartPoint& p : d.points) {
    out += p.id + " " + p.label + "：" + format_score(p.value) + "（回答" + std::to_string(p.answered) + "／" +
           std::to_string(p.total) + "項目）";
    if (d.has_previous) out += "、前年度" + format_score(p.previous);
    out += "。";
  }
  return out;
}

std::string radar_chart_svg(const ChartData& d) {
  // Wide enough for 「V2 1.5（前 1.0）」 beside the axes on both sides.
  constexpr int kWidth = 600, kHeight = 440;
  constexpr double cx = 300, cy = 215, radius = 160;
  const size_t n = d.points.size();
  std::string out = svg_open(d, kWidth, kHeight);
  auto ring = [&](double level) {
    std::string pts;
    for (size_t i = 0; i < n; ++i) {
      const double a = -M_PI / 2 + 2 * M_PI * double(i) / double(n);
      pts += (i ? " " : "") + num(cx + radius * level / kMaxLevel * std::cos(a)) + "," +
             num(cy + radius * level / kMaxLevel * std::sin(a));
    }
    return pts;
  };
  out += "<g class=\"grid\" fill=\"none\" stroke=\"#bbbbbb\">\n";
  for (int level = 1; level <= 3 && n > 2; ++level) out += "<polygon points=\"" + ring(level) + "\"/>\n";
  for (size_t i = 0; i < n; ++i) {
    const double a = -M_PI / 2 + 2 * M_PI * double(i) / double(n);
    out += "<line x1=\"" + num(cx) + "\" y1=\"" + num(cy) + "\" x2=\"" + num(cx + radius * std::cos(a)) + "\" y2=\"" +
           num(cy + radius * std::sin(a)) + "\"/>\n";
  }
  out += "</g>\n<g class=\"scale\" fill=\"#666666\" font-size=\"11\">\n";
  for (int level = 0; level <= 3; ++level)
    out += text_at(cx + 4, cy - radius * level / kMaxLevel - 2, std::to_string(level), "start");
  out += "</g>\n<g class=\"labels\">\n";
  for (size_t i = 0; i < n; ++i) {
    const ChartPoint& p = d.points[i];
    const double a = -M_PI / 2 + 2 * M_PI * double(i) / double(n);
    const double lx = cx + (radius + 22) * std::cos(a), ly = cy + (radius + 22) * std::sin(a) + 5;
    const char* anchor = std::cos(a) > 0.2 ? "start" : std::cos(a) < -0.2 ? "end" : "middle";
    std::string label = p.id + " " + format_score(p.value);
    if (d.has_previous) label += "（前 " + format_score(p.previous) + "）";
    out += text_at(lx, ly, label, anchor, p.value ? "" : " fill=\"#b00020\" font-weight=\"bold\"");
  }
  out += "</g>\n";
  if (d.has_previous) {
    std::vector<std::optional<double>> prev;
    for (const ChartPoint& p : d.points) prev.push_back(p.previous);
    out += radar_series(prev, cx, cy, radius, "previous", "#b0500f", "6 4");
  }
  std::vector<std::optional<double>> cur;
  for (const ChartPoint& p : d.points) cur.push_back(p.value);
  out += radar_series(cur, cx, cy, radius, "current", "#1f5fa8", "");
  out += legend(d, 20, kHeight - 16);
  return out + "</svg>\n";
}

std::string bar_chart_svg(const ChartData& d) {
  constexpr int kWidth = 480, kLeft = 40, kBarArea = 340, kRow = 30, kTop = 30;
  const int height = kTop + int(d.points.size()) * kRow + 50;
  std::string out = svg_open(d, kWidth, height);
  const double bottom = kTop + double(d.points.size()) * kRow;
  out += "<g class=\"grid\" stroke=\"#bbbbbb\">\n";
  for (int level = 0; level <= 3; ++level) {
    const double x = kLeft + kBarArea * level / kMaxLevel;
    out += "<line x1=\"" + num(x) + "\" y1=\"" + num(kTop - 6) + "\" x2=\"" + num(x) + "\" y2=\"" + num(bottom) + "\"/>\n";
  }
  out += "</g>\n<g class=\"scale\" fill=\"#666666\" font-size=\"11\">\n";
  for (int level = 0; level <= 3; ++level)
    out += text_at(kLeft + kBarArea * level / kMaxLevel, kTop - 10, std::to_string(level), "middle");
  out += "</g>\n<g class=\"bars\">\n";
  for (size_t i = 0; i < d.points.size(); ++i) {
    const ChartPoint& p = d.points[i];
    const double y = kTop + double(i) * kRow;
    out += text_at(kLeft - 8, y + 19, p.id, "end");
    if (p.value) {
      const double w = kBarArea * *p.value / kMaxLevel;
      out += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(y + 5) + "\" width=\"" + num(w) +
             "\" height=\"18\" fill=\"#1f5fa8\"/>\n";
      out += text_at(kLeft + w + 6, y + 19, format_score(p.value), "start");
    } else {
      out += text_at(kLeft + 6, y + 19, "未回答", "start", " fill=\"#b00020\" font-weight=\"bold\"");
    }
    if (d.has_previous && p.previous) {
      const double w = kBarArea * *p.previous / kMaxLevel;
      out += "<rect class=\"previous\" x=\"" + num(kLeft) + "\" y=\"" + num(y + 2) + "\" width=\"" + num(w) +
             "\" height=\"24\" fill=\"none\" stroke=\"#b0500f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n";
    }
  }
  out += "</g>\n";
  out += legend(d, 20, height - 16);
  return out + "</svg>\n";
}

std::string chart_data_table_html(const ChartData& d) {
  std::string out = "<table class=\"chart-data\" tabindex=\"0\">\n<caption>" + html_escape(d.caption) + "</caption>\n<thead><tr><th scope=\"col\">" +
                    html_escape(d.key_header) + "</th><th scope=\"col\">平均（0〜3）</th><th scope=\"col\">回答数／項目数</th>";
  if (d.has_previous) out += "<th scope=\"col\">" + html_escape(year_label(d.previous_fiscal_year, "前年度")) + "の平均</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const ChartPoint& p : d.points) {
    out += "<tr><th scope=\"row\">" + html_escape(p.id + " " + p.label) + "</th><td>" + html_escape(format_score(p.value)) +
           "</td><td>" + std::to_string(p.answered) + "／" + std::to_string(p.total) + "</td>";
    if (d.has_previous) out += "<td>" + html_escape(format_score(p.previous)) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace kyosei
