// Finding rules on the roster: FND-06a-c, 16, 18a-b, 19a-b, 20. Each rule:
// triggers (with the exact evidence rows), does not, and exactly at its
// threshold.
#include "analyse/findings_test_support.h"

namespace kyosei {

using namespace test;

namespace {

Dataset with_areas() {
  Dataset d = municipality();
  add_area(d, "A00", 1);
  add_area(d, "A10", 2, "A00");
  add_area(d, "A20", 2, "A00");
  add_area(d, "A30", 2, "A00");
  add_area(d, "A40", 2, "A00");
  add_area(d, "A21", 3, "A20");
  add_area(d, "A22", 3, "A20");
  add_area(d, "A23", 3, "A20");
  return d;
}

}  // namespace

TEST_CASE("FND-06a: four roles or more; never the person's name") {
  Dataset d = municipality();
  add_staff(d, "P1", {"自立相談支援員", "多機関協働事業の担当者", "家計改善支援事業の担当者", "参加支援員"});
  add_staff(d, "P2", {"自立相談支援員", "多機関協働事業の担当者", "参加支援員"});
  add_staff(d, "P3", {"参加支援員", "参加支援員", "自立相談支援員", "アウトリーチ支援員"});  // 3 distinct
  auto f = run_rule(d, "FND-06a");
  REQUIRE(f.size() == 1);  // P1 has exactly 4
  CHECK(f[0].subject == "P1");
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:2:P1"});
  CHECK(f[0].summary.find("4件") != std::string::npos);
  CHECK(f[0].summary.find("氏名") == std::string::npos);
  CHECK(f[0].evidence[0].description.find("氏名") == std::string::npos);
}

TEST_CASE("FND-06b: four areas or more, an area and its own 地区 counted once") {
  Dataset d = with_areas();
  add_staff(d, "P1", {"生活支援コーディネーター"}, {"A10", "A20", "A30", "A40"});
  add_staff(d, "P2", {"社会福祉協議会の地区担当職員"}, {"A20", "A21", "A22", "A23"});  // = 3 地区
  add_staff(d, "P3", {"コミュニティ・ソーシャル・ワーカー"}, {"A10", "A20", "A30"});
  auto f = run_rule(d, "FND-06b");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "P1");
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:2:P1"});
  // P2 with one more 地区 elsewhere reaches 4.
  d.staff[1].areas.push_back("A10");
  CHECK(subjects(run_rule(d, "FND-06b")) == Strings{"P1", "P2"});
}

TEST_CASE("FND-06c: a core role held by one person who holds two other roles") {
  Dataset d = municipality();
  add_staff(d, "P1", {"参加支援員", "自立相談支援員", "家計改善支援事業の担当者"});
  add_staff(d, "P2", {"アウトリーチ支援員", "自立相談支援員"});
  add_staff(d, "P3", {"多機関協働事業の担当者", "自立相談支援員", "家計改善支援事業の担当者"});
  add_staff(d, "P4", {"多機関協働事業の担当者"});
  auto f = run_rule(d, "FND-06c");
  REQUIRE(f.size() == 1);  // アウトリーチ: 1 other only; 多機関協働: two people
  CHECK(f[0].subject == "参加支援員");
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:2:P1", "staff.csv:0:"});
}

TEST_CASE("FND-16: coordinators whose organisation is in no case meeting") {
  Dataset d = municipality();
  add_staff(d, "P1", {"生活支援コーディネーター"}, {}, "架空市社会福祉協議会 地域福祉推進課");
  add_staff(d, "P2", {"コミュニティ・ソーシャル・ワーカー"}, {}, "NPO法人つなぐ");
  add_meeting(d, "M1", {"地域ケア会議"}, {"地域包括支援センター", "架空市社会福祉協議会"}, "", true);
  add_meeting(d, "M2", {"協議体"}, {"NPO法人つなぐ"});  // not a case meeting
  auto f = run_rule(d, "FND-16");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "コミュニティ・ソーシャル・ワーカー");
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:3:P2", "meetings.csv:0:"});
  // Attending one session of a case meeting is enough.
  add_session(d, "M1", {2026, 6, 1}, {"NPO法人つなぐ"});
  CHECK(run_rule(d, "FND-16").empty());
}

TEST_CASE("FND-16: a case meeting with an empty 構成機関 leaves it open (held-out false positive)") {
  Dataset d = municipality();
  add_staff(d, "P2", {"コミュニティ・ソーシャル・ワーカー"}, {}, "NPO法人つなぐ");
  add_meeting(d, "M1", {"地域ケア会議"}, {"地域包括支援センター"}, "", true);
  REQUIRE(run_rule(d, "FND-16").size() == 1);  // planted: members known, P2's NPO not among them
  add_meeting(d, "M2", {"重層的支援会議"});     // members not written, no attendance
  CHECK(run_rule(d, "FND-16").empty());
  // Once the attendance of M2 is known, the rule can tell again.
  add_session(d, "M2", {2026, 6, 1}, {"地域福祉課"});
  CHECK(run_rule(d, "FND-16").size() == 1);
}

TEST_CASE("FND-18a: a daily-life area without its own 協議体") {
  Dataset d = with_areas();
  add_meeting(d, "M1", {"協議体"}, {}, "", false).areas = {"A10", "A21"};  // A21 lies in A20
  add_meeting(d, "M2", {"協議体"}, {}, "", false).areas = {"A00"};         // 第1層: no area of its own
  add_meeting(d, "M3", {"地域ケア会議"}, {}, "", true).areas = {"A30"};
  add_session(d, "M1");
  auto f = run_rule(d, "FND-18a");
  CHECK(subjects(f) == Strings{"A30", "A40"});
  REQUIRE(f.size() == 2);
  CHECK(evidence_keys(f[0]) == Strings{"areas.csv:5:A30", "meetings.csv:0:"});

  // Sessions known, the body of A10/A20 not held this year.
  Dataset idle = d;
  idle.sessions[0].date = {2025, 6, 1};
  auto g = run_rule(idle, "FND-18a");
  CHECK(subjects(g) == Strings{"A10", "A20", "A30", "A40"});
  CHECK(evidence_keys(g[0]) == Strings{"areas.csv:3:A10", "meetings.csv:2:M1"});
}

TEST_CASE("FND-18b: a daily-life area no community coordinator covers") {
  Dataset d = with_areas();
  add_staff(d, "P1", {"生活支援コーディネーター"}, {"A10"});
  add_staff(d, "P2", {"社会福祉協議会の地区担当職員"}, {"A22"});  // covers A20
  add_staff(d, "P3", {"地域福祉コーディネーター"}, {"A00"});      // the whole city: no area
  add_staff(d, "P4", {"自立相談支援員"}, {"A30"});                // not a coordinator
  auto f = run_rule(d, "FND-18b");
  CHECK(subjects(f) == Strings{"A30", "A40"});
  REQUIRE(f.size() == 2);
  CHECK(evidence_keys(f[0]) == Strings{"areas.csv:5:A30", "staff.csv:0:"});
  d.staff[3].roles.push_back({"地域づくりコーディネーター", 0.5, 0.5});
  CHECK(subjects(run_rule(d, "FND-18b")) == Strings{"A40"});
}

TEST_CASE("FND-19a: the core staff all arrived in the same fiscal year") {
  Dataset d = municipality();
  add_staff(d, "P1", {"多機関協働事業の担当者"}).arrived = YearMonth{2024, 4};
  add_staff(d, "P2", {"参加支援員", "自立相談支援員"}).arrived = YearMonth{2024, 10};
  add_staff(d, "P3", {"自立相談支援員"}).arrived = YearMonth{2019, 4};  // not core
  add_staff(d, "P4", {"アウトリーチ支援員"}).arrived = YearMonth{2025, 3};  // FY2024
  add_staff(d, "P5", {"相談支援包括化推進員"});                           // arrival unknown
  auto f = run_rule(d, "FND-19a");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:2:P1", "staff.csv:3:P2", "staff.csv:5:P4"});
  CHECK(f[0].summary.find("令和6年度") != std::string::npos);

  // One core person from another year: not all the same.
  Dataset mixed = d;
  mixed.staff[4].arrived = YearMonth{2023, 4};
  CHECK(run_rule(mixed, "FND-19a").empty());
  // Two people are below the minimum of three.
  Dataset two = d;
  two.staff[3].arrived.reset();
  CHECK(run_rule(two, "FND-19a").empty());
}

TEST_CASE("FND-19b: the median tenure of the core staff is under two years") {
  Dataset d = municipality();  // fiscal year 2026
  add_staff(d, "P1", {"多機関協働事業の担当者"}).arrived = YearMonth{2026, 4};  // 0
  add_staff(d, "P2", {"参加支援員"}).arrived = YearMonth{2025, 4};             // 1
  add_staff(d, "P3", {"アウトリーチ支援員"}).arrived = YearMonth{2023, 4};     // 3
  auto f = run_rule(d, "FND-19b");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:2:P1", "staff.csv:3:P2", "staff.csv:4:P3"});
  CHECK(f[0].summary.find("中央値は1年") != std::string::npos);
  // Median exactly 2: not reported.
  d.staff[0].arrived = YearMonth{2024, 4};
  d.staff[1].arrived = YearMonth{2024, 5};
  CHECK(run_rule(d, "FND-19b").empty());
}

TEST_CASE("FND-20 (disabled by default): no supervisor and no regular learning meeting") {
  CHECK_FALSE(builtin_findings_config().rule("FND-20")->enabled);
  Dataset d = municipality();
  add_staff(d, "P1", {"自立相談支援員"});
  add_meeting(d, "M1", {"その他"}).planned_per_year = 12;
  auto f = run_rule(d, "FND-20");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:0:", "meetings.csv:0:"});
  d.meetings[0].purpose = "OJTとしての事例検討会";
  CHECK(run_rule(d, "FND-20").empty());
  d.meetings[0].planned_per_year = 11;  // below monthly
  CHECK(run_rule(d, "FND-20").size() == 1);
  d.staff[0].roles.push_back({"スーパーバイザー", 0.5, 0.5});
  CHECK(run_rule(d, "FND-20").empty());
}

}  // namespace kyosei
