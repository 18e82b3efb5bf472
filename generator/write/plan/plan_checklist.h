// The checklist of the 「共通して取り組むべき事項」 (ア–タ) for the
// 地域福祉計画 draft: for each item, the sections of the finished draft
// that address it.
//
// An item is covered by explicit data only: the services whose 共通事項
// column (services.csv) names it, and the officer's own text — a
// narrative/*.md whose prose (not tables) contains one of the item's
// keywords (data/plan/common_items.csv). Text kyosei generated (templates,
// the 施策の展開 section that lists the items) is never searched, so the
// checklist cannot mark its own words as covering an item. An item with
// neither says 「取組・記述なし」. The 原文の確認 column shows the data
// file's verified flag, so an unverified list is never presented as checked.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analyse/common_items.h"
#include "write/plan/plan_draft.h"

namespace kyosei {

struct ChecklistMarkdown {
  std::string table;  // GFM table
  std::string note;   // what 未確認 means, how many items have no section
};

// chapters: the draft so far; common_items_label: the label of the section
// that lists the items (e.g. "第5章 施策の展開 ＞ 1 共通して取り組むべき事項").
ChecklistMarkdown render_common_items_checklist(const std::vector<DraftChapter>& chapters,
                                                const std::vector<CommonItemMatch>& matches,
                                                const std::map<std::string, std::string>& narratives);

// The officer's list of drafted sections and the narrative/ file that
// replaces each (write/plan/plan_draft.h ReplacementNote), per draft
// (title, notes): a table per draft, or one sentence when every drafted
// section has been replaced. Only this checklist names those files.
std::string render_replacement_list(
    const std::vector<std::pair<std::string, std::vector<ReplacementNote>>>& drafts);

// The draft cut into labelled sections (levels 1 and 2) without table
// lines, for the search.
std::vector<DraftSection> draft_sections(const std::vector<DraftChapter>& chapters);

}  // namespace kyosei
