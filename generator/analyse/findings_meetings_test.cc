// Finding rules on meeting bodies and sessions: FND-05, 08a-c, 14, 15, 17,
// 24a. Each rule: triggers (with the exact evidence rows), does not, and
// exactly at its threshold.
#include "analyse/findings_test_support.h"
#include "analyse/similarity.h"

namespace kyosei {

using namespace test;

namespace {
const std::string kPurpose = "複合的な課題を抱える世帯の支援方針を協議し、役割分担を決める";
const std::string kParaphrase = "複合的な課題を抱える世帯について支援の方向性を検討し、役割分担を確認する";
const std::string kOther = "市全域の生活支援・介護予防サービスの資源開発とネットワークづくり";
}  // namespace

TEST_CASE("FND-05: two bodies with overlapping members and a similar purpose") {
  Dataset d = municipality();
  add_meeting(d, "M01", {"重層的支援会議"}, {"地域福祉課", "生活福祉課", "高齢介護課", "障害福祉課", "こども家庭センター"}, kPurpose);
  add_meeting(d, "M02", {"支援会議"}, {"地域福祉課", "生活福祉課", "高齢介護課", "障害福祉課", "架空市社会福祉協議会"}, kParaphrase, true);
  add_meeting(d, "M03", {"協議体"}, {"地域福祉課", "生活福祉課", "高齢介護課", "障害福祉課", "こども家庭センター"}, kOther);
  auto f = run_rule(d, "FND-05");
  REQUIRE(f.size() == 1);  // M01・M03 share members but not purpose
  CHECK(f[0].subject == "M01・M02");
  CHECK(evidence_keys(f[0]) == Strings{"meetings.csv:2:M01", "meetings.csv:3:M02"});
  CHECK(f[0].summary.find("4機関") != std::string::npos);
  CHECK(f[0].summary.find("0.67") != std::string::npos);  // 4/6
  CHECK(f[0].summary.find("守秘義務があるのはM02") != std::string::npos);
  CHECK(f[0].rule.find("0.6以上") != std::string::npos);
}

TEST_CASE("FND-05: members at exactly the threshold, names normalised") {
  Dataset d = municipality();
  // {社会福祉協議会, 包括, 地域福祉課} vs 5 members: 3/5 = 0.6 exactly.
  add_meeting(d, "M01", {"地域ケア会議"}, {"架空市社会福祉協議会", "地域包括支援センター", "地域福祉課"}, kPurpose, true);
  add_meeting(d, "M02", {"支援会議"}, {"社協", "包括", "地域福祉課", "保健所", "警察署"}, kPurpose, true);
  auto f = run_rule(d, "FND-05");
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary.find("0.60") != std::string::npos);
  CHECK(f[0].summary.find("どちらも守秘義務のある会議体") != std::string::npos);
  // One more member on one side: 3/6 = 0.5, below.
  d.meetings[1].members.push_back("医師会");
  CHECK(run_rule(d, "FND-05").empty());
}

TEST_CASE("FND-05: purpose similarity at exactly the threshold; unknown purpose is not compared") {
  Dataset d = municipality();
  const Strings members = {"地域福祉課", "生活福祉課", "高齢介護課"};
  add_meeting(d, "M01", {"その他"}, members, kPurpose);
  add_meeting(d, "M02", {"その他"}, members, kParaphrase);
  const double pj = jaccard(char_bigrams(kPurpose), char_bigrams(kParaphrase));
  FindingRuleConfig at = rule_config("FND-05");
  for (auto& p : at.params)
    if (p.key == "purpose_similarity") p.number = pj;
  CHECK(run_rule(d, "FND-05", &at).size() == 1);
  for (auto& p : at.params)
    if (p.key == "purpose_similarity") p.number = pj + 0.01;
  CHECK(run_rule(d, "FND-05", &at).empty());
  // Same members, different purpose: not reported with the defaults.
  d.meetings[1].purpose = kOther;
  CHECK(run_rule(d, "FND-05").empty());
  d.meetings[1].purpose = "";
  CHECK(run_rule(d, "FND-05").empty());
}

TEST_CASE("FND-05: bodies held for different areas are not compared") {
  Dataset d = municipality();
  add_area(d, "A00", 1);
  add_area(d, "A10", 2, "A00");
  add_area(d, "A20", 2, "A00");
  add_area(d, "A21", 3, "A20");
  const Strings members = {"地域包括支援センター", "居宅介護支援事業所", "高齢介護課"};
  add_meeting(d, "M01", {"地域ケア会議"}, members, kPurpose, true).areas = {"A10"};
  add_meeting(d, "M02", {"地域ケア会議"}, members, kPurpose, true).areas = {"A20"};
  CHECK(run_rule(d, "FND-05").empty());
  // Overlapping areas (A21 lies in A20), or one body for the whole city: compared.
  d.meetings[0].areas = {"A21"};
  CHECK(run_rule(d, "FND-05").size() == 1);
  d.meetings[0].areas = {};
  CHECK(run_rule(d, "FND-05").size() == 1);
}

TEST_CASE("FND-08a: 多機関協働 staff and no 重層的支援会議 held this year") {
  Dataset d = municipality();
  add_staff(d, "P1", {"多機関協働事業の担当者", "相談支援包括化推進員"});
  add_staff(d, "P2", {"自立相談支援員"});
  add_meeting(d, "M1", {"重層的支援会議"});
  add_meeting(d, "M2", {"支援会議"}, {}, "", true);
  add_session(d, "M2");
  add_session(d, "M1", {2026, 3, 20});  // fiscal year 2025: does not count
  auto f = run_rule(d, "FND-08a");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == FindingSeverity::Caution);
  CHECK(evidence_keys(f[0]) == Strings{"staff.csv:2:P1", "meetings.csv:2:M1"});
  CHECK(f[0].summary.find("ありません") != std::string::npos);

  // One session within the year is enough.
  add_session(d, "M1", {2027, 3, 31});
  CHECK(run_rule(d, "FND-08a").empty());
}

TEST_CASE("FND-08a: a 第5号 service counts as 多機関協働; no body at all; sessions unknown") {
  Dataset d = municipality();
  add_service(d, "S1", "生活困窮", {"相談支援", "多機関協働"}, {"1ニ", "5"});
  add_meeting(d, "M2", {"支援会議"}, {}, "", true);
  add_session(d, "M2");
  auto f = run_rule(d, "FND-08a");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:2:S1", "meetings.csv:0:"});

  Dataset unknown = municipality();
  add_staff(unknown, "P1", {"多機関協働事業の担当者"});
  add_meeting(unknown, "M1", {"重層的支援会議"});
  auto u = run_rule(unknown, "FND-08a");
  REQUIRE(u.size() == 1);
  CHECK(u[0].severity == FindingSeverity::Info);
  CHECK(evidence_keys(u[0]) == Strings{"staff.csv:2:P1", "meetings.csv:2:M1", "meeting_sessions.csv:0:"});

  Dataset nobody = municipality();
  add_staff(nobody, "P1", {"自立相談支援員"});
  CHECK(run_rule(nobody, "FND-08a").empty());
}

TEST_CASE("FND-08b: every 重層的支援会議 of the year discussed cases only") {
  Dataset d = municipality();
  add_meeting(d, "M1", {"重層的支援会議", "支援会議"});
  add_meeting(d, "M2", {"地域ケア会議"});
  add_session(d, "M1", {2026, 5, 1}, {}, "守秘：A世帯の支援方針");
  add_session(d, "M2", {2026, 5, 2}, {}, "地域課題の整理");
  add_session(d, "M1", {2026, 7, 1}, {}, "守秘：B世帯の役割分担");
  auto f = run_rule(d, "FND-08b");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"meeting_sessions.csv:2:M1", "meeting_sessions.csv:4:M1"});
  for (const auto& e : f[0].evidence) CHECK(e.description.find("守秘") == std::string::npos);  // agendas stay out

  Dataset one = d;
  add_session(one, "M1", {2026, 9, 1}, {}, "不足する社会資源の開発");
  CHECK(run_rule(one, "FND-08b").empty());
  Dataset blank = d;
  add_session(blank, "M1", {2026, 9, 1}, {}, "");
  CHECK(run_rule(blank, "FND-08b").empty());  // unknown agenda
}

TEST_CASE("FND-08c: 支援会議 at least 3 times 重層的支援会議") {
  Dataset d = municipality();
  add_meeting(d, "M1", {"重層的支援会議"});
  add_meeting(d, "M2", {"支援会議"}, {}, "", true);
  add_session(d, "M1");
  add_session(d, "M2");
  add_session(d, "M2", {2026, 7, 1});
  CHECK(run_rule(d, "FND-08c").empty());  // 2 < 3 × 1
  add_session(d, "M2", {2026, 8, 1});
  auto f = run_rule(d, "FND-08c");  // 3 = 3 × 1
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == FindingSeverity::Info);
  CHECK(evidence_keys(f[0]) == Strings{"meetings.csv:3:M2", "meetings.csv:2:M1"});
  CHECK(f[0].summary.find("3回") != std::string::npos);
}

TEST_CASE("FND-14: the cross-field meetings have no department outside welfare") {
  Dataset d = municipality();
  add_meeting(d, "M1", {"庁内連携会議"}, {"地域福祉課", "高齢介護課", "こども家庭センター"});
  add_meeting(d, "M2", {"自立支援協議会"}, {"教育委員会", "障害福祉課"});
  add_session(d, "M1", {2026, 6, 1}, {"地域福祉課", "健康推進課"});
  auto f = run_rule(d, "FND-14");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"meetings.csv:2:M1"});
  // One non-welfare department, even only as an attendee, is enough.
  add_session(d, "M1", {2026, 9, 1}, {"住宅政策課"});
  CHECK(run_rule(d, "FND-14").empty());

  Dataset none = municipality();
  add_meeting(none, "M2", {"地域ケア会議"}, {"高齢介護課"});
  auto n = run_rule(none, "FND-14");
  REQUIRE(n.size() == 1);
  CHECK(evidence_keys(n[0]) == Strings{"meetings.csv:0:"});
  CHECK(n[0].summary.find("庁内連携会議・重層的支援会議") != std::string::npos);
}

TEST_CASE("FND-15: no prefectural agency in any meeting") {
  Dataset d = municipality();
  add_meeting(d, "M1", {"要保護児童対策地域協議会"}, {"こども家庭センター", "市内小中学校"}, "", true);
  auto f = run_rule(d, "FND-15");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == FindingSeverity::Info);
  CHECK(evidence_keys(f[0]) == Strings{"meetings.csv:0:"});
  add_session(d, "M1", {2026, 6, 1}, {"架空県中央児童相談所"});
  CHECK(run_rule(d, "FND-15").empty());
}

TEST_CASE("FND-17: 社会福祉協議会 appears nowhere") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"地域づくり"});
  add_staff(d, "P1", {"生活支援コーディネーター"});
  add_meeting(d, "M1", {"協議体"}, {"高齢介護課", "自治会連合会"});
  auto f = run_rule(d, "FND-17");
  REQUIRE(f.size() == 1);
  CHECK(evidence_keys(f[0]) == Strings{"services.csv:0:", "staff.csv:0:", "meetings.csv:0:"});

  Dataset provider = d;
  provider.services[0].method = "委託";
  provider.services[0].provider = "架空市社会福祉協議会";
  CHECK(run_rule(provider, "FND-17").empty());
  Dataset staff = d;
  staff.staff[0].organisation_type = "社協";
  CHECK(run_rule(staff, "FND-17").empty());
  Dataset member = d;
  member.meetings[0].members.push_back("社協");
  CHECK(run_rule(member, "FND-17").empty());
}

TEST_CASE("FND-24a: a field without its standard meeting body") {
  Dataset d = municipality();
  add_meeting(d, "M1", {"地域ケア会議"}, {}, "", true);
  add_meeting(d, "M2", {"自立支援協議会"});
  add_meeting(d, "M3", {"要保護児童対策地域協議会"}, {}, "", true);
  add_meeting(d, "M4", {"支援調整会議"}, {}, "", true);
  add_meeting(d, "M5", {"自殺対策連絡協議会"});
  for (const auto& m : {"M1", "M2", "M3", "M4", "M5"}) add_session(d, m);
  CHECK(run_rule(d, "FND-24a").empty());

  Dataset missing = d;
  missing.meetings.erase(missing.meetings.begin() + 1);  // no 自立支援協議会
  auto f = run_rule(missing, "FND-24a");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "障害");
  CHECK(evidence_keys(f[0]) == Strings{"meetings.csv:0:"});

  // Present but not held this year (sessions are known: M5 met last year).
  Dataset idle = d;
  idle.sessions[4].date = {2025, 6, 1};  // M5, FY2025
  auto g = run_rule(idle, "FND-24a");
  REQUIRE(g.size() == 1);
  CHECK(g[0].subject == "自殺対策");
  CHECK(evidence_keys(g[0]) == Strings{"meetings.csv:6:M5"});
  CHECK(g[0].summary.find("開かれていません") != std::string::npos);

  // Sessions unknown: a body that exists is enough.
  Dataset unknown = d;
  unknown.sessions.clear();
  CHECK(run_rule(unknown, "FND-24a").empty());

  // Held-out data: other bodies have session rows, M5 has none. That is
  // 開催実績未把握 for M5, not 0回.
  Dataset absent = d;
  absent.sessions.erase(absent.sessions.begin() + 4);
  CHECK(run_rule(absent, "FND-24a").empty());
}

TEST_CASE("FND-24a: the 106条の6 支援会議 is not the 生活困窮 支援調整会議") {
  Dataset d = municipality();
  add_meeting(d, "M1", {"地域ケア会議"}, {}, "", true);
  add_meeting(d, "M2", {"自立支援協議会"});
  add_meeting(d, "M3", {"要保護児童対策地域協議会"}, {}, "", true);
  add_meeting(d, "M4", {"重層的支援会議", "支援会議"}, {}, "", true);
  add_meeting(d, "M5", {"自殺対策連絡協議会"});
  auto f = run_rule(d, "FND-24a");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "生活困窮");
  d.meetings[3].kinds.push_back("支援調整会議");
  CHECK(run_rule(d, "FND-24a").empty());
}

TEST_CASE("FND-24a: without a 福祉事務所, 生活困窮 is the prefecture's") {
  Dataset d = municipality("未実施", false);
  add_meeting(d, "M1", {"地域ケア会議"}, {}, "", true);
  add_meeting(d, "M2", {"自立支援協議会"});
  add_meeting(d, "M3", {"要保護児童対策地域協議会"}, {}, "", true);
  add_meeting(d, "M5", {"自殺対策連絡協議会"});
  CHECK(run_rule(d, "FND-24a").empty());
  d.municipality.welfare_office = true;
  CHECK(subjects(run_rule(d, "FND-24a")) == Strings{"生活困窮"});
}

}  // namespace kyosei
