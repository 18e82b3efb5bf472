#include "read/assessment_import.h"

#include <map>
#include <set>

#include "base/text.h"

namespace kyosei {

namespace {

struct Columns {
  int id = -1, level = -1, evidence = -1, department = -1;
};

std::string column_name(int col, const std::string& header) { return column_letters(col) + "（" + header + "）"; }

}  // namespace

std::vector<AssessmentAnswer> import_assessment_sheet(const XlsxWorkbook& book, const std::string& book_name,
                                                      const Reference& ref, Diagnostics& diags) {
  std::vector<AssessmentAnswer> answers;
  const XlsxSheet* sheet = book.sheet(kAssessmentImportSheet);
  if (!sheet) {
    diags.error({book_name, 0, ""}, std::string("シート「") + kAssessmentImportSheet + "」がありません",
                "kyosei build が作った 自己点検シート.xlsx");
    return answers;
  }
  const std::string where = workbook_location(book_name, sheet->name);

  // Row 1: the headers, matched after NFKC and trimming.
  Columns cols;
  std::map<int, std::string> headers;
  for (const auto& [c, cell] : sheet->rows.count(1) ? sheet->rows.at(1) : std::map<int, XlsxCell>{}) {
    const std::string h = normalize(cell.text);
    headers[c] = trim(cell.text);
    int* slot = h == "項目ID" ? &cols.id : h == "評価" ? &cols.level : h == "根拠" ? &cols.evidence
                : h == "回答部署" ? &cols.department : nullptr;
    if (slot && *slot < 0) *slot = c;
  }
  bool ok = true;
  for (auto [col, name] : {std::pair{cols.id, "項目ID"}, std::pair{cols.level, "評価"}}) {
    if (col >= 0) continue;
    diags.error({where, 1, ""}, std::string("見出しの行（1行目）に「") + name + "」の列がありません",
                "項目ID・評価・根拠・回答部署の見出し");
    ok = false;
  }
  if (!ok) return answers;

  std::set<std::string> seen;
  const int last = sheet->max_row();
  for (int row = 2; row <= last; ++row) {
    auto text = [&](int col) { return col < 0 ? std::string() : trim(sheet->cell(row, col).text); };
    const std::string id = text(cols.id);
    const std::string level = normalize(text(cols.level));
    const std::string evidence = text(cols.evidence), department = text(cols.department);
    if (id.empty()) {
      if (!level.empty())
        diags.error({where, row, column_name(cols.id, headers[cols.id])}, "評価がある行に項目IDがありません",
                    "点検項目のID（例: A1）");
      continue;
    }
    if (!ref.assessment_item(id)) {
      diags.error({where, row, column_name(cols.id, headers[cols.id])}, "点検項目にない項目IDです: " + id,
                  "A1〜I4 など、点検項目のID");
      continue;
    }
    if (!seen.insert(id).second) {
      diags.error({where, row, column_name(cols.id, headers[cols.id])}, "同じ項目IDの行が2つあります: " + id,
                  "1項目につき1行");
      continue;
    }
    if (level.empty()) {
      if (!evidence.empty() || !department.empty())
        diags.warning({where, row, column_name(cols.level, headers[cols.level])},
                      "評価が空欄のため未回答として扱います（根拠・回答部署は読み込みません）", "0〜3");
      continue;
    }
    if (level.size() != 1 || level[0] < '0' || level[0] > '3') {
      diags.error({where, row, column_name(cols.level, headers[cols.level])},
                  "評価は 0〜3 の整数で入力してください: " + level, "0、1、2、3 のいずれか（未回答は空欄）");
      continue;
    }
    AssessmentAnswer a;
    a.item_id = id;
    a.level = level[0] - '0';
    a.evidence = evidence;
    a.department = department;
    a.line = row;
    answers.push_back(std::move(a));
  }
  return answers;
}

}  // namespace kyosei
