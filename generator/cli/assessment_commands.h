// `kyosei import-assessment 自己点検シート.xlsx -o assessment.csv`: the
// self-assessment sheet filled in in Excel (write/assessment/assessment_workbook.h)
// back into the inputs file assessment.csv (read/assessment_import.h).
//
// The CSV is UTF-8 with the contract's columns 項目ID,評価,根拠,回答部署,
// one row per answered item in sheet order; nothing is written when the
// sheet has an error (exit 2, every problem shown as
// 自己点検シート.xlsx:自己点検!F12（評価）: エラー: …). An existing file is
// replaced only with --force.
#pragma once
#include <string>
#include <vector>

#include "cli/commands.h"
#include "model/model.h"

namespace kyosei {

int run_import_assessment(const std::string& workbook, const std::string& csv_path, const CommonOptions& opt);

// The assessment.csv text for answers (RFC 4180 quoting, LF line ends).
std::string assessment_answers_csv(const std::vector<AssessmentAnswer>& answers);

}  // namespace kyosei
