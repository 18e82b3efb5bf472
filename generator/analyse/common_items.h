// The 「共通して取り組むべき事項」 (ア–タ, data/plan/common_items.csv)
// against a municipality's inventory and against the text of its draft.
//
// match_common_items: which services and meeting bodies relate to each
// item. A service relates to an item only when its 共通事項 column
// (services.csv, optional) names it: explicit data, never a keyword guess.
// Meeting bodies relate by their 種別 (explicit too). When no service of
// the dataset fills 共通事項, `suggested` lists the services whose 分野,
// 機能 or 重層区分 the item names, for the officer to confirm; they are
// never counted as covering the item.
// This decides what the 地域福祉計画 says under 第107条第1項第1号.
//
// sections_addressing: which sections of a text mention one of the item's
// keywords. The checklist runs it on the officer's own text (narrative/),
// never on what kyosei generated.
#pragma once
#include <string>
#include <vector>

#include "model/model.h"
#include "model/plan_reference.h"

namespace kyosei {

struct CommonItemMatch {
  const CommonItemRef* item = nullptr;
  std::vector<const Service*> services;  // services.csv order
  std::vector<const Meeting*> meetings;  // meetings.csv order
  std::vector<const Service*> suggested; // by 分野・機能・重層区分, to confirm (see above)
  bool empty() const { return services.empty() && meetings.empty(); }
};

// One entry per item, in data order. include(s) filters the services
// considered (e.g. public ones only); nullptr takes every service.
std::vector<CommonItemMatch> match_common_items(const Dataset& ds, const PlanReference& ref,
                                                bool (*include)(const Service&) = nullptr);

// A piece of a draft: "第5章 施策の展開 ＞ 1 共通して取り組むべき事項" and its text.
struct DraftSection {
  std::string label;
  std::string text;
};

// Labels of the sections whose text contains any of the keywords, in order.
std::vector<std::string> sections_addressing(const std::vector<DraftSection>& sections,
                                             const std::vector<std::string>& keywords);

}  // namespace kyosei
