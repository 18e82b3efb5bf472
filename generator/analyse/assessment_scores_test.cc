#include "analyse/assessment_scores.h"

#include <doctest/doctest.h>

#include "analyse/findings_test_support.h"

namespace kyosei {

using namespace test;

namespace {

void answer(Dataset& d, const std::string& id, int level) {
  AssessmentAnswer a;
  a.item_id = id;
  a.level = level;
  a.line = static_cast<int>(d.assessment.size()) + 2;
  d.assessment.push_back(a);
}

const ScoreGroup& group(const std::vector<ScoreGroup>& gs, const std::string& id) {
  for (const auto& g : gs)
    if (g.id == id) return g;
  FAIL("no group " << id);
  return gs.front();
}

const ViewpointScore& viewpoint(const AssessmentResult& r, const std::string& id) {
  for (const auto& v : r.viewpoints)
    if (v.score.id == id) return v;
  FAIL("no viewpoint " << id);
  return r.viewpoints.front();
}

Finding finding_on(std::string item, FindingSeverity s) {
  Finding f;
  f.id = "FND-T";
  f.severity = s;
  f.items = {std::move(item)};
  return f;
}

}  // namespace

TEST_CASE("assessment: unanswered items are listed, never scored 0") {
  Dataset d = municipality();
  answer(d, "A1", 3);
  answer(d, "A2", 1);
  AssessmentResult r = compute_assessment(d, builtin_reference(), {}, ContradictionConfig{});
  CHECK(r.bank_version == "1.0");
  CHECK(r.items.size() == 44);
  CHECK(r.unanswered.size() == 42);
  CHECK(r.unanswered.front() == "A3");
  const ScoreGroup& a = group(r.domains, "A");
  CHECK(a.total == 5);
  CHECK(a.answered == 2);
  REQUIRE(a.mean);
  CHECK(*a.mean == doctest::Approx(2.0));  // (3+1)/2, not (3+1)/5
  CHECK(a.unanswered == std::vector<std::string>{"A3", "A4", "A5"});
  const ScoreGroup& b = group(r.domains, "B");
  CHECK(b.answered == 0);
  CHECK_FALSE(b.mean.has_value());  // 未回答, not 0
  CHECK(r.overall.answered == 2);
  CHECK(*r.overall.mean == doctest::Approx(2.0));
}

TEST_CASE("assessment: viewpoints count multi-viewpoint items in each; 横断 apart") {
  Dataset d = municipality();
  answer(d, "B1", 2);  // V2
  answer(d, "B2", 0);  // V2,V5
  answer(d, "D3", 3);  // V5
  answer(d, "G1", 1);  // 横断
  AssessmentResult r = compute_assessment(d, builtin_reference(), {}, ContradictionConfig{});
  REQUIRE(r.viewpoints.size() == 7);
  const auto& v2 = viewpoint(r, "V2");
  CHECK(v2.score.answered == 2);
  CHECK(*v2.score.mean == doctest::Approx(1.0));
  const auto& v5 = viewpoint(r, "V5");
  CHECK(v5.score.answered == 2);
  CHECK(*v5.score.mean == doctest::Approx(1.5));
  CHECK(r.crosscutting.total == 16);  // G5 + H7 + I4
  CHECK(r.crosscutting.answered == 1);
  for (const auto& v : r.viewpoints) CHECK(std::find(v.score.item_ids.begin(), v.score.item_ids.end(), "G1") == v.score.item_ids.end());
}

TEST_CASE("assessment: the 重層事業 axis stays apart from the score") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"地域づくり"}, {"3イ", "3ロ"});
  AssessmentResult with = compute_assessment(d, builtin_reference(), {}, ContradictionConfig{});
  const auto& v1 = viewpoint(with, "V1");
  CHECK(v1.jusou.components.size() == 5);
  CHECK(v1.jusou.implemented == std::vector<std::string>{"3イ", "3ロ"});
  CHECK_FALSE(v1.score.mean.has_value());  // programs run, but nothing answered: no score
  CHECK(viewpoint(with, "V0").jusou.components.empty());
  CHECK(with.jusou_status == "実施");
}

TEST_CASE("assessment: a rating of 3 beside a finding of 注意 or more is a contradiction") {
  Dataset d = municipality();
  answer(d, "C3", 3);
  answer(d, "C4", 2);
  answer(d, "A3", 3);
  std::vector<Finding> findings = {finding_on("C3", FindingSeverity::Caution), finding_on("C4", FindingSeverity::Serious),
                                   finding_on("A3", FindingSeverity::Info), finding_on("C3", FindingSeverity::Serious)};
  AssessmentResult r = compute_assessment(d, builtin_reference(), findings, builtin_findings_config().contradiction);
  REQUIRE(r.contradictions.size() == 2);  // C4 is rated 2; A3's finding is only 情報
  CHECK(r.contradictions[0].item->id == "C3");
  CHECK(r.contradictions[0].answer->level == 3);
  CHECK(r.contradictions[0].finding == 0);
  CHECK(r.contradictions[1].finding == 3);
  for (const auto& ia : r.items)
    if (ia.item->id == "C4") CHECK(ia.findings == std::vector<size_t>{1});
}

TEST_CASE("assessment: last year's answers for the same items") {
  Dataset now = municipality();
  answer(now, "A1", 3);
  answer(now, "A2", 2);
  Dataset before = municipality();
  before.municipality.fiscal_year = 2025;
  answer(before, "A1", 1);
  answer(before, "A3", 1);
  AssessmentResult r = compute_assessment(now, builtin_reference(), {}, ContradictionConfig{}, &before);
  CHECK(r.has_previous);
  CHECK(r.previous_fiscal_year == 2025);
  CHECK(r.items[0].previous_level == 1);
  CHECK_FALSE(r.items[1].previous_level.has_value());
  const ScoreGroup& a = group(r.domains, "A");
  CHECK(a.previous_answered == 2);
  CHECK(*a.previous_mean == doctest::Approx(1.0));
  CHECK(*a.mean == doctest::Approx(2.5));
  AssessmentResult alone = compute_assessment(now, builtin_reference(), {}, ContradictionConfig{});
  CHECK_FALSE(alone.has_previous);
  CHECK_FALSE(group(alone.domains, "A").previous_mean.has_value());
}

TEST_CASE("assessment: answers naming no item are listed") {
  Dataset d = municipality();
  answer(d, "Z9", 2);
  AssessmentResult r = compute_assessment(d, builtin_reference(), {}, ContradictionConfig{});
  REQUIRE(r.unknown_answers.size() == 1);
  CHECK(r.unknown_answers[0]->item_id == "Z9");
  CHECK(r.overall.answered == 0);
}

}  // namespace kyosei
