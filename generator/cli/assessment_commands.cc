#include "cli/assessment_commands.h"

#include <filesystem>
#include <iostream>

#include "base/file_system.h"
#include "model/reference.h"
#include "model/reference_data.h"
#include "read/assessment_import.h"
#include "read/xlsx_reader.h"

namespace kyosei {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string assessment_answers_csv(const std::vector<AssessmentAnswer>& answers) {
  std::string out = "項目ID,評価,根拠,回答部署\n";
  for (const AssessmentAnswer& a : answers)
    out += csv_field(a.item_id) + "," + std::to_string(a.level) + "," + csv_field(a.evidence) + "," +
           csv_field(a.department) + "\n";
  return out;
}

int run_import_assessment(const std::string& workbook, const std::string& csv_path, const CommonOptions& opt) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(workbook, ec)) {
    std::cerr << "自己点検シート「" << workbook << "」がありません。kyosei build が作った excel/自己点検シート.xlsx を指定してください。\n";
    return kExitInvalidInput;
  }
  if (!opt.force && std::filesystem::exists(csv_path, ec)) {
    std::cerr << "「" << csv_path << "」はすでにあるため、何も書きませんでした。上書きしてよいときは --force を付けてください。\n";
    return kExitInvalidInput;
  }
  Diagnostics diags;
  std::vector<AssessmentAnswer> answers;
  if (auto book = read_xlsx(workbook, workbook, diags))
    answers = import_assessment_sheet(*book, workbook, reference_data().reference, diags);
  for (const auto& d : diags.sorted()) std::cerr << format_workbook_diagnostic(d) << "\n";
  const bool failed = diags.has_errors() || (opt.strict && diags.warning_count() > 0);
  if (diags.error_count() || diags.warning_count())
    std::cerr << "エラー " << diags.error_count() << " 件、警告 " << diags.warning_count() << " 件\n";
  if (failed) {
    std::cerr << "自己点検シートに問題があるため、「" << csv_path << "」には何も書きませんでした。\n";
    return kExitInvalidInput;
  }
  if (!write_file(csv_path, assessment_answers_csv(answers))) {
    std::cerr << "「" << csv_path << "」に書き込めません。書き込み権限のある場所を指定してください。\n";
    return kExitInvalidInput;
  }
  if (!opt.quiet)
    std::cout << "「" << csv_path << "」に回答 " << answers.size() << " 項目を書きました。\n";
  return kExitOk;
}

}  // namespace kyosei
