// Finding rules on the outcome indicators: FND-21a-b.
#include "analyse/findings_test_support.h"

namespace kyosei {

using namespace test;

TEST_CASE("FND-21a: no outcome indicator with a target") {
  Dataset none = municipality();
  auto f = run_rule(none, "FND-21a");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"indicators.csv:0:"});

  Dataset untargeted = municipality();
  add_indicator(untargeted, "K1", std::nullopt);
  add_indicator(untargeted, "K2", std::nullopt);
  auto g = run_rule(untargeted, "FND-21a");
  REQUIRE(g.size() == 1);
  CHECK(evidence_keys(g[0]) == Strings{"indicators.csv:2:K1", "indicators.csv:3:K2"});

  // One target is enough.
  add_indicator(untargeted, "K3", 10);
  CHECK(run_rule(untargeted, "FND-21a").empty());
}

TEST_CASE("FND-21b: targets without results of this or last fiscal year") {
  Dataset d = municipality();  // fiscal year 2026: 2025 and 2026 count
  add_indicator(d, "K1", 30, {{2023, 5}, {2024, 8}});
  add_indicator(d, "K2", 10);
  add_indicator(d, "K3", std::nullopt, {{2026, 3}});  // no target: not an outcome target
  auto f = run_rule(d, "FND-21b");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"indicators.csv:2:K1", "indicators.csv:3:K2"});
  CHECK(f[0].summary.find("令和7年度・令和8年度") != std::string::npos);
  // A result of last year (the edge of the window) is enough.
  d.indicators[1].results.push_back({2025, 4});
  CHECK(run_rule(d, "FND-21b").empty());
  // No target at all is FND-21a's business.
  Dataset none = municipality();
  CHECK(run_rule(none, "FND-21b").empty());
}

}  // namespace kyosei
