#include "write/assessment/assessment_report.h"

#include <doctest/doctest.h>

#include "model/reference.h"

namespace kyosei {

namespace {

void answer(Dataset& d, const std::string& id, int level, std::string evidence = "") {
  AssessmentAnswer a;
  a.item_id = id;
  a.level = level;
  a.evidence = std::move(evidence);
  a.line = static_cast<int>(d.assessment.size()) + 2;
  d.assessment.push_back(a);
}

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("assessment report: sections, unanswered listed, escaped input") {
  Dataset d;
  d.municipality.name = "架空市";
  d.municipality.fiscal_year = 2026;
  d.municipality.jusou_status = "実施";
  answer(d, "A1", 2, "<script>alert(1)</script> *強調*");
  answer(d, "A2", 3);
  const Analysis a(d, builtin_reference());
  const AssessmentReport r(a);
  const std::string md = assessment_report_markdown(r);
  for (const char* h : {"# 進捗自己点検レポート（令和8年度 架空市）", "## 概要", "## 領域別の評価", "## 視点別の評価",
                        "## 重層的支援体制整備事業の構成事業（点数とは別の軸）", "## 自動判定", "## 未回答の項目",
                        "## 項目ごとの回答", "### 重大", "### 注意", "### 情報"})
    CHECK_MESSAGE(has(md, h), std::string(h));
  const int total = r.result.overall.total;
  CHECK(has(md, "- 回答: 2項目／未回答: " + std::to_string(total - 2) + "項目"));
  CHECK(has(md, "\n- A3 "));  // listed as unanswered
  CHECK(has(md, "| A3 | A | "));
  CHECK(has(md, "| 未回答 |"));
  CHECK_FALSE(has(md, "<script>"));

  const std::string html = assessment_report_html(r);
  CHECK(has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"assessment-radar\""));
  CHECK(has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"assessment-bars\""));
  CHECK(has(html, "<table class=\"chart-data\" tabindex=\"0\">"));
  CHECK_FALSE(has(html, "<script>"));
  CHECK(has(html, "&lt;script&gt;"));
  CHECK_FALSE(has(html, "<link "));  // self-contained
}

TEST_CASE("assessment report: evidence rows read file:line ID description") {
  CHECK(evidence_line({"staff.csv", 7, "P04", "所属 地域福祉課・役割5件"}) == "コーディネーター等の名簿 7行目 P04 所属 地域福祉課・役割5件");
  CHECK(evidence_line({"municipality.toml", 0, "jusou_status", "実施"}) == "自治体の基本情報（全体） jusou_status 実施");
}

TEST_CASE("assessment report: previous year's scores beside this year's") {
  Dataset d, prev;
  d.municipality.fiscal_year = 2026;
  prev.municipality.fiscal_year = 2025;
  answer(d, "A1", 3);
  answer(prev, "A1", 1);
  const Analysis a(d, builtin_reference(), &prev);
  const AssessmentReport r(a);
  const std::string md = assessment_report_markdown(r);
  CHECK(has(md, "令和7年度の平均"));
  CHECK(has(md, "| A1 | A | "));
  CHECK(has(md, "、令和7年度は 1.0"));
}

}  // namespace kyosei
