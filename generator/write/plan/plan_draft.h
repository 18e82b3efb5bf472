// The two plan drafts, assembled chapter by chapter:
//
//   重層的支援体制整備事業実施計画（案） (社会福祉法第106条の5), or the
//   移行計画（案） of a 移行準備 municipality, or a short draft for a 未実施 one;
//   地域福祉計画（案） (第107条), with the 実施計画 as one of its chapters when
//   municipality.toml says [plan] jusou_plan = "chapter".
//
// Which chapters a draft has is data (data/plan/chapters.csv: by
// jusou_status, and "previous" / "chapter" / "checklist" conditions).
// Each chapter is its template (write/plan/plan_template.h) rendered with the
// context of write/plan/plan_context.h, then:
// - a narrative/<draft>_<name>.md (e.g. narrative/実施計画_現状と課題.md)
//   replaces the whole text under the chapter heading;
// - numbered chapters get 「第N章 」 in front of their heading, in order;
// - the checklist chapter (共通して取り組むべき事項の点検表) is rendered last,
//   from the text of the other chapters.
// Embedded in the 地域福祉計画, the 実施計画's chapters become sections
// ("## 1 計画策定の趣旨・背景"), without its own 前年度からの変化.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyse/analysis.h"
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"
#include "model/plan_reference.h"
#include "model/reference.h"

namespace kyosei {

// A note for the officer that kyosei used to print beside drafted text:
// which file of the input folder's narrative/ replaces it. Such notes are
// never left in a draft (md, html, docx); they are listed in the
// checklist chapter only.
struct ReplacementNote {
  std::string section;  // 「第4章 基本方針 ＞ 1 基本理念」
  std::string file;     // 「narrative/理念.md」
};

struct DraftChapter {
  std::string file_name;  // "01_趣旨・背景.md": consecutive numbers in chapter order
  std::string title;      // plain text of its heading: "第1章 計画策定の趣旨・背景"
  std::string markdown;   // the whole chapter, starting with its "# " heading
  bool on_site = true;
  // The checklist: for the officer, written as its own .md only, never in
  // the .html or .docx that are handed over.
  bool internal = false;
  std::vector<ReplacementNote> replacements;  // taken out of `markdown`
};

// A picture a chapter shows as ![…](file_name): written beside the chapters'
// Markdown (out/plan/<draft>/), put inline in the HTML drafts and pages,
// and embedded in the .docx.
struct DraftImage {
  std::string file_name;  // "圏域ごとの人口と高齢化率.svg"
  std::string svg;
};

struct PlanDraft {
  std::string draft;       // 実施計画 | 地域福祉計画
  std::string title;       // plain text: "架空市重層的支援体制整備事業実施計画（案）"
  std::string file_title;  // for the HTML file name: "重層的支援体制整備事業実施計画（案）"
  std::vector<DraftChapter> chapters;
  std::vector<DraftImage> images;  // only those a chapter refers to
};

struct DraftOptions {
  bool public_site = false;            // only services with 公開 する (see write/plan/plan_facts.h)
  const Dataset* previous = nullptr;   // adds 前年度からの変化
  const FileSystem* inputs = nullptr;  // template overrides; nullptr: embedded templates only
};

// True when the 実施計画 is drafted on its own ([plan] jusou_plan is not "chapter").
bool jusou_plan_standalone(const Municipality& m);

// nullopt when a template could not be rendered (reported in diags).
// The figures come from the build's analysis (its dataset, reference and
// plan reference included).
std::optional<PlanDraft> build_jusou_draft(const Analysis& analysis, const DraftOptions& options, Diagnostics& diags);
// standalone_jusou: the 実施計画 drafted on its own with the same options
// (build_jusou_draft), whose notes the checklist lists; nullptr when it
// failed. Unset: it is drafted here.
using JusouDraftSource = std::function<std::shared_ptr<const PlanDraft>()>;
std::optional<PlanDraft> build_welfare_draft(const Analysis& analysis, const DraftOptions& options, Diagnostics& diags,
                                             const JusouDraftSource& standalone_jusou = {});

}  // namespace kyosei
