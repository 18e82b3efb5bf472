#include "read/assessment_bank_reader.h"

#include <doctest/doctest.h>

#include <stdexcept>

#include <set>

namespace kyosei {

TEST_CASE("assessment bank: the built-in bank has 9 domains, V0-V6 and 44 items") {
  const Reference& ref = builtin_reference();
  CHECK(ref.assessment_version == "1.0");
  CHECK(ref.assessment_levels.size() == 4);
  CHECK(ref.assessment_domains.size() == 9);
  CHECK(ref.assessment_viewpoints.size() == 7);
  REQUIRE(ref.assessment_items.size() == 44);
  std::set<std::string> ids;
  for (const auto& i : ref.assessment_items) {
    CAPTURE(i.id);
    ids.insert(i.id);
    CHECK(i.levels.size() == 4);
    CHECK_FALSE(i.sources.empty());
    CHECK_FALSE(i.question.empty());
    CHECK(i.origin.empty());
    CHECK(ref.assessment_domain(i.domain) != nullptr);
  }
  CHECK(ids.size() == 44);
  const AssessmentItemRef* b2 = ref.assessment_item("B2");
  REQUIRE(b2);
  CHECK(b2->viewpoints == std::vector<std::string>{"V2", "V5"});
  CHECK(b2->viewpoint == "V2,V5");
  CHECK(ref.assessment_item("G1")->viewpoint == "横断");
  CHECK(ref.assessment_item("A1")->source.find("003_b0a7500923320b3e.txt L178") != std::string::npos);
  CHECK(ref.assessment_viewpoint("V1")->jusou.size() == 5);
  for (const auto& v : ref.assessment_viewpoints)
    for (const auto& key : v.jusou) CHECK(ref.component(key) != nullptr);
}

TEST_CASE("assessment bank: malformed banks are programming errors") {
  Reference ref;
  const std::string head = "version = \"1\"\n[[viewpoint]]\nid = \"V1\"\n[[domain]]\nid = \"A\"\nviewpoints = [\"V1\"]\n";
  const std::string item = "[[item]]\nid = \"A1\"\ndomain = \"A\"\nviewpoints = [\"V1\"]\nquestion = \"q\"\nlevels = [\"0\", \"1\", \"2\", \"3\"]\nsources = [\"s\"]\n";
  CHECK_NOTHROW(parse_assessment_bank(head + item, "t.toml", ref));
  CHECK(ref.assessment_items.size() == 1);
  CHECK_THROWS_AS(parse_assessment_bank(head + item + item, "t.toml", ref), std::runtime_error);  // duplicate
  std::string three = item;
  three.replace(three.find("\"3\""), 3, "");
  CHECK_THROWS_AS(parse_assessment_bank(head + three, "t.toml", ref), std::runtime_error);
  std::string other_domain = item;
  other_domain.replace(other_domain.find("domain = \"A\""), 12, "domain = \"Z\"");
  CHECK_THROWS_AS(parse_assessment_bank(head + other_domain, "t.toml", ref), std::runtime_error);
  std::string other_viewpoint = item;
  other_viewpoint.replace(other_viewpoint.find("[\"V1\"]"), 6, "[\"V9\"]");
  CHECK_THROWS_AS(parse_assessment_bank(head + other_viewpoint, "t.toml", ref), std::runtime_error);
  CHECK_THROWS_WITH_AS(parse_assessment_bank("version = \"1\"\n", "t.toml", ref), doctest::Contains("t.toml"), std::runtime_error);
}

}  // namespace kyosei
