// The checklist of the 「共通して取り組むべき事項」 (ア–タ) for the
// 地域福祉計画 draft: for each item, the sections of the finished draft
// that address it.
//
// A section addresses an item when its text — prose and lists, not tables —
// contains one of the item's keywords (data/plan/common_items.csv), read
// from the chapters as rendered, narratives and edited templates included. The section that
// lists the items themselves (施策の展開 ＞ 1 共通して取り組むべき事項) is
// not searched: it names an item only when the inventory has a service or
// meeting for it, and then counts for that item. An item nothing addresses
// says 「該当する記述なし」. The 原文の確認 column shows the data file's
// verified flag, so an unverified list is never presented as checked.
#pragma once
#include <string>
#include <vector>

#include "analyse/common_items.h"
#include "write/plan_draft.h"

namespace kyosei {

struct ChecklistMarkdown {
  std::string table;  // GFM table
  std::string note;   // what 未確認 means, how many items have no section
};

// chapters: the draft so far; common_items_label: the label of the section
// that lists the items (e.g. "第5章 施策の展開 ＞ 1 共通して取り組むべき事項").
ChecklistMarkdown render_common_items_checklist(const std::vector<DraftChapter>& chapters,
                                                const std::vector<CommonItemMatch>& matches);

// The draft cut into labelled sections (levels 1 and 2) without table
// lines, for the search.
std::vector<DraftSection> draft_sections(const std::vector<DraftChapter>& chapters);

}  // namespace kyosei
