#include "write/assessment_workbook.h"

#include <algorithm>
#include <filesystem>

#include <xlsxwriter.h>

#include "analyse/findings_config.h"
#include "base/dates.h"
#include "base/text.h"
#include "write/assessment_report.h"
#include "write/xlsx_support.h"

namespace kyosei {

namespace {

enum Col { kId, kDomain, kViewpoint, kQuestion, kRubric, kLevel, kEvidence, kDepartment, kFindings, kColumnCount };

struct ColumnInfo {
  const char* header;
  double width;
};
// The headers are what import-assessment maps by: keep them stable.
constexpr ColumnInfo kColumns[kColumnCount] = {
    {"項目ID", 8}, {"領域", 6}, {"観点", 9}, {"点検項目", 40}, {"評価0〜3の目安", 50},
    {"評価", 7},   {"根拠", 40}, {"回答部署", 14}, {"関連する指摘", 40},
};

std::string rubric(const AssessmentItemRef& item) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < item.levels.size(); ++i) lines.push_back(std::to_string(i) + "：" + item.levels[i]);
  return join(lines, "\n");
}

std::string related_findings(const AssessmentReport& r, const ItemAssessment& ia) {
  std::vector<std::string> lines;
  for (size_t i : ia.findings) {
    const Finding& f = r.findings[i];
    lines.push_back(std::string(severity_label(f.severity)) + " " + f.id + " " + f.name +
                    (f.subject.empty() ? "" : "（" + f.subject + "）"));
  }
  return join(lines, "\n");
}

}  // namespace

bool write_assessment_workbook(const BuildContext& c) {
  const std::string path = c.out_dir + "/" + kAssessmentWorkbookPath;
  auto fail = [&](const std::string& why) {
    c.diags.error({path, 0, ""}, "自己点検シートを書き込めませんでした（" + why + "）", "書き込み権限のある出力フォルダ");
    return false;
  };
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const AssessmentReport r(c.analysis);
  const Municipality& m = c.dataset.municipality;

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return fail("ブックを作成できません");
  std::string title = "進捗自己点検シート（" + m.name + "・" + format_fiscal_year(m.fiscal_year) + "）";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = const_cast<char*>("進捗自己点検");
  props.created = workbook_timestamp(m.fiscal_year);
  workbook_set_properties(wb, &props);

  lxw_format* header = add_japanese_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDE6F0);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* text = add_japanese_format(wb);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(text, LXW_BORDER_THIN);
  lxw_format* input = add_japanese_format(wb);  // the cells staff fill in
  format_set_text_wrap(input);
  format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(input, LXW_BORDER_THIN);
  format_set_bg_color(input, 0xFFF8DC);
  lxw_format* level = add_japanese_format(wb);
  format_set_align(level, LXW_ALIGN_CENTER);
  format_set_align(level, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(level, LXW_BORDER_THIN);
  format_set_bg_color(level, 0xFFF8DC);

  lxw_worksheet* ws = workbook_add_worksheet(wb, kAssessmentSheetName);
  for (int x = 0; x < kColumnCount; ++x) {
    auto col = static_cast<lxw_col_t>(x);
    worksheet_set_column(ws, col, col, kColumns[x].width, nullptr);
    worksheet_write_string(ws, 0, col, kColumns[x].header, header);
  }
  lxw_row_t row = 1;
  for (const ItemAssessment& ia : r.result.items) {
    const AssessmentItemRef& it = *ia.item;
    auto put = [&](Col x, const std::string& s, lxw_format* f) {
      const std::string v = cell_text(s);
      if (v.empty())
        worksheet_write_blank(ws, row, static_cast<lxw_col_t>(x), f);
      else
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(x), v.c_str(), f);
    };
    put(kId, it.id, text);
    put(kDomain, it.domain, text);
    put(kViewpoint, it.viewpoint, text);
    put(kQuestion, it.question, text);
    put(kRubric, rubric(it), text);
    if (ia.answered())
      worksheet_write_number(ws, row, kLevel, ia.answer->level, level);
    else
      worksheet_write_blank(ws, row, kLevel, level);
    put(kEvidence, ia.answered() ? ia.answer->evidence : "", input);
    put(kDepartment, ia.answered() ? ia.answer->department : "", input);
    put(kFindings, related_findings(r, ia), text);
    ++row;
  }
  const lxw_row_t last = row > 1 ? row - 1 : 1;

  char l0[] = "0", l1[] = "1", l2[] = "2", l3[] = "3";
  char* levels[] = {l0, l1, l2, l3, nullptr};  // libxlsxwriter takes char**
  std::string input_title = "評価（0〜3）";
  std::string input_message = "▼ から 0〜3 を選んでください。空欄は未回答（0点としては数えません）。";
  std::string error_title = "0〜3 で入力してください";
  std::string error_message = "評価は 0・1・2・3 のいずれかです。未回答なら空欄のままにしてください。";
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = levels;
  dv.ignore_blank = LXW_VALIDATION_ON;
  dv.input_title = input_title.data();
  dv.input_message = input_message.data();
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  dv.error_title = error_title.data();
  dv.error_message = error_message.data();
  worksheet_data_validation_range(ws, 1, kLevel, last, kLevel, &dv);

  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, last, kColumnCount - 1);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  set_page_header_footer(ws, m.name, kAssessmentSheetName, m.fiscal_year);

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return fail(lxw_strerror(err));
  return true;
}

}  // namespace kyosei
