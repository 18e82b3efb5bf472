#include "analyse/staffing.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {

Staff person(std::string id, double fte, std::vector<RoleShare> roles, std::vector<std::string> services = {}) {
  Staff s;
  s.id = std::move(id);
  s.fte = fte;
  s.roles = std::move(roles);
  s.services = std::move(services);
  return s;
}

const FieldStaffing* field(const StaffingSummary& s, const std::string& name) {
  for (const auto& f : s.by_field)
    if (f.field == name) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("compute_staffing sums role FTE by the roles' fields") {
  Reference ref;
  ref.roles = {{"生活支援コーディネーター", {"高齢"}, ""},
               {"医療的ケア児等コーディネーター", {"障害", "子ども"}, ""},
               {"参加支援員", {"重層"}, ""}};
  Dataset ds;
  ds.staff = {person("P1", 1.0, {{"生活支援コーディネーター", 0.6, 0.6}, {"参加支援員", 0.4, 0.4}}),
              person("P2", 0.5, {{"医療的ケア児等コーディネーター", 1.0, 0.5}}),
              person("P3", 1.0, {{"独自の役割", 0.5, 0.5}})};
  StaffingSummary s = compute_staffing(ds, ref);
  CHECK(s.people == 3);
  CHECK(s.total_fte == doctest::Approx(2.5));
  CHECK(s.unassigned_fte == doctest::Approx(0.5));  // P3 gives only half to a role
  CHECK(s.multi_role_people == 1);
  CHECK(s.max_roles == 2);
  REQUIRE(field(s, "高齢"));
  CHECK(field(s, "高齢")->fte == doctest::Approx(0.6));
  CHECK(field(s, "障害")->fte == doctest::Approx(0.25));  // split equally between 障害 and 子ども
  CHECK(field(s, "子ども")->fte == doctest::Approx(0.25));
  CHECK(field(s, "子ども")->people == 1);
  CHECK(field(s, kUnknownRoleField)->fte == doctest::Approx(0.5));
  // Order: roles.csv field order, unknown last.
  CHECK(s.by_field.front().field == "高齢");
  CHECK(s.by_field.back().field == kUnknownRoleField);
}

TEST_CASE("staffing_by_service splits the FTE a person gives to roles (配分) equally over their services") {
  Dataset ds;
  ds.staff = {person("P1", 0.9, {{"参加支援員", 1.0, 0.9}}, {"S1", "S2", "S3", "S1"}),
              person("P2", 1.0, {{"参加支援員", 1.0, 1.0}}, {"S1"}),
              person("P3", 1.0, {{"参加支援員", 1.0, 1.0}}),
              // Half of their time goes to a role, the rest to nothing on the roster.
              person("P4", 1.0, {{"生活支援コーディネーター", 0.5, 0.5}}, {"S4"})};
  auto m = staffing_by_service(ds);
  CHECK(m.at("S1").people == 2);
  CHECK(m.at("S1").fte == doctest::Approx(1.3));
  CHECK(m.at("S2").fte == doctest::Approx(0.3));
  CHECK(m.at("S4").people == 1);
  CHECK(m.at("S4").fte == doctest::Approx(0.5));  // as in the 高齢 total, not the whole 1.0
  CHECK(m.count("S5") == 0);  // nobody: unknown, not zero
}

TEST_CASE("staffing_by_area splits each person's FTE by 分野 over their 担当圏域, the 層1 area by default") {
  Reference ref;
  ref.roles = {{"生活支援コーディネーター", {"高齢"}, ""}, {"医療的ケア児等コーディネーター", {"障害", "子ども"}, ""}};
  Dataset ds;
  ds.areas = {{"A0", "全域", 1, "", {}, {}, 2}, {"A1", "北", 2, "A0", {}, {}, 3}, {"A2", "南", 2, "A0", {}, {}, 4}};
  Staff p1 = person("P1", 1.0, {{"生活支援コーディネーター", 0.5, 0.5}});  // half given to no role
  p1.areas = {"A1", "A2"};
  Staff p2 = person("P2", 0.5, {{"医療的ケア児等コーディネーター", 1.0, 0.5}});
  p2.areas = {"A1", "無い圏域"};  // an unknown area is left out
  Staff p3 = person("P3", 1.0, {{"独自の役割", 1.0, 1.0}});  // no 担当圏域: the 層1 area
  Staff p4 = person("P4", 0.4, {});                           // no role: counted whole
  ds.staff = {p1, p2, p3, p4};
  auto m = staffing_by_area(ds, ref);
  REQUIRE(m.count("A1"));
  CHECK(m.at("A1").by_field.at("高齢") == doctest::Approx(0.25));
  CHECK(m.at("A1").by_field.at("障害") == doctest::Approx(0.25));
  CHECK(m.at("A1").by_field.at("子ども") == doctest::Approx(0.25));
  CHECK(m.at("A1").total_fte == doctest::Approx(0.75));
  CHECK(m.at("A2").total_fte == doctest::Approx(0.25));
  CHECK(m.at("A0").by_field.at(kAreaOtherField) == doctest::Approx(1.4));
  CHECK(m.at("A0").by_field.size() == 1);
  // Together: the roster's FTE less what P1 gives to no role.
  StaffingSummary s = compute_staffing(ds, ref);
  double sum = 0;
  for (const auto& [id, a] : m) sum += a.total_fte;
  CHECK(sum == doctest::Approx(s.total_fte - 0.5));
}

}  // namespace kyosei
