// The 「共通して取り組むべき事項」 (ア–タ, data/plan/common_items.csv)
// against a municipality's inventory and against the text of its draft.
//
// match_common_items: which services and meeting bodies relate to each
// item, by the item's 分野 (the service's primary 分野), 機能, 重層区分,
// meeting 種別, and keywords in the service's 事業名・対象・概要・実施主体.
// This decides what the 地域福祉計画 says under 第107条第1項第1号.
//
// sections_addressing: which sections of the finished draft mention one
// of the item's keywords. This is the checklist: it reads the text as
// written (narratives and edited templates included), so an item no
// section mentions is reported as such, never assumed.
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
