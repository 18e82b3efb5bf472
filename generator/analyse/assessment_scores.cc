#include "analyse/assessment_scores.h"

#include <algorithm>
#include <map>

#include "analyse/coverage.h"

namespace kyosei {

namespace {

// Scores a group from the joined items; item_ids must be set.
void score(ScoreGroup& g, const std::map<std::string, const ItemAssessment*>& by_id) {
  g.total = static_cast<int>(g.item_ids.size());
  int sum = 0, previous_sum = 0;
  for (const auto& id : g.item_ids) {
    const ItemAssessment& ia = *by_id.at(id);
    if (ia.answered()) {
      ++g.answered;
      sum += ia.answer->level;
    } else {
      g.unanswered.push_back(id);
    }
    if (ia.previous_level) {
      ++g.previous_answered;
      previous_sum += *ia.previous_level;
    }
  }
  if (g.answered) g.mean = static_cast<double>(sum) / g.answered;
  if (g.previous_answered) g.previous_mean = static_cast<double>(previous_sum) / g.previous_answered;
}

}  // namespace

AssessmentResult compute_assessment(const Dataset& data, const Reference& ref, const std::vector<Finding>& findings,
                                    const ContradictionConfig& config, const Dataset* previous) {
  AssessmentResult r;
  r.bank_version = ref.assessment_version;
  r.jusou_status = data.municipality.jusou_status;
  r.has_previous = previous != nullptr;
  if (previous) r.previous_fiscal_year = previous->municipality.fiscal_year;

  std::map<std::string, const AssessmentAnswer*> answers, previous_answers;
  for (const auto& a : data.assessment) answers.emplace(a.item_id, &a);  // IDs are unique (schema)
  if (previous)
    for (const auto& a : previous->assessment) previous_answers.emplace(a.item_id, &a);

  r.items.reserve(ref.assessment_items.size());
  for (const AssessmentItemRef& item : ref.assessment_items) {
    ItemAssessment ia;
    ia.item = &item;
    if (auto it = answers.find(item.id); it != answers.end()) ia.answer = it->second;
    if (auto it = previous_answers.find(item.id); it != previous_answers.end()) ia.previous_level = it->second->level;
    for (size_t f = 0; f < findings.size(); ++f)
      if (std::find(findings[f].items.begin(), findings[f].items.end(), item.id) != findings[f].items.end()) ia.findings.push_back(f);
    if (!ia.answered()) r.unanswered.push_back(item.id);
    r.items.push_back(std::move(ia));
  }
  for (const auto& a : data.assessment)
    if (!ref.assessment_item(a.item_id)) r.unknown_answers.push_back(&a);

  std::map<std::string, const ItemAssessment*> by_id;
  for (const auto& ia : r.items) by_id.emplace(ia.item->id, &ia);

  for (const AssessmentDomain& d : ref.assessment_domains) {
    ScoreGroup g{d.id, d.name};
    for (const auto& ia : r.items)
      if (ia.item->domain == d.id) g.item_ids.push_back(ia.item->id);
    score(g, by_id);
    r.domains.push_back(std::move(g));
  }

  std::vector<std::string> implemented;
  for (const ComponentCoverage& c : compute_component_coverage(data, ref))
    if (c.implemented()) implemented.push_back(c.component->key);
  for (const AssessmentViewpoint& v : ref.assessment_viewpoints) {
    ViewpointScore vs;
    vs.viewpoint = &v;
    vs.score = ScoreGroup{v.id, v.name};
    for (const auto& ia : r.items)
      if (std::find(ia.item->viewpoints.begin(), ia.item->viewpoints.end(), v.id) != ia.item->viewpoints.end())
        vs.score.item_ids.push_back(ia.item->id);
    score(vs.score, by_id);
    vs.jusou.components = v.jusou;
    for (const auto& key : v.jusou)
      if (std::find(implemented.begin(), implemented.end(), key) != implemented.end()) vs.jusou.implemented.push_back(key);
    r.viewpoints.push_back(std::move(vs));
  }

  r.crosscutting = ScoreGroup{"横断", "横断（支援者支援・推進体制・評価）"};
  r.overall = ScoreGroup{"全体", "全項目"};
  for (const auto& ia : r.items) {
    if (ia.item->viewpoints.empty()) r.crosscutting.item_ids.push_back(ia.item->id);
    r.overall.item_ids.push_back(ia.item->id);
  }
  score(r.crosscutting, by_id);
  score(r.overall, by_id);

  for (const auto& ia : r.items) {
    if (!ia.answered() || ia.answer->level < config.min_level) continue;
    for (size_t f : ia.findings)
      if (findings[f].severity >= config.min_severity) r.contradictions.push_back({ia.item, ia.answer, f});
  }
  return r;
}

}  // namespace kyosei
