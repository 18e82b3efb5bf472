#include "write/assessment/assessment_report.h"

#include "analyse/findings_config.h"
#include "base/dates.h"
#include "base/file_system.h"
#include "base/text.h"
#include "model/reference_data.h"
#include "model/input_names.h"
#include "write/assessment/assessment_svg.h"
#include "write/markdown/html_typeset.h"
#include "write/markdown/markdown_html.h"
#include "write/plan/plan_docx.h"
#include "write/print/pdf_print.h"

namespace kyosei {

namespace {

std::string esc(std::string_view s) { return markdown_escape(s); }
std::string cell(std::string_view s) { return markdown_table_cell(s); }
std::string count(int answered, int total) { return std::to_string(answered) + "／" + std::to_string(total); }

std::string previous_label(const AssessmentResult& r) {
  return r.previous_fiscal_year > 0 ? format_fiscal_year_short(r.previous_fiscal_year) : "前年度";
}

std::string unanswered_ids(const ScoreGroup& g) { return g.unanswered.empty() ? "なし" : join(g.unanswered, "、"); }

std::string score_table(const AssessmentResult& r, const std::string& key, const std::vector<const ScoreGroup*>& groups,
                        const std::vector<std::string>& names) {
  std::string out = "| " + key + " | 平均（0〜3） | 回答数／項目数 | 未回答の項目 |";
  if (r.has_previous) out += " " + cell(previous_label(r)) + "の平均 |";
  out += "\n|---|---|---|---|" + std::string(r.has_previous ? "---|" : "") + "\n";
  for (size_t i = 0; i < groups.size(); ++i) {
    const ScoreGroup& g = *groups[i];
    out += "| " + cell(names[i]) + " | " + format_score(g.mean) + " | " + count(g.answered, g.total) + " | " +
           cell(unanswered_ids(g)) + " |";
    if (r.has_previous) out += " " + format_score(g.previous_mean) + " |";
    out += "\n";
  }
  return out;
}

std::string component_names(const Reference& ref, const std::vector<std::string>& keys) {
  if (keys.empty()) return "なし";
  std::vector<std::string> parts;
  for (const auto& k : keys) {
    const JusouComponent* c = ref.component(k);
    parts.push_back(c ? k + " " + c->program_name : k);
  }
  return join(parts, "、");
}

// By name: the rule's ID (FND-…) is kyosei's key, not something a reader looks up.
std::string finding_heading(const Finding& f) {
  return f.name + (f.subject.empty() ? "" : "（" + f.subject + "）");
}

std::string overview(const AssessmentReport& rep) {
  const AssessmentResult& r = rep.result;
  const Municipality& m = rep.data->municipality;
  int by[3] = {0, 0, 0};
  for (const Finding& f : rep.findings) ++by[static_cast<int>(f.severity)];
  std::string out = "# 進捗自己点検レポート（" + esc(format_fiscal_year_short(m.fiscal_year)) + " " + esc(m.name) + "）\n\n";
  out += "このレポートは、自己点検の回答を点検項目と突き合わせて点数を出し、入力データからの自動判定を並べたものです。"
         "自動判定は不備の断定ではなく、評価を確かめるための確認事項です。\n\n";
  out += "## 概要\n\n";
  out += "- 重層的支援体制整備事業: " + esc(r.jusou_status.empty() ? "記載なし" : r.jusou_status) + "\n";
  out += "- 点検項目: " + std::to_string(r.overall.total) + "項目（項目の版 " + esc(r.bank_version) + "）\n";
  out += "- 回答: " + std::to_string(r.overall.answered) + "項目／未回答: " + std::to_string(r.unanswered.size()) +
         "項目（未回答は0点として数えていません）\n";
  out += "- 全体の平均: " + format_score(r.overall.mean) + "（回答した項目だけの平均）";
  if (r.has_previous) out += "、" + esc(previous_label(r)) + "は " + format_score(r.overall.previous_mean);
  out += "\n";
  out += "- 自動判定: 重大 " + std::to_string(by[2]) + "件・注意 " + std::to_string(by[1]) + "件・情報 " +
         std::to_string(by[0]) + "件\n";
  out += "- 回答と自動判定を並べて確かめたい項目: " + std::to_string(r.contradictions.size()) + "件\n";
  return out;
}

std::string scores(const AssessmentReport& rep) {
  const AssessmentResult& r = rep.result;
  std::string out = "## 領域別の評価\n\n";
  std::vector<const ScoreGroup*> groups;
  std::vector<std::string> names;
  for (const ScoreGroup& g : r.domains) {
    groups.push_back(&g);
    names.push_back(g.id + " " + g.name);
  }
  out += score_table(r, "領域", groups, names) + "\n";
  out += "## 視点別の評価\n\n";
  out += "視点が2つある項目は両方に数えています。横断の項目（支援者支援・推進体制・評価）は視点には数えず、「横断」としてまとめています。\n\n";
  groups.clear();
  names.clear();
  for (const ViewpointScore& v : r.viewpoints) {
    groups.push_back(&v.score);
    names.push_back(v.score.id + " " + (v.viewpoint ? v.viewpoint->name : v.score.name));
  }
  groups.push_back(&r.crosscutting);
  names.push_back("横断");
  groups.push_back(&r.overall);
  names.push_back("全体");
  out += score_table(r, "視点", groups, names) + "\n";
  return out;
}

std::string jusou_axis(const AssessmentReport& rep) {
  const AssessmentResult& r = rep.result;
  std::string out = "## 重層的支援体制整備事業の構成事業（点数とは別の軸）\n\n";
  out += "視点ごとに、その視点を主に支える構成事業のうち、棚卸で重層区分に挙がっているものを示します。"
         "事業を実施していることと体制ができていることは同じではないため、この表は点数に混ぜていません。\n\n";
  out += "| 視点 | 関わる構成事業 | 棚卸で確認できた構成事業 |\n|---|---|---|\n";
  for (const ViewpointScore& v : r.viewpoints)
    out += "| " + cell(v.score.id) + " | " + cell(component_names(*rep.ref, v.jusou.components)) + " | " +
           cell(v.jusou.components.empty() ? "―" : component_names(*rep.ref, v.jusou.implemented)) + " |\n";
  return out + "\n";
}

std::string findings_section(const AssessmentReport& rep) {
  std::string out = "## 自動判定\n\n";
  if (rep.findings.empty()) return out + "自動判定に当てはまる箇所はありませんでした。\n\n";
  for (FindingSeverity s : {FindingSeverity::Serious, FindingSeverity::Caution, FindingSeverity::Info}) {
    std::vector<const Finding*> fs;
    for (const Finding& f : rep.findings)
      if (f.severity == s) fs.push_back(&f);
    out += "### " + std::string(severity_label(s)) + "（" + std::to_string(fs.size()) + "件）\n\n";
    if (fs.empty()) {
      out += "該当なし。\n\n";
      continue;
    }
    for (const Finding* f : fs) {
      out += "#### " + esc(finding_heading(*f)) + "\n\n";
      if (!f->summary.empty()) out += esc(with_input_titles(f->summary)) + "\n\n";
      out += "- 重大度: " + std::string(severity_label(f->severity)) + "\n";
      out += "- 判定のきまり: " + esc(with_input_titles(f->rule)) + "\n";
      if (!f->direction.empty())
        out += "- 対応の方向: " + esc(with_input_titles(f->direction)) + "（出典：" + esc(join(f->direction_documents, "、")) + "）\n";
      out += "- 関わる点検項目: " + esc(f->items.empty() ? "なし" : join(f->items, "、")) + "\n";
      out += "- 判定のもとになった行:\n";
      for (const EvidenceRow& e : f->evidence) out += "  - " + esc(evidence_line(e)) + "\n";
      out += "\n";
    }
  }
  return out;
}

std::string contradictions(const AssessmentReport& rep) {
  const AssessmentResult& r = rep.result;
  std::string out = "## 回答と自動判定を並べて確かめたい項目\n\n";
  if (r.contradictions.empty()) return out + "該当する項目はありません。\n\n";
  out += "高い評価の回答と、同じ項目に関わる自動判定を並べています。どちらが正しいかを判断するものではありません。"
         "根拠を見直す際の手がかりとしてお使いください。\n\n";
  out += "| 項目 | 回答 | 自動判定 |\n|---|---|---|\n";
  for (const Contradiction& c : r.contradictions) {
    const Finding& f = rep.findings[c.finding];
    std::string answer = "評価 " + std::to_string(c.answer->level);
    if (!c.answer->evidence.empty()) answer += "：" + c.answer->evidence;
    if (!c.answer->department.empty()) answer += "（" + c.answer->department + "）";
    std::string finding = std::string(severity_label(f.severity)) + " " + finding_heading(f);
    if (!f.summary.empty()) finding += "：" + with_input_titles(f.summary);
    out += "| " + cell(c.item->id + " " + c.item->question) + " | " + cell(answer) + " | " + cell(finding) + " |\n";
  }
  return out + "\n";
}

std::string unanswered(const AssessmentReport& rep) {
  const AssessmentResult& r = rep.result;
  std::string out = "## 未回答の項目\n\n";
  if (r.unanswered.empty()) return out + "未回答の項目はありません。\n\n";
  out += "次の" + std::to_string(r.unanswered.size()) + "項目は回答がありません。点数には数えていません（0点ではありません）。\n\n";
  for (const std::string& id : r.unanswered) {
    const AssessmentItemRef* item = rep.ref->assessment_item(id);
    out += "- " + esc(id) + " " + esc(item ? item->question : "") + "\n";
  }
  return out + "\n";
}

std::string items_table(const AssessmentReport& rep) {
  const AssessmentResult& r = rep.result;
  std::string out = "## 項目ごとの回答\n\n| 項目ID | 領域 | 視点 | 点検項目 | 評価 |";
  if (r.has_previous) out += " " + cell(previous_label(r)) + " |";
  out += " 根拠 | 回答部署 | 関わる自動判定 |\n|---|---|---|---|---|" + std::string(r.has_previous ? "---|" : "") +
         "---|---|---|\n";
  for (const ItemAssessment& ia : r.items) {
    const AssessmentItemRef& it = *ia.item;
    std::vector<std::string> fs;
    for (size_t i : ia.findings) fs.push_back(finding_heading(rep.findings[i]));
    out += "| " + cell(it.id) + " | " + cell(it.domain) + " | " + cell(it.viewpoint) + " | " + cell(it.question) + " | " +
           (ia.answered() ? std::to_string(ia.answer->level) : "未回答") + " |";
    if (r.has_previous) out += " " + (ia.previous_level ? std::to_string(*ia.previous_level) : "―") + " |";
    out += " " + cell(ia.answered() ? ia.answer->evidence : "") + " | " + cell(ia.answered() ? ia.answer->department : "") +
           " | " + cell(join(fs, "、")) + " |\n";
  }
  out += "\n";
  if (!r.unknown_answers.empty()) {
    out += "## 点検項目にない回答\n\n自己点検の回答の次の行は、点検項目にない項目IDを指しているため、点数に数えていません。\n\n";
    for (const AssessmentAnswer* a : r.unknown_answers)
      out += "- " + std::to_string(a->line) + "行目 " + esc(a->item_id) + "\n";
    out += "\n";
  }
  return out;
}

std::string rest(const AssessmentReport& rep) {
  return scores(rep) + jusou_axis(rep) + findings_section(rep) + contradictions(rep) + unanswered(rep) + items_table(rep);
}

constexpr const char* kCss =
    "body{font-family:\"游ゴシック\",\"Yu Gothic\",\"Hiragino Sans\",\"Noto Sans CJK JP\",sans-serif;line-height:1.7;"
    "max-width:70em;margin:2em auto;padding:0 1em;color:#222;word-break:auto-phrase;line-break:strict;"
    "overflow-wrap:break-word}h1,h2,h3,h4,th,td,caption{word-break:keep-all}"
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top}"
    "th{background:#eef2f7;text-align:left}caption{text-align:left;font-weight:bold}"
    ".charts{display:flex;flex-wrap:wrap;gap:2em}.chart{flex:1 1 30em}svg{max-width:100%;height:auto}"
    "thead{display:table-header-group}"
    "@page{size:A4;margin:18mm 16mm;@bottom-center{content:counter(page) \" / \" counter(pages);font-size:9pt}}"
    "@media print{body{max-width:none;margin:0;padding:0}.chart{break-inside:avoid}tr{break-inside:avoid}}";

}  // namespace

std::string evidence_line(const EvidenceRow& e) {
  // The input named as staff know it (「コーディネーター等の名簿 5行目」), not by its file name.
  const FileSpec* spec = reference_data().schema.file(e.file);
  std::string name = spec && !spec->title.empty() ? spec->title : e.file == "municipality.toml" ? "自治体の基本情報" : e.file;
  std::string out = name + (e.line > 0 ? " " + std::to_string(e.line) + "行目" : "（全体）");
  if (!e.id.empty()) out += " " + e.id;
  if (!e.description.empty()) out += " " + e.description;
  return out;
}

std::string assessment_report_markdown(const AssessmentReport& r) { return overview(r) + "\n" + rest(r); }

std::string assessment_report_html(const AssessmentReport& r) {
  const Municipality& m = r.data->municipality;
  const ChartData v = viewpoint_chart(r.result, m.fiscal_year);
  const ChartData d = domain_chart(r.result, m.fiscal_year);
  std::string out = "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    html_escape("進捗自己点検レポート（" + format_fiscal_year_short(m.fiscal_year) + " " + m.name + "）") +
                    "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<main>\n";
  out += markdown_to_html(overview(r));
  out += "<h2>評価の図</h2>\n<div class=\"charts\">\n<div class=\"chart\">\n" + radar_chart_svg(v) +
         chart_data_table_html(v) + "</div>\n<div class=\"chart\">\n" + bar_chart_svg(d) + chart_data_table_html(d) +
         "</div>\n</div>\n";
  out += markdown_to_html(rest(r));
  // Words, numbers and amounts stay whole on screen and in print (html_typeset.h).
  return add_word_breaks(out + "</main>\n</body>\n</html>\n");
}

bool write_assessment_report(const BuildContext& c) {
  const AssessmentReport r(c.analysis);
  bool ok = true;
  auto put = [&](const std::string& path, const std::string& bytes) {
    if (write_file(path, bytes)) return;
    c.diags.error({path, 0, ""}, path + " に書き込めません", "書き込み権限のある出力フォルダ");
    ok = false;
  };
  std::string markdown = assessment_report_markdown(r);
  put(c.out_dir + "/plan/自己点検レポート.md", markdown);
  ok = write_docx(c, markdown, "", c.out_dir + "/plan/自己点検レポート.docx") && ok;
  const std::string html = c.out_dir + "/plan/自己点検レポート.html";
  put(html, assessment_report_html(r));
  if (ok && c.pdf) ok = print_pdf(html, c.out_dir + "/plan/自己点検レポート.pdf", c.diags);
  return ok;
}

}  // namespace kyosei
