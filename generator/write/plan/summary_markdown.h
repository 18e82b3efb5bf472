// 棚卸サマリー.md (out/plan/): the inventory of existing services seen as a
// 分野×機能 table and against the 13 重層事業 components, as GitHub
// Flavored Markdown for planning staff and the plan draft.
//
//   # 棚卸サマリー（架空市・令和8年度（2026年度））
//   ## 分野×機能の対応表                         numbers; an empty cell is
//                                                 written **0（空白）** and the
//                                                 empty cells are listed below
//   ## 重層的支援体制整備事業の構成事業との対応   13 rows: 区分 | 事業名 |
//                                                 対応する既存事業 | 状態,
//                                                 then the count as the plan
//                                                 drafts say it (「11事業（…）
//                                                 のうち…」, component_count_text)
//
// Every input string is escaped for a table cell, so a `|` or `*` in a
// service name stays text. Raw HTML is not used (the site strips it), so
// several services in one cell are joined with 「、」.
#pragma once
#include <string>
#include <vector>

#include "analyse/coverage.h"
#include "base/diagnostics.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

// What an empty cell of the 分野×機能 table shows.
inline constexpr const char* kEmptyCoverageCell = "**0（空白）**";

std::string render_inventory_summary(const Dataset& data, const Reference& ref, const CoverageMatrix& matrix,
                                     const std::vector<ComponentCoverage>& components);

// Renders and writes to path (parent folders are created). False, with an
// error naming the file, when it cannot be written.
bool write_inventory_summary(const Dataset& data, const Reference& ref, const CoverageMatrix& matrix,
                             const std::vector<ComponentCoverage>& components, const std::string& path,
                             Diagnostics& diagnostics);

}  // namespace kyosei
