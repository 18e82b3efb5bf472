// 自己点検 (the self-assessment: every item, its answer, the means by 領域
// and 視点, a chart by 視点) and 指摘事項 (the automatic findings and the
// places where a self-rating and a finding disagree), from
// analyse/assessment_scores.h and analyse/findings.h. An unanswered item is
// blank and shaded, never 0; a group without answers has no mean.
#include "analyse/assessment_scores.h"
#include "analyse/findings.h"
#include "analyse/findings_config.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "model/input_names.h"
#include "write/assessment/assessment_report.h"
#include "write/council/council_sheets.h"

namespace kyosei {

namespace {

// How the sheets refer to a finding: 「指摘3」, its row in 指摘事項 (the
// rule's ID, FND-…, is kyosei's key and means nothing to a council).
std::string finding_number(size_t index) { return "指摘" + std::to_string(index + 1); }

constexpr const char* kUnanswered = "未回答";

struct Assessment {
  const std::vector<Finding>& findings;
  const AssessmentResult& result;
};

Assessment assess(const SheetSource& src) { return {src.analysis.findings, src.analysis.assessment}; }

SheetCell mean_cell(const std::optional<double>& mean) {
  return mean ? SheetCell::of_number(*mean) : SheetCell::of_text(kUnanswered).with_shade();
}

void add_group(SheetTable& t, const ScoreGroup& g, bool with_previous) {
  SheetRow& row = t.add_row();
  row.cells = {SheetCell::of_text(g.id), SheetCell::of_text(g.name), SheetCell::of_number(g.answered),
               SheetCell::of_number(g.total), mean_cell(g.mean)};
  if (with_previous)
    row.cells.push_back(g.previous_mean ? SheetCell::of_number(*g.previous_mean) : SheetCell::blank());
}

SheetTable group_table(const std::string& name, bool with_previous) {
  SheetTable t;
  t.name = name;
  t.columns = {{"ID", CellFormat::Text}, {"名称", CellFormat::Text, 30}, {"回答数", CellFormat::Count},
               {"項目数", CellFormat::Count}, {"平均（0〜3）", CellFormat::Decimal}};
  if (with_previous) t.columns.push_back({"前年度の平均", CellFormat::Decimal});
  return t;
}

}  // namespace

std::optional<Sheet> assessment_sheet(const SheetSource& src) {
  Assessment a = assess(src);
  const AssessmentResult& r = a.result;
  bool previous = r.has_previous;
  Sheet sheet;
  sheet.name = "自己点検";
  sheet.description = "進捗自己点検の回答と、領域別・視点別の平均";
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"項目ID", CellFormat::Text}, {"領域", CellFormat::Text},  {"視点", CellFormat::Text},
               {"点検項目", CellFormat::Text, 44}, {"評価", CellFormat::Number}};
  if (previous) t.columns.push_back({"前年度", CellFormat::Number});
  t.columns.insert(t.columns.end(), {{"根拠", CellFormat::Text, 40}, {"回答部署", CellFormat::Text, 16},
                                     {"関連する指摘", CellFormat::Text, 16}});
  for (const auto& item : r.items) {
    const AssessmentItemRef& ref = *item.item;
    SheetRow& row = t.add_row(item.answer ? Location{"assessment.csv", item.answer->line, ""} : Location{});
    std::vector<std::string> related;
    for (size_t i : item.findings)
      if (i < a.findings.size()) related.push_back(finding_number(i));
    row.cells = {SheetCell::of_text(ref.id), SheetCell::of_text(ref.domain), SheetCell::of_text(ref.viewpoint),
                 SheetCell::of_text(ref.question),
                 item.answered() ? SheetCell::of_number(item.answer->level) : SheetCell::blank().with_shade()};
    if (previous)
      row.cells.push_back(item.previous_level ? SheetCell::of_number(*item.previous_level) : SheetCell::blank());
    row.cells.push_back(SheetCell::of_text(item.answered() ? item.answer->evidence : std::string(kUnanswered)));
    row.cells.push_back(SheetCell::of_text(item.answered() ? item.answer->department : std::string()));
    row.cells.push_back(SheetCell::of_text(join(related, "、")));
  }

  SheetTable domains = group_table("領域別の平均", previous);
  for (const auto& g : r.domains) add_group(domains, g, previous);
  add_group(domains, r.overall, previous);
  domains.rows.back().total = true;
  sheet.extras.push_back(std::move(domains));

  SheetTable viewpoints = group_table("視点別の平均", previous);
  viewpoints.columns.push_back({"重層事業の対応", CellFormat::Text, 24});
  for (const auto& v : r.viewpoints) {
    add_group(viewpoints, v.score, previous);
    std::string axis = v.jusou.components.empty()
                           ? std::string(kEmptyCell)
                           : std::to_string(v.jusou.implemented.size()) + "/" + std::to_string(v.jusou.components.size()) +
                                 "区分（" + join(v.jusou.implemented, "・") + "）";
    viewpoints.rows.back().cells.push_back(SheetCell::of_text(axis));
  }
  add_group(viewpoints, r.crosscutting, previous);
  viewpoints.rows.back().cells.push_back(SheetCell::of_text(kEmptyCell));
  sheet.extras.push_back(std::move(viewpoints));
  if (r.overall.answered > 0)
    sheet.charts.push_back({SheetChart::Type::Column, "視点別の平均（0〜3）", 2, 0, 4, "平均"});

  sheet.notes.push_back("評価は 0〜3 の4段階です。未回答の項目（網かけ）は 0 とせず、平均は回答した項目だけで計算しています（回答数／項目数を併記）。");
  sheet.notes.push_back("「重層事業の対応」は、その視点にかかわる重層事業の区分のうち棚卸に事業があるものです。"
                        "点数には含めていません（事業を実施していることと体制があることは別のため）。");
  if (src.data.assessment.empty())
    sheet.notes.push_back("assessment.csv がないため、すべての項目が未回答です。");
  if (!r.unknown_answers.empty())
    sheet.notes.push_back("項目バンクにない項目IDの回答が " + std::to_string(r.unknown_answers.size()) + " 件あり、集計に含めていません。");
  if (previous)
    sheet.notes.push_back("前年度は " + format_fiscal_year(r.previous_fiscal_year) + " の回答です（同じ項目IDどうしを比べています）。");
  return sheet;
}

std::optional<Sheet> findings_sheet(const SheetSource& src) {
  Assessment a = assess(src);
  Sheet sheet;
  sheet.name = "指摘事項";
  sheet.description = "入力データから自動で判定した、確認が必要な点（判定であり評価ではありません）";
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"番号", CellFormat::Text},          {"指摘", CellFormat::Text, 24},     {"重要度", CellFormat::Text},
               {"対象", CellFormat::Text, 14},      {"内容", CellFormat::Text, 44},     {"判定の基準", CellFormat::Text, 36},
               {"根拠となる入力", CellFormat::Text, 36}, {"関連する点検項目", CellFormat::Text, 14},
               {"対応の方向", CellFormat::Text, 44},   {"対応の方向の出典", CellFormat::Text, 24}};
  for (size_t k = 0; k < a.findings.size(); ++k) {
    const Finding& f = a.findings[k];
    std::vector<std::string> evidence;
    for (const auto& e : f.evidence) evidence.push_back(evidence_line(e));
    Location source;
    if (!f.evidence.empty() && f.evidence[0].line > 0) source = {f.evidence[0].file, f.evidence[0].line, ""};
    SheetRow& row = t.add_row(source);
    row.cells = {SheetCell::of_text(finding_number(k)),
                 SheetCell::of_text(f.name),
                 SheetCell::of_text(severity_label(f.severity)).with_shade(f.severity == FindingSeverity::Serious),
                 SheetCell::of_text(f.subject),
                 SheetCell::of_text(with_input_titles(f.summary)),
                 SheetCell::of_text(with_input_titles(f.rule)),
                 SheetCell::of_text(join(evidence, "\n")),
                 SheetCell::of_text(join(f.items, "、")),
                 SheetCell::of_text(with_input_titles(f.direction)),
                 SheetCell::of_text(join(f.direction_documents, "\n"))};
  }
  const AssessmentResult& r = a.result;
  if (!r.contradictions.empty()) {
    SheetTable c;
    c.name = "自己評価と自動判定の食い違い";
    c.columns = {{"項目ID", CellFormat::Text}, {"評価", CellFormat::Number}, {"指摘の番号", CellFormat::Text},
                 {"指摘", CellFormat::Text, 24}, {"内容", CellFormat::Text, 44}};
    for (const auto& x : r.contradictions) {
      if (x.finding >= a.findings.size()) continue;
      const Finding& f = a.findings[x.finding];
      c.add_row().cells = {SheetCell::of_text(x.item->id), SheetCell::of_number(x.answer->level),
                           SheetCell::of_text(finding_number(x.finding)),
                           SheetCell::of_text(f.name), SheetCell::of_text(with_input_titles(f.summary))};
    }
    sheet.extras.push_back(std::move(c));
  }
  sheet.notes.push_back("指摘は、入力データの形から機械的に判定した「確認してほしい点」です。問題があると決めつけるものではありません。"
                        "重要度が「" + std::string(severity_label(FindingSeverity::Serious)) + "」のもの（網かけ）から確認してください。");
  if (a.findings.empty()) sheet.notes.push_back("判定の基準にあてはまる点はありませんでした。");
  if (!r.contradictions.empty())
    sheet.notes.push_back("「自己評価と自動判定の食い違い」は、高い自己評価と、同じ項目にかかわる指摘が並んでいるものです。どちらが正しいかは判断していません。");
  return sheet;
}

}  // namespace kyosei
