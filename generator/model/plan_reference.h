// Reference data for the plan drafts (data/plan/*.csv), compiled into the
// binary like model/reference.h: which chapters each draft has, the items
// of 社会福祉法第107条第1項, the 「共通して取り組むべき事項」 (ア–タ, not yet
// verified against the guideline) and the typical indicators of the
// 実施計画 guideline. Planning staff change these by editing the CSVs.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

// Names of the two drafts, as in data/plan/chapters.csv and templates/plan/.
inline constexpr const char* kJusouDraft = "実施計画";
inline constexpr const char* kWelfareDraft = "地域福祉計画";

// One chapter of a draft (data/plan/chapters.csv), in chapter order.
struct PlanChapterRef {
  std::string draft;                    // 実施計画 | 地域福祉計画
  std::string file;                     // template name: 01_趣旨・背景 (templates/plan/<draft>/<file>.md)
  std::string name;                     // file without its number: 趣旨・背景
  std::vector<std::string> applies_to;  // jusou_status values: 実施 / 移行準備 / 未実施
  // "" always; "previous" only with --previous; "chapter" only when the
  // 実施計画 is a chapter of the 地域福祉計画; "checklist" rendered last,
  // after the other chapters (it reads their text).
  std::string condition;
  bool numbered = true;  // heading gets 「第N章」
  bool on_site = true;   // published on the public site
  std::string source;
};

// One of the 「共通して取り組むべき事項」 (data/plan/common_items.csv). A
// service matches when its 分野 is in fields, or it has a function in
// functions, or a 重層区分 in jusou_codes, or a keyword occurs in its
// 事業名・対象・概要・実施主体; a meeting matches by 種別. A draft section
// addresses the item when a keyword occurs in its text.
struct CommonItemRef {
  std::string id;  // ア … タ
  std::string title;
  bool verified = false;  // checked against the guideline text
  std::vector<std::string> fields, functions, jusou_codes, meeting_kinds, keywords;
  std::string source;
  std::string note;
};

// One item of 社会福祉法第107条第1項 (data/plan/welfare_plan_items.csv).
// Services are listed under it by function or 実施方法, meetings by 種別.
struct WelfarePlanItemRef {
  int number = 0;     // 1..5
  std::string short_title;  // 共通して取り組むべき事項
  std::string title;        // the item as the statute words it
  std::string goal;         // the 基本目標 the draft proposes for it
  std::vector<std::string> functions, methods, meeting_kinds;
  bool requires_jusou = false;  // item 5: only with 包括的な支援体制 / 重層事業
  std::string source;
};

// One 施策 under an item of 第107条第1項 (data/plan/welfare_measures.csv):
// what it means (guideline content, unverified where the data says so),
// which services are its 主な取組 (by 機能 or 実施方法, explicit columns),
// which meeting bodies (種別) and which indicators.csv 区分 measure it.
struct WelfareMeasureRef {
  int number = 0;  // the item (号) it belongs to
  std::string title;
  std::string content;
  std::vector<std::string> functions, methods, meeting_kinds, indicator_categories;
  bool verified = false;
  std::string source;
};

// A typical indicator of the 実施計画 guideline (data/plan/typical_indicators.csv),
// proposed where indicators.csv has none of its 区分.
struct TypicalIndicatorRef {
  std::string category;  // indicators.csv 区分
  std::string name;
  std::string unit;
  // How the current value can be read from the inputs: "" (it cannot), or
  // "sites_of_go:N" (sum of 拠点数 of the services with a 重層区分 of 第N号).
  std::string current_from;
  std::string source;
};

// How the plan words a finding as one of its 「課題」 (data/plan/issues.csv).
// The 課題 are the findings of the build (analyse/findings.h; rules and
// thresholds only in data/assessment/findings.toml), in the order of this
// table; a finding not listed is not a 課題 of the plan. Every instance of
// the finding becomes one piece `each` (filled from the finding's values),
// joined by `joiner`; after max_each pieces (0: no limit) the rest is
// `more`. `text` is then filled with {each}, {instances} (how many), the
// first instance's values and the rule's parameters. A row with statuses
// applies to those 重層事業 statuses only and goes before the general row.
struct PlanIssueRef {
  std::string finding;  // FND-xx
  std::vector<std::string> statuses;
  std::string each, joiner, more, text;
  int max_each = 0;
  std::string source;
};

struct PlanReference {
  std::vector<PlanChapterRef> chapters;
  std::vector<CommonItemRef> common_items;
  std::vector<WelfarePlanItemRef> welfare_items;
  std::vector<WelfareMeasureRef> welfare_measures;
  std::vector<TypicalIndicatorRef> typical_indicators;
  std::vector<PlanIssueRef> issues;
};

// The data compiled into the binary (parsed on first use).
const PlanReference& builtin_plan_reference();

}  // namespace kyosei
