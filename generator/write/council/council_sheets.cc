#include "write/council/council_sheets.h"

#include "write/xlsx/xlsx_inventory.h"

namespace kyosei {

const std::vector<SheetBuilder>& council_sheet_builders() {
  static const std::vector<SheetBuilder> all = {
      {"棚卸一覧", [](const SheetSource& s) -> std::optional<Sheet> { return inventory_sheet(s.data); }},
      {"分野×機能", coverage_sheet},
      {"重層事業対応表", components_sheet},
      {"財源内訳", funding_sheet},
      {"人員配置", staffing_sheet},
      {"兼務状況", multiple_roles_sheet},
      {"会議体", meetings_sheet},
      {"開催実績", sessions_sheet},
      {"自己点検", assessment_sheet},
      {"指摘事項", findings_sheet},
      {"成果指標", outcomes_sheet},
      // ---- Registration point (issue 6 part 1) ------------------------------
      // A further sheet is one entry here, e.g. {"指標", indicators_sheet},
      // with its builder in its own write/council_<name>.cc declared in
      // council_sheets.h; the workbook, the 概要 list and out/csv/ pick it up.
  };
  return all;
}

std::vector<Sheet> council_sheets(const SheetSource& source) {
  std::vector<Sheet> others;
  for (const auto& b : council_sheet_builders())
    if (auto sheet = b.build(source)) others.push_back(std::move(*sheet));
  std::vector<Sheet> all;
  all.push_back(overview_sheet(source, others));
  for (auto& s : others) all.push_back(std::move(s));
  return all;
}

std::string staff_label(const SheetSource& source, size_t index) {
  if (source.audience == Audience::Internal && index < source.data.staff.size()) return source.data.staff[index].id;
  return "職員" + std::to_string(index + 1);
}

}  // namespace kyosei
