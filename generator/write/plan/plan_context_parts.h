// The parts of build_plan_context (write/plan/plan_context.h), one per group of
// chapters. Each adds its keys to the context; see templates/README.md for
// the keys and what they hold.
#pragma once
#include <string>

#include <kainjow/mustache.hpp>

#include "write/plan/plan_facts.h"

namespace kyosei {

namespace plan_parts {

using Data = kainjow::mustache::data;

// Sets key only when value is not empty (so sections can test for it).
void set_if(Data& d, const std::string& key, const std::string& value);

// 概況, 棚卸 (分野×機能, 構成事業), 職員配置, 課題, 会議体の概要.
void add_inventory(const PlanFacts& f, Data& d);
// 第1号 … 第5号 and the 委託先 of the 重層 services.
void add_provision(const PlanFacts& f, Data& d);
// 支援会議・重層的支援会議・既存の会議体, 構成機関, 所属区分, 推進体制.
void add_meetings(const PlanFacts& f, Data& d);
// 成果指標, 提案指標, 財源内訳, 会議体開催表.
void add_evaluation(const PlanFacts& f, Data& d);
// 成果指標の達成状況: results by year, 達成率, 傾向.
void add_outcomes(const PlanFacts& f, Data& d);
// 地域福祉計画: 記載事項表, 圏域, 基本目標, 施策の展開.
void add_welfare(const PlanFacts& f, Data& d);
// 前年度からの変化 (only with settings.previous).
void add_change(const PlanFacts& f, Data& d);

// 「（なし）」-free helpers shared by the parts.
std::string status_label(const PlanFacts& f);  // 実施（令和5年度（2023年度）開始）…

}  // namespace plan_parts

}  // namespace kyosei
