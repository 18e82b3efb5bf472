#include "write/common/outputs.h"

#include "write/site/site_writer.h"
#include "write/plan/summary_markdown.h"
#include "write/xlsx/xlsx_inventory.h"
#include "write/council/council_outputs.h"
#include "write/plan/plan_outputs.h"
#include "write/assessment/assessment_report.h"
#include "write/assessment/assessment_workbook.h"

namespace kyosei {

namespace {

bool inventory_summary(const BuildContext& c) {
  return write_inventory_summary(c.dataset, c.reference, c.analysis.all.coverage, c.analysis.all.components,
                                 c.out_dir + "/plan/棚卸サマリー.md", c.diags);
}

bool inventory_workbook(const BuildContext& c) {
  return write_inventory_workbook(c.dataset, c.reference, c.out_dir + "/excel/棚卸一覧.xlsx", c.diags);
}

bool public_site(const BuildContext& c) {
  return write_site(c.analysis, c.inputs, c.out_dir + "/site", c.diags,
                    {.privacy_problems = c.input_problems, .jobs = c.jobs, .pdf = c.pdf});
}

}  // namespace

const std::vector<OutputWriter>& output_writers() {
  static const std::vector<OutputWriter> all = {
      {"棚卸サマリー", "plan/棚卸サマリー.md", inventory_summary},
      {"棚卸一覧（Excel）", "excel/棚卸一覧.xlsx", inventory_workbook},
      {"公開サイト", "site/", public_site},
      {"審議会資料（Excel）", kCouncilWorkbookPath, write_council_workbook},
      {"表データ（CSV）", "csv/", write_council_csv},
      {"重層的支援体制整備事業実施計画（案）", "plan/実施計画/", write_jusou_plan},
      {"地域福祉計画（案）", "plan/地域福祉計画/", write_welfare_plan},
      {"進捗自己点検レポート", "plan/自己点検レポート.md", write_assessment_report},
      {"進捗自己点検シート（Excel）", kAssessmentWorkbookPath, write_assessment_workbook},
  };
  return all;
}

}  // namespace kyosei
