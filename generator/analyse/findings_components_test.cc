// Finding rules on the inventory: FND-01, 03a-c, 04, 11, 13a. Each rule:
// a dataset that triggers it (with the exact evidence rows), one that does
// not, and one exactly at its threshold.
#include "analyse/findings_test_support.h"

namespace kyosei {

using namespace test;

namespace {

const Strings kRequired = {"1イ", "1ロ", "1ハ", "1ニ", "2", "3イ", "3ロ", "3ハ", "3ニ", "3柱", "4", "5"};

// One service per required component, except those in `missing`.
Dataset with_components(const Strings& missing, std::string status = "実施", bool welfare_office = true) {
  Dataset d = municipality(status, welfare_office);
  int n = 0;
  for (const auto& code : kRequired)
    if (std::find(missing.begin(), missing.end(), code) == missing.end())
      add_service(d, "S" + std::to_string(++n), "地域福祉", {"相談支援"}, {code});
  return d;
}

}  // namespace

TEST_CASE("FND-01: a missing component is reported with its severity by jusou_status") {
  auto f = run_rule(with_components({"4"}), "FND-01");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "4");
  CHECK(f[0].severity == FindingSeverity::Serious);
  CHECK(evidence_keys(f[0]) == Strings{"municipality.toml:0:jusou_status", "services.csv:0:"});
  CHECK(f[0].summary.find("アウトリーチ等を通じた継続的支援事業") != std::string::npos);
  CHECK(f[0].items == Strings{"H5", "C2"});
  CHECK(f[0].rule.find("実施＝重大、移行準備＝注意、未実施＝情報") != std::string::npos);

  CHECK(run_rule(with_components({"4"}, "移行準備"), "FND-01")[0].severity == FindingSeverity::Caution);
  CHECK(run_rule(with_components({"4"}, "未実施"), "FND-01")[0].severity == FindingSeverity::Info);
  CHECK(subjects(run_rule(with_components({"2", "3柱"}), "FND-01")) == Strings{"2", "3柱"});
}

TEST_CASE("FND-01: nothing is reported when every required component has a service; 6 is not required") {
  CHECK(run_rule(with_components({}), "FND-01").empty());
  // One service is enough (the threshold is zero services).
  Dataset d = with_components({"5"});
  add_service(d, "S99", "生活困窮", {"相談支援", "多機関協働"}, {"1ニ", "5"});
  CHECK(run_rule(d, "FND-01").empty());
}

TEST_CASE("FND-01: without a 福祉事務所, 1ニ is met by the substitute program") {
  // Coded 1ニ: met as usual.
  CHECK(run_rule(with_components({}, "実施", false), "FND-01").empty());
  // Coded 3柱 but named as the substitute (004 L316): met.
  Dataset d = with_components({"1ニ"}, "実施", false);
  d.services[0].name = "福祉事務所未設置町村による相談事業";
  CHECK(run_rule(d, "FND-01").empty());
  // Not there at all: reported, naming the substitute.
  auto f = run_rule(with_components({"1ニ"}, "実施", false), "FND-01");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "1ニ");
  CHECK(f[0].summary.find("福祉事務所未設置町村による相談事業") != std::string::npos);
  CHECK(evidence_keys(f[0]) == Strings{"municipality.toml:0:jusou_status", "municipality.toml:0:welfare_office", "services.csv:0:"});
  // With a 福祉事務所 the substitute name does not count.
  Dataset w = with_components({"1ニ"});
  w.services[0].name = "福祉事務所未設置町村による相談事業";
  CHECK(run_rule(w, "FND-01").size() == 1);
}

TEST_CASE("FND-03a: a field with no 地域づくり service") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"地域づくり"});
  add_service(d, "S2", "障害", {"相談支援"});
  add_service(d, "S3", "子ども", {"地域づくり", "相談支援"});
  add_service(d, "S4", "障害", {"参加支援"});
  add_service(d, "S5", "生活困窮", {"地域づくり"});
  add_service(d, "S6", "地域福祉", {"地域づくり"}).related_fields = {"障害"};
  auto f = run_rule(d, "FND-03a");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "障害");
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:3:S2", "services.csv:5:S4"});
  CHECK(f[0].summary.find("2件") != std::string::npos);

  // Exactly one 地域づくり service in the field is enough.
  d.services[3].functions.push_back("地域づくり");
  CHECK(run_rule(d, "FND-03a").empty());
}

TEST_CASE("FND-03a: related fields count only when configured; an empty field is reported") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"地域づくり"});
  add_service(d, "S2", "子ども", {"地域づくり"});
  add_service(d, "S3", "生活困窮", {"地域づくり"});
  add_service(d, "S4", "地域福祉", {"地域づくり"}).related_fields = {"障害"};
  auto f = run_rule(d, "FND-03a");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:0:"});
  FindingRuleConfig with_related = rule_config("FND-03a");
  for (auto& p : with_related.params)
    if (p.key == "count_related_fields") p.flag = true;
  CHECK(run_rule(d, "FND-03a", &with_related).empty());
}

TEST_CASE("FND-03b: every 地域づくり service is a salon-type place") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"地域づくり"}).name = "住民主体の通いの場支援";
  add_service(d, "S2", "地域福祉", {"地域づくり", "相談支援"}).name = "ふれあいサロン事業";
  add_service(d, "S3", "障害", {"相談支援"}).name = "障害者相談支援事業";
  auto f = run_rule(d, "FND-03b");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:2:S1", "services.csv:3:S2"});
  // One other kind of place is enough not to report.
  add_service(d, "S4", "子ども", {"地域づくり"}).name = "こどもの居場所づくり支援事業";
  CHECK(run_rule(d, "FND-03b").empty());
  // No 地域づくり at all: FND-03a's business, not this rule's.
  Dataset none = municipality();
  add_service(none, "S1", "高齢", {"相談支援"});
  CHECK(run_rule(none, "FND-03b").empty());
}

TEST_CASE("FND-03c: 地域づくり stays within the welfare fields") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"地域づくり"}).related_fields = {"地域福祉"};
  add_service(d, "S2", "子ども", {"地域づくり"});
  auto f = run_rule(d, "FND-03c");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == FindingSeverity::Info);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:2:S1", "services.csv:3:S2"});
  // One related field outside welfare is enough.
  d.services[1].related_fields = {"教育"};
  CHECK(run_rule(d, "FND-03c").empty());
}

TEST_CASE("FND-04: an area of layer 2 that no consultation service names") {
  Dataset d = municipality();
  add_area(d, "A00", 1).population = 60000;
  add_area(d, "A10", 2, "A00").population = 30000;
  add_area(d, "A20", 2, "A00").population = 30000;
  add_area(d, "A21", 3, "A20").population = 8000;  // uncovered too, but its 圏域 is reported
  add_service(d, "S1", "高齢", {"相談支援"}, {"1イ"}, {"A10"});
  add_service(d, "S2", "地域福祉", {"相談支援"});                     // 全域: not a place in A20
  add_service(d, "S3", "地域福祉", {"地域づくり"}, {}, {"A20"});       // not 相談
  add_service(d, "S4", "障害", {"相談支援"}, {}, {"A00"});             // the whole city
  auto f = run_rule(d, "FND-04");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "A20");
  CHECK(evidence_keys(f[0]) == Strings{"areas.csv:4:A20", "services.csv:0:"});

  // A service naming a 地区 inside the area is a place in it (threshold: one).
  add_service(d, "S5", "子ども", {"相談支援"}, {}, {"A21"});
  CHECK(run_rule(d, "FND-04").empty());
}

TEST_CASE("FND-04: every layer with a population is checked, not only layer 2") {
  // A town with no 日常生活圏域: 地区 straight below the whole town.
  Dataset d = municipality("移行準備", false);
  add_area(d, "A00", 1).population = 9000;
  add_area(d, "A31", 3, "A00").population = 3000;
  add_area(d, "A32", 3, "A00").population = 3000;
  add_area(d, "A33", 3, "A00");  // no population: not checked
  add_service(d, "S1", "高齢", {"相談支援"}, {"1イ"}, {"A31"});
  CHECK(subjects(run_rule(d, "FND-04")) == Strings{"A32"});

  // A 圏域 centre serves the 地区 inside it: no finding for them.
  Dataset city = municipality();
  add_area(city, "A00", 1).population = 150000;
  add_area(city, "A10", 2, "A00").population = 150000;
  add_area(city, "A11", 3, "A10").population = 20000;
  add_area(city, "A12", 3, "A10").population = 20000;
  add_service(city, "S1", "高齢", {"相談支援"}, {"1イ"}, {"A10"});
  CHECK(run_rule(city, "FND-04").empty());
  // A whole-city desk alone: one finding for the 圏域, not one per 地区 too.
  city.services[0].areas = {};
  CHECK(subjects(run_rule(city, "FND-04")) == Strings{"A10"});
}

TEST_CASE("FND-11: the new programs run by three hands that never meet") {
  Dataset d = municipality("実施");
  Service& s1 = add_service(d, "S1", "地域福祉", {"参加支援"}, {"2"});
  s1.method = "委託";
  s1.provider = "架空市社会福祉協議会";
  Service& s2 = add_service(d, "S2", "地域福祉", {"アウトリーチ"}, {"4"});
  s2.method = "委託";
  s2.provider = "NPO法人よりみち";
  add_service(d, "S3", "地域福祉", {"多機関協働"}, {"5"});  // 直営: 地域福祉課
  add_meeting(d, "M1", {"重層的支援会議"});
  add_session(d, "M1", {2026, 6, 1}, {"地域福祉課", "社協"});
  auto f = run_rule(d, "FND-11");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:2:S1", "services.csv:3:S2", "services.csv:4:S3"});

  // A session with all three (names written differently) is enough.
  add_session(d, "M1", {2026, 9, 1}, {"架空市 福祉部 地域福祉課", "架空市社会福祉協議会", "NPO法人よりみち"});
  CHECK(run_rule(d, "FND-11").empty());
}

TEST_CASE("FND-11: two hands, unknown sessions or no 重層事業 are not reported") {
  Dataset d = municipality("実施");
  Service& s1 = add_service(d, "S1", "地域福祉", {"参加支援"}, {"2", "4"});
  s1.method = "委託";
  s1.provider = "架空市社会福祉協議会";
  add_service(d, "S3", "地域福祉", {"多機関協働"}, {"5"});
  add_meeting(d, "M1", {"重層的支援会議"});
  add_session(d, "M1", {2026, 6, 1}, {"教育支援課"});
  CHECK(run_rule(d, "FND-11").empty());  // 2 < 3 hands
  Service& s2 = add_service(d, "S2", "地域福祉", {"アウトリーチ"}, {"4"});
  s2.method = "委託";
  s2.provider = "NPO法人よりみち";
  CHECK(run_rule(d, "FND-11").size() == 1);  // exactly 3
  Dataset unknown = d;
  unknown.sessions.clear();
  CHECK(run_rule(unknown, "FND-11").empty());
  Dataset not_running = d;
  not_running.municipality.jusou_status = "未実施";
  CHECK(run_rule(not_running, "FND-11").empty());
}

TEST_CASE("FND-13a: no service reaches out") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"相談支援"});
  add_service(d, "S2", "障害", {"地域づくり"});
  auto f = run_rule(d, "FND-13a");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:0:"});
  CHECK(f[0].summary.find("全2件") != std::string::npos);
  add_service(d, "S3", "地域福祉", {"相談支援", "アウトリーチ"});
  CHECK(run_rule(d, "FND-13a").empty());
}

}  // namespace kyosei
