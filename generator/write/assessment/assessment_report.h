// The progress self-assessment report (進捗自己点検レポート) of `kyosei
// build`, for the planning office and the council:
//
//   plan/自己点検レポート.md     Markdown, to read and edit
//   plan/自己点検レポート.html   the same, self-contained (inline CSS, the
//                                 radar and bar charts inline as SVG)
//
//   AssessmentReport r(analysis);   // the build's findings and scores
//   std::string md = assessment_report_markdown(r);
//   std::string html = assessment_report_html(r);
//
// What it shows (docs/assessment.md):
// - scores by domain and by viewpoint with answered/total; a group with no
//   answer reads 「未回答」, an unanswered item is listed, never scored 0;
// - the 重層事業 axis in a table of its own, never mixed into the scores;
// - the findings by severity (重大・注意・情報), each with its rule, the
//   rows that made it fire (file:line ID description) and its items;
// - an answer and a finding that disagree side by side, without judging;
// - with --previous, last year's scores beside this year's.
// Every input string is escaped. Findings never name staff; the report
// holds no staff 氏名 and no 議題.
#pragma once
#include <string>
#include <vector>

#include "analyse/analysis.h"
#include "analyse/assessment_scores.h"
#include "analyse/findings.h"
#include "write/common/outputs.h"

namespace kyosei {

// The findings and scores of the build's analysis (analyse/analysis.h),
// with last year's answers beside (with_previous, when --previous is given)
// or this year's alone.
struct AssessmentReport {
  explicit AssessmentReport(const Analysis& a, bool with_previous = true)
      : data(&a.data),
        ref(&a.ref),
        findings(a.findings),
        result(with_previous ? a.assessment : a.assessment_this_year()) {}
  const Dataset* data;
  const Reference* ref;
  const std::vector<Finding>& findings;
  const AssessmentResult& result;
};

std::string assessment_report_markdown(const AssessmentReport& r);
std::string assessment_report_html(const AssessmentReport& r);

// "meetings.csv:4 M03 「…」 構成機関6" — a row as the report shows it
// (line 0: the file as a whole).
std::string evidence_line(const EvidenceRow& e);

// The build output (registered in outputs.cc).
bool write_assessment_report(const BuildContext& ctx);

}  // namespace kyosei
