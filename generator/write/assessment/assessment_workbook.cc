#include "write/assessment/assessment_workbook.h"

#include "analyse/findings_config.h"
#include "base/dates.h"
#include "base/text.h"
#include "write/assessment/assessment_report.h"
#include "write/sheet/sheet_table.h"
#include "write/sheet/xlsx_sheet.h"

namespace kyosei {

namespace {

// The headers are what import-assessment maps by: keep them stable.
// Free-text columns are capped so the printed page stays legible; their
// text wraps and the rows grow to fit (write/sheet/xlsx_sheet.h).
constexpr double kQuestionWidth = 40, kRubricWidth = 50, kEvidenceWidth = 40, kDepartmentWidth = 14,
                 kFindingsWidth = 40;

std::string rubric(const AssessmentItemRef& item) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < item.levels.size(); ++i) lines.push_back(std::to_string(i) + "：" + item.levels[i]);
  return join(lines, "\n");
}

std::string related_findings(const AssessmentReport& r, const ItemAssessment& ia) {
  std::vector<std::string> lines;
  for (size_t i : ia.findings) {
    const Finding& f = r.findings[i];
    lines.push_back(std::string(severity_label(f.severity)) + " " + f.name +
                    (f.subject.empty() ? "" : "（" + f.subject + "）"));
  }
  return join(lines, "\n");
}

Sheet assessment_input_sheet(const AssessmentReport& r) {
  Sheet sheet;
  sheet.name = kAssessmentSheetName;
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.csv = false;
  SheetTableColumn level{"評価", CellFormat::Number};
  level.input = true;
  level.centred = true;
  level.choices = {"0", "1", "2", "3"};
  level.choice_title = "評価（0〜3）";
  level.choice_message = "▼ から 0〜3 を選んでください。空欄は未回答（0点としては数えません）。";
  level.error_title = "0〜3 で入力してください";
  level.error_message = "評価は 0、1、2、3 のいずれかです。未回答なら空欄のままにしてください。";
  SheetTableColumn evidence{"根拠", CellFormat::Text, kEvidenceWidth};
  evidence.input = true;
  SheetTableColumn department{"回答部署", CellFormat::Text, kDepartmentWidth};
  department.input = true;
  t.columns = {{"項目ID", CellFormat::Text}, {"領域", CellFormat::Text}, {"観点", CellFormat::Text},
               {"点検項目", CellFormat::Text, kQuestionWidth}, {"評価0〜3の目安", CellFormat::Text, kRubricWidth},
               level, evidence, department, {"関連する指摘", CellFormat::Text, kFindingsWidth}};
  for (const ItemAssessment& ia : r.result.items) {
    const AssessmentItemRef& it = *ia.item;
    SheetRow& row = t.add_row();
    row.cells = {SheetCell::of_text(it.id), SheetCell::of_text(it.domain), SheetCell::of_text(it.viewpoint),
                 SheetCell::of_text(it.question), SheetCell::of_text(rubric(it)),
                 ia.answered() ? SheetCell::of_number(ia.answer->level) : SheetCell::blank(),
                 SheetCell::of_text(ia.answered() ? ia.answer->evidence : ""),
                 SheetCell::of_text(ia.answered() ? ia.answer->department : ""),
                 SheetCell::of_text(related_findings(r, ia))};
  }
  return sheet;
}

}  // namespace

bool write_assessment_workbook(const BuildContext& c) {
  const AssessmentReport r(c.analysis);
  const Municipality& m = c.dataset.municipality;
  WorkbookInfo info;
  info.path = c.out_dir + "/" + kAssessmentWorkbookPath;
  info.title = "進捗自己点検シート（" + m.name + "・" + format_fiscal_year(m.fiscal_year) + "）";
  info.subject = "進捗自己点検";
  info.what = "自己点検シート";
  return write_workbook(info, m, {assessment_input_sheet(r)}, c.diags);
}

}  // namespace kyosei
