// The registry against data/assessment/findings.toml, and every rule run on
// the real example dataset (inputs/, 架空市).
#include "analyse/findings.h"
#include "analyse/assessment_scores.h"

#include <doctest/doctest.h>

#include <set>
#include <stdexcept>

#include "analyse/findings_test_support.h"
#include "base/file_system.h"
#include "read/inputs_reader.h"

namespace kyosei {

using namespace test;

TEST_CASE("findings: the shipped config and the registry agree") {
  const FindingsConfig& config = builtin_findings_config();
  CHECK(config.version == "1.0");
  std::set<std::string> registered;
  for (const auto& r : registered_rules()) registered.insert(r.id);
  for (const auto& rule : config.rules) {
    CAPTURE(rule.id);
    if (rule.enabled) CHECK(registered.count(rule.id) == 1);
    else CHECK_FALSE(rule.disabled_reason.empty());
    CHECK_FALSE(rule.items.empty());
    CHECK_FALSE(rule.sources.empty());
    for (const auto& item : rule.items) CHECK(builtin_reference().assessment_item(item) != nullptr);
    for (const auto& p : rule.params) CHECK_FALSE(p.reason.empty());
    // Every placeholder of the rule text is a parameter (or the status table).
    if (!rule.rule.empty()) CHECK(rule.rule_text().find('{') == std::string::npos);
  }
  for (const auto& id : registered) CHECK(config.rule(id) != nullptr);
  // All 25 rules of assessment.md §6 are in the file, enabled or with a reason.
  for (int n = 1; n <= 25; ++n) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "FND-%02d", n);
    bool found = false;
    for (const auto& rule : config.rules)
      if (rule.id.rfind(prefix, 0) == 0) found = true;
    CHECK_MESSAGE(found, prefix);
  }
  CHECK(config.contradiction.min_level == 3);
  CHECK(config.contradiction.min_severity == FindingSeverity::Caution);
}

TEST_CASE("findings: an enabled rule with no function is an error, not silence") {
  FindingsConfig config;
  FindingRuleConfig r;
  r.id = "FND-99";
  r.rule = "x";
  r.summary = "y";
  config.rules.push_back(r);
  CHECK_THROWS_AS(compute_findings(municipality(), builtin_reference(), config), std::invalid_argument);
}

namespace {

// Every registered rule enabled (FND-20 too), built-in settings.
FindingsConfig all_rules() {
  FindingsConfig all = builtin_findings_config();
  for (auto& r : all.rules)
    for (const auto& reg : registered_rules())
      if (r.id == reg.id) r.enabled = true;
  return all;
}

void check_texts(const std::vector<Finding>& findings, const Dataset& d) {
  for (const auto& f : findings) {
    CAPTURE(f.id);
    CAPTURE(f.summary);
    CHECK(f.summary.find('{') == std::string::npos);
    CHECK(f.rule.find('{') == std::string::npos);
    CHECK_FALSE(f.items.empty());
    CHECK_FALSE(f.evidence.empty());
    for (const auto& s : d.staff) {
      if (s.name.empty()) continue;
      CHECK(f.summary.find(s.name) == std::string::npos);
      for (const auto& e : f.evidence) CHECK(e.description.find(s.name) == std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("findings: every rule runs on an empty dataset") {
  Dataset empty;
  std::vector<Finding> f;
  REQUIRE_NOTHROW(f = compute_findings(empty, builtin_reference(), all_rules()));
  check_texts(f, empty);
  // With nothing given, absences are reported and unknowns are not.
  std::set<std::string> ids;
  for (const auto& x : f) ids.insert(x.id);
  CHECK(ids.count("FND-01"));
  CHECK(ids.count("FND-21a"));
  CHECK_FALSE(ids.count("FND-08a"));  // no 多機関協働 staff: nothing to compare
  CHECK_FALSE(ids.count("FND-05"));
}

TEST_CASE("findings: the example dataset (inputs/) runs without anything absurd") {
  Diagnostics diags;
  Dataset d = read_inputs(RealFileSystem(KYOSEI_SOURCE_DIR "/inputs"), diags, ReadOptions{.read_documents = false});
  REQUIRE_FALSE(diags.has_errors());
  std::vector<Finding> f = compute_findings(d, builtin_reference(), builtin_findings_config());
  check_texts(f, d);
  // Same input, same output, same order.
  std::vector<Finding> again = compute_findings(d, builtin_reference(), builtin_findings_config());
  REQUIRE(again.size() == f.size());
  for (size_t i = 0; i < f.size(); ++i) {
    CHECK(again[i].id == f[i].id);
    CHECK(again[i].subject == f[i].subject);
    CHECK(again[i].summary == f[i].summary);
  }
  // 架空市 runs all components, meets, has indicators and coordinators in
  // every area: none of that may be reported.
  for (const auto& x : f) {
    CAPTURE(x.id);
    CAPTURE(x.subject);
    CHECK(x.severity != FindingSeverity::Serious);
    for (const char* never : {"FND-01", "FND-04", "FND-08a", "FND-13a", "FND-14", "FND-15", "FND-17", "FND-18a", "FND-18b",
                              "FND-21a", "FND-21b", "FND-24a"})
      CHECK(x.id != never);
  }
  // The answers of assessment.csv are read and joined (33 of 44 answered).
  AssessmentResult r = compute_assessment(d, builtin_reference(), f, builtin_findings_config().contradiction);
  CHECK(r.overall.answered == 33);
  CHECK(r.unanswered.size() == 11);
}

TEST_CASE("findings: examples/small-town (no 福祉事務所) gets no finding for what the prefecture runs") {
  Diagnostics diags;
  Dataset d = read_inputs(RealFileSystem(KYOSEI_SOURCE_DIR "/examples/small-town"), diags, ReadOptions{.read_documents = false});
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE_FALSE(d.municipality.welfare_office);
  for (const auto& x : compute_findings(d, builtin_reference(), builtin_findings_config())) {
    CAPTURE(x.summary);
    CHECK_FALSE((x.id == "FND-01" && x.subject == "1ニ"));  // 福祉事務所未設置町村による相談事業 is there
    CHECK_FALSE((x.id == "FND-24a" && x.subject == "生活困窮"));
    if (x.id == "FND-01") CHECK(x.severity == FindingSeverity::Caution);  // 移行準備
  }
}

}  // namespace kyosei
