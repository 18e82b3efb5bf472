#include "write/plan/summary_markdown.h"

#include <string_view>

#include "base/dates.h"
#include "base/file_system.h"
#include "base/text.h"
#include "write/markdown/markdown_html.h"
#include "write/plan/plan_text.h"

namespace kyosei {

namespace {

// Input text as the content of one GFM table cell (also used for headings
// and list items: escaping every punctuation character is safe there too).
std::string cell(std::string_view s) { return markdown_table_cell(s); }

std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

// "事業名（S001）"
std::string service_cell(const Service& s) { return cell(s.name) + "（" + cell(s.id) + "）"; }

void render_matrix(const Dataset& data, const CoverageMatrix& m, std::string& out) {
  out += "## 分野×機能の対応表\n\n";
  out += "各セルは、その分野を主な分野とし、その機能を持つ事業の数です。"
         "1つの事業が複数の機能を持つときは、それぞれの列で数えます。"
         "関連分野は数えません。「計」は事業の数です。\n\n";

  std::vector<std::string> header{"分野＼機能"};
  std::vector<std::string> rule{"---"};
  for (const auto& f : m.functions) {
    header.push_back(cell(f));
    rule.push_back("---:");
  }
  header.push_back("計");
  rule.push_back("---:");
  out += row(header) + row(rule);

  for (size_t r = 0; r < m.fields.size(); ++r) {
    std::vector<std::string> cells{cell(m.fields[r])};
    for (size_t c = 0; c < m.functions.size(); ++c) {
      int n = m.at(r, c).count;
      cells.push_back(n == 0 ? kEmptyCoverageCell : std::to_string(n));
    }
    cells.push_back(std::to_string(m.row_totals[r]));
    out += row(cells);
  }
  std::vector<std::string> totals{"計"};
  for (int n : m.column_totals) totals.push_back(std::to_string(n));
  totals.push_back(std::to_string(m.total));
  out += row(totals) + "\n";

  auto empty = m.empty_cells();
  if (empty.empty()) {
    out += "空白のセル（該当する事業がない組み合わせ）はありません。\n\n";
  } else {
    out += "空白のセル（該当する事業がない組み合わせ）は" + std::to_string(empty.size()) + "件です。\n\n";
    // One line per 分野, listing its empty 機能.
    for (size_t i = 0; i < empty.size();) {
      size_t r = empty[i].row;
      std::vector<std::string> names;
      for (; i < empty.size() && empty[i].row == r; ++i) names.push_back(cell(m.functions[empty[i].column]));
      bool whole_row = names.size() == m.functions.size() && names.size() > 1;
      out += "- " + cell(m.fields[r]) + "：" + (whole_row ? std::string("すべての機能") : join(names, "、")) + "\n";
    }
    out += "\n";
  }

  if (!m.uncounted.empty()) {
    std::vector<std::string> labels;
    for (const auto& id : m.uncounted) {
      const Service* s = data.find_service(id);
      labels.push_back(s ? service_cell(*s) : cell(id));
    }
    out += "分野または機能が表の項目にないため数えていない事業：" + join(labels, "、") + "\n\n";
  }
}

void render_components(const std::vector<ComponentCoverage>& components, std::string& out) {
  out += "## 重層的支援体制整備事業の構成事業との対応\n\n";
  out += "棚卸の「重層区分」に構成事業を挙げた既存事業を示します。\n\n";
  out += row({"区分", "事業名", "対応する既存事業", "状態"});
  out += row({"---", "---", "---", "---"});
  std::vector<const ComponentCoverage*> substituted;
  for (const auto& c : components) {
    std::vector<std::string> labels;
    for (const Service* s : c.services) labels.push_back(service_cell(*s));
    out += row({cell(c.component->law_ref), cell(c.expected_program),
                labels.empty() ? "（なし）" : join(labels, "、"), cell(c.status)});
    if (c.substituted) substituted.push_back(&c);
  }
  out += "\n";
  // Counted as the plan drafts count (the guidebook's 11事業), not by rows.
  out += component_count_text(components) +
         "「未把握」は、重層区分にその構成事業を挙げた既存事業がないことを示し、"
         "実施していないという意味ではありません。\n";
  for (const ComponentCoverage* c : substituted) {
    out += "\n福祉事務所を設置していないため、" + cell(c->component->law_ref) + "は「" +
           cell(c->component->program_name) + "」に代えて「" + cell(c->expected_program) + "」としています。\n";
  }
}

}  // namespace

std::string render_inventory_summary(const Dataset& data, const Reference& ref, const CoverageMatrix& matrix,
                                     const std::vector<ComponentCoverage>& components) {
  const Municipality& mu = data.municipality;
  std::string out = "# 棚卸サマリー（" + cell(mu.name) + "・" + format_fiscal_year(mu.fiscal_year) + "）\n\n";
  out += "既存事業・取組の棚卸（" + std::to_string(data.services.size()) +
         "件）を、分野と機能の組み合わせ、および重層的支援体制整備事業の構成事業との対応で整理しました。"
         "公開しない事業も含みます。\n\n";
  render_matrix(data, matrix, out);
  render_components(components, out);
  return out;
}

bool write_inventory_summary(const Dataset& data, const Reference& ref, const CoverageMatrix& matrix,
                             const std::vector<ComponentCoverage>& components, const std::string& path,
                             Diagnostics& diagnostics) {
  if (write_file(path, render_inventory_summary(data, ref, matrix, components))) return true;
  diagnostics.error({path, 0, ""}, "棚卸サマリーを書き込めませんでした（" + path + "）",
                    "書き込みできる出力フォルダ");
  return false;
}

}  // namespace kyosei
