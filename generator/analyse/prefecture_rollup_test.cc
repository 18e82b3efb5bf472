#include "analyse/prefecture_rollup.h"

#include "analyse/analysis.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {

Service service(std::string id, std::string field, std::vector<std::string> codes, std::optional<long long> cost) {
  Service s;
  s.id = id;
  s.name = "事業" + id;
  s.field = std::move(field);
  s.functions = {"相談支援"};
  s.jusou_codes = std::move(codes);
  s.cost = cost;
  s.line = 2;
  return s;
}

Dataset town(std::string name, std::string code, long long population, bool office, int fy, std::vector<Service> services) {
  Dataset ds;
  ds.municipality.name = std::move(name);
  ds.municipality.code = std::move(code);
  ds.municipality.prefecture = "検証県";
  ds.municipality.fiscal_year = fy;
  ds.municipality.population = population;
  ds.municipality.welfare_office = office;
  ds.municipality.jusou_status = "実施";
  ds.services = std::move(services);
  return ds;
}

MunicipalitySubmission ok(const std::string& folder, const Dataset& ds) {
  MunicipalitySubmission s;
  s.folder = folder;
  s.data = &ds;
  return s;
}

}  // namespace

TEST_CASE("prefecture roll-up: the 都道府県 share by 号 and regime, floored per row, summed in integers") {
  // 1イ 10,000,001 × 19.25/100 = 1,925,000.19 → 1,925,000 (義務的経費 第2号)
  // 5 7,777,777 × 1/4 = 1,944,444.25 → 1,944,444 (裁量的経費 第3号, R5 onward)
  // 1ニ: 法定負担なし
  Dataset a = town("検証市", "999407", 120000, true, 2026,
                   {service("S1", "高齢", {"1イ"}, 10'000'001), service("S2", "地域福祉", {"5", "6"}, 7'777'777),
                    service("S3", "生活困窮", {"1ニ"}, 5'000'000)});
  // FY2022 (R4): 5 has no prefecture share; 3ニ 900,000 × 1/3 以内 = 300,000 (a ceiling).
  Dataset b = town("検証町", "999504", 8000, false, 2022,
                   {service("T1", "地域福祉", {"5"}, 1'000'000), service("T2", "子ども", {"3ニ"}, 900'000)});
  MunicipalitySubmission broken;
  broken.folder = "不備町";
  broken.state = SubmissionState::Invalid;
  broken.diagnostics.error({"services.csv", 3, "事業費"}, "「12万」は金額として読めません");
  MunicipalitySubmission missing;
  missing.folder = "未提出村";
  missing.state = SubmissionState::Missing;

  long runs = analysis_runs();
  PrefectureRollup r = compute_prefecture_rollup({ok("a", a), ok("b", b), broken, missing}, builtin_reference(), "親");
  // One Analysis per valid municipality, as its own build makes; none for
  // the 不備 and 未提出 ones.
  CHECK(analysis_runs() - runs == 2);
  CHECK(r.prefecture == "検証県");
  CHECK(r.submitted == 4);
  CHECK(r.covered == 2);
  CHECK(r.invalid == 1);
  CHECK(r.missing == 1);
  CHECK(r.share_total == 1'925'000 + 1'944'444 + 300'000);
  CHECK(r.share_by_go.at(1) == 1'925'000);
  CHECK(r.share_by_go.at(3) == 300'000);
  CHECK(r.share_by_go.at(5) == 1'944'444);
  CHECK(r.notes.size() == 1);  // two fiscal years

  bool seen_mandatory = false, seen_none = false, seen_cap = false;
  for (const auto& s : r.shares) {
    if (s.go == 1 && s.regime == "義務的経費（106条の9 第2号）") seen_mandatory = s.yen == 1'925'000;
    if (s.go == 1 && s.regime == "法定負担なし") seen_none = s.yen == 0 && s.amount == 5'000'000;
    if (s.go == 3) seen_cap = s.includes_cap && s.yen == 300'000;
  }
  CHECK(seen_mandatory);
  CHECK(seen_none);
  CHECK(seen_cap);

  const RollupMunicipality& bad = r.municipalities[2];
  CHECK(bad.state == SubmissionState::Invalid);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].where.line == 3);
  CHECK(std::string(submission_label(r.municipalities[3].state)) == "未提出");
}

TEST_CASE("prefecture roll-up: components, 1ニ by the substitute program, peers and previous year") {
  Dataset a = town("検証町", "999504", 8000, false, 2026, {service("T1", "生活困窮", {"1ニ"}, std::nullopt)});
  Dataset b = town("検証村", "999601", 3000, false, 2026, {service("V1", "高齢", {"1イ"}, std::nullopt)});
  PrefectureRollup prev = compute_prefecture_rollup({ok("b", b)}, builtin_reference(), "親");
  Dataset b2 = b;
  b2.services.push_back(service("V2", "地域福祉", {"2"}, std::nullopt));
  PrefectureRollup r = compute_prefecture_rollup({ok("a", a), ok("b", b2)}, builtin_reference(), "親", &prev);

  const RollupMunicipality& t = r.municipalities[0];
  CHECK(t.has_self_reliance_support());
  CHECK(t.components[3].key == "1ニ");
  CHECK(t.components[3].substituted);
  CHECK(t.required_total == 12);
  CHECK(t.required_present == 1);
  CHECK_FALSE(r.municipalities[1].has_self_reliance_support());
  CHECK(r.municipalities[1].uncomputed_rows == 2);  // 事業費未把握: counted, not guessed

  REQUIRE(r.peers.size() == 2);
  CHECK(r.peers[0].peers == 1);  // both under 10,000 people
  CHECK(r.peers[0].peer_required_present == doctest::Approx(2));

  REQUIRE(r.changes.size() == 2);
  CHECK_FALSE(r.changes[0].in_previous);
  CHECK(r.changes[1].in_previous);
  CHECK(r.changes[1].gained == std::vector<std::string>{"2"});
}

TEST_CASE("peer bands come from data/prefecture_rollup.csv") {
  REQUIRE(peer_bands().size() >= 3);
  CHECK(peer_band_of(9999)->key == 1);
  CHECK(peer_band_of(10000)->key == 2);
  CHECK(peer_band_of(std::nullopt) == nullptr);
  CHECK(peer_band_of(5'000'000)->max == 0);
  CHECK_FALSE(prefecture_role("no_welfare_office").source.empty());
}

}  // namespace kyosei
