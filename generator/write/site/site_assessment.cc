// assessment/index.html: the progress self-assessment (進捗自己点検) for the
// public — the radar and bar charts with their data tables, the scores by
// domain and viewpoint, the 重層事業 axis apart, the unanswered items, and
// the automatic findings summarised by rule.
//
// What it leaves out, by the site's rules (site_producers.h): a finding's
// instances and evidence rows (a staff row is per person, and a meeting's
// row may belong to a confidential one) and the free-text 根拠 of the
// answers; only counts by rule, severity and the items they bear on.
#include <map>

#include "analyse/findings_config.h"
#include "base/text.h"
#include "write/assessment/assessment_report.h"
#include "write/assessment/assessment_svg.h"
#include "write/markdown/markdown_html.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kPath = "assessment/index.html";

std::string score_rows(const std::vector<const ScoreGroup*>& groups, const std::vector<std::string>& names,
                       bool previous) {
  std::string md;
  for (size_t i = 0; i < groups.size(); ++i) {
    const ScoreGroup& g = *groups[i];
    md += "| " + markdown_table_cell(names[i]) + " | " + format_score(g.mean) + " | " + std::to_string(g.answered) +
          "／" + std::to_string(g.total) + " |" + (previous ? " " + format_score(g.previous_mean) + " |" : "") + "\n";
  }
  return md;
}

}  // namespace

void produce_assessment(const SiteContext& ctx, SiteOutput& out) {
  const AssessmentReport rep(ctx.analysis, false);  // this year only
  const AssessmentResult& r = rep.result;
  const int fy = ctx.ds.municipality.fiscal_year;

  std::string md = markdown_escape(
                       "地域共生社会の実現に向けた支援体制の進み具合を、市の職員が点検項目ごとに0〜3で自己評価した結果です。"
                       "回答のない項目は点数に数えていません（0点ではありません）。") +
                   "\n\n";
  md += "- 点検項目: " + std::to_string(r.overall.total) + "項目（回答 " + std::to_string(r.overall.answered) +
        "・未回答 " + std::to_string(r.unanswered.size()) + "）\n";
  md += "- 全体の平均: " + format_score(r.overall.mean) + "\n\n";
  std::string html = markdown_to_html(md);

  const ChartData v = viewpoint_chart(r, fy), d = domain_chart(r, fy);
  html += "<h2>評価の図</h2>\n" + radar_chart_svg(v) + chart_data_table_html(v) + bar_chart_svg(d) +
          chart_data_table_html(d);

  md = "## 視点別の評価\n\n| 視点 | 平均（0〜3） | 回答数／項目数 |\n|---|---|---|\n";
  std::vector<const ScoreGroup*> groups;
  std::vector<std::string> names;
  for (const ViewpointScore& s : r.viewpoints) {
    groups.push_back(&s.score);
    names.push_back(s.score.id + " " + (s.viewpoint ? s.viewpoint->name : s.score.name));
  }
  groups.push_back(&r.crosscutting);
  names.push_back("横断（支援者支援・推進体制・評価）");
  md += score_rows(groups, names, false) + "\n";

  md += "## 重層的支援体制整備事業の構成事業（点数とは別の軸）\n\n";
  md += markdown_escape("事業を実施していることと体制ができていることは同じではないため、点数には混ぜていません。") +
        "\n\n| 視点 | 関わる構成事業の数 | 事業の一覧で確認できた数 |\n|---|---|---|\n";
  for (const ViewpointScore& s : r.viewpoints)
    md += "| " + markdown_table_cell(s.score.id) + " | " + std::to_string(s.jusou.components.size()) + " | " +
          std::to_string(s.jusou.implemented.size()) + " |\n";
  md += "\n";

  md += "## 自動判定の概要\n\n";
  md += markdown_escape("入力データから、評価を確かめるための確認事項を自動で挙げたものです。不備の断定ではありません。") + "\n\n";
  if (rep.findings.empty()) {
    md += "該当はありませんでした。\n\n";
  } else {
    // One row per rule, in findings.toml order: never the instances.
    std::vector<std::string> order;
    std::map<std::string, std::pair<const Finding*, int>> by_rule;
    for (const Finding& f : rep.findings) {
      auto [it, fresh] = by_rule.try_emplace(f.id, &f, 0);
      if (fresh) order.push_back(f.id);
      ++it->second.second;
    }
    md += "| 判定 | 重大度 | 件数 | 関わる点検項目 |\n|---|---|---|---|\n";
    for (const auto& id : order) {
      const auto& [f, n] = by_rule[id];
md += "| " + markdown_table_cell(f->name) + " | " + severity_label(f->severity) + " | " +
            std::to_string(n) + " | " + markdown_table_cell(join(f->items, "、")) + " |\n";
    }
    md += "\n";
  }

  md += "## 未回答の項目\n\n";
  if (r.unanswered.empty()) md += "ありません。\n";
  for (const std::string& id : r.unanswered) {
    const AssessmentItemRef* item = ctx.ref.assessment_item(id);
    md += "- " + markdown_escape(id + " " + (item ? item->question : "")) + "\n";
  }
  html += markdown_to_html(md);

  SitePage page;
  page.path = kPath;
  page.title = "進捗自己点検";
  page.section = "assessment";
  page.description = "支援体制の進み具合の自己点検の結果（視点別・領域別の評価と自動判定の概要）です。";
  page.body_html = std::move(html);
  out.pages.push_back(std::move(page));
}

}  // namespace kyosei
