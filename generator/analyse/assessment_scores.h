// The self-assessment (進捗自己点検) as numbers: the answers in
// assessment.csv joined with the item bank, scores by domain (領域 A–I) and
// by viewpoint (視点 V0–V6), the 重層事業 status beside them, and the places
// where a self-rating and an automatic finding disagree.
//
//   auto findings = compute_findings(data, ref, config);
//   AssessmentResult r = compute_assessment(data, ref, findings, config.contradiction, previous);
//
// Rules (a planning officer reads these numbers, so they are fixed here):
// - An unanswered item is listed in `unanswered`, never scored 0. A mean is
//   over answered items only, with the count answered/total beside it; a
//   group with no answer has no mean (nullopt, shown 「未回答」).
// - An item with several viewpoints (B2: V2,V5) counts in each. Items with
//   no viewpoint (横断: domains G, H, I) form their own group,
//   `crosscutting`, and count in no viewpoint.
// - The 重層事業 axis of a viewpoint (which of its components the inventory
//   names) is kept apart from the score and never folded into it: running
//   the programs is not the same as having the system (assessment.md §2).
// - A contradiction pairs an answer rated at least config.min_level with a
//   finding of at least config.min_severity that bears on the same item.
//   Both are shown as they are; neither is judged.
// - With a previous year's dataset, each item gets last year's level and
//   each group last year's mean over the same items (the current bank).
//
// Pointers point into ref, data, previous and findings; keep them alive.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyse/findings.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

struct ItemAssessment {
  const AssessmentItemRef* item = nullptr;
  const AssessmentAnswer* answer = nullptr;  // nullptr: unanswered
  std::optional<int> previous_level;         // last year's answer to the same ID
  std::vector<size_t> findings;              // indexes into the findings bearing on this item

  bool answered() const { return answer != nullptr; }
};

struct ScoreGroup {
  std::string id;    // "A", "V1", "横断", "全体"
  std::string name;
  std::vector<std::string> item_ids;  // bank order
  int total = 0;
  int answered = 0;
  std::optional<double> mean;  // 0–3 over answered items; nullopt when none is answered
  std::vector<std::string> unanswered;
  int previous_answered = 0;
  std::optional<double> previous_mean;
};

// Which 重層事業 components of a viewpoint the inventory names.
struct JusouAxis {
  std::vector<std::string> components;   // keys, as mapped in items.toml
  std::vector<std::string> implemented;  // those some service names in 重層区分
};

struct ViewpointScore {
  const AssessmentViewpoint* viewpoint = nullptr;
  ScoreGroup score;
  JusouAxis jusou;  // the second axis: never mixed into score
};

struct Contradiction {
  const AssessmentItemRef* item = nullptr;
  const AssessmentAnswer* answer = nullptr;
  size_t finding = 0;  // index into the findings passed in
};

struct AssessmentResult {
  std::string bank_version;                // items.toml version
  std::string jusou_status;                // municipality.toml, shown beside the scores
  std::vector<ItemAssessment> items;       // bank order
  std::vector<std::string> unanswered;     // item IDs, bank order
  std::vector<const AssessmentAnswer*> unknown_answers;  // naming no item of the bank
  std::vector<ScoreGroup> domains;         // bank order
  std::vector<ViewpointScore> viewpoints;  // V0 … V6
  ScoreGroup crosscutting;                 // 横断: items with no viewpoint
  ScoreGroup overall;                      // every item
  std::vector<Contradiction> contradictions;  // item order, then findings order
  bool has_previous = false;
  int previous_fiscal_year = 0;
};

AssessmentResult compute_assessment(const Dataset& data, const Reference& ref, const std::vector<Finding>& findings,
                                    const ContradictionConfig& config, const Dataset* previous = nullptr);

}  // namespace kyosei
