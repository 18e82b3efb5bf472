// Who works on what, in 常勤換算 (FTE): the coordinators and other staff
// of staff.csv summed by the 分野 of their roles, and assigned to the
// services they cover (担当事業).
//
// Counting rules (stated in the plan drafts too):
// - A role's FTE is RoleShare::fte (配分 × the person's 常勤換算). Its 分野
//   comes from data/roles.csv; a role with several 分野 (医療的ケア児等
//   コーディネーター: 障害・子ども) is split equally between them, so the
//   fields add up to the total. A role not in roles.csv counts under
//   kUnknownRoleField.
// - A person counts once in each 分野 where they hold a role (実人数), so
//   the people of the rows may add up to more than the head count.
// - 常勤換算 not given to any role (配分 adding up to less than 1) is
//   unassigned_fte.
// - Per service: the 常勤換算 a person gives to their roles (Σ RoleShare::fte,
//   so 配分 counts as in the 分野 totals) is split equally between the
//   services in their 担当事業. A service nobody lists has no entry: its
//   staffing is not known (未把握), not zero.
// - Per 圏域 (the public site's area pages): a person's 常勤換算 by 分野 is
//   split equally between their 担当圏域 (those in areas.csv); a person
//   without one counts towards the 層1 area. Here a person without a role
//   counts whole, and a role not in roles.csv (or without 分野) counts
//   under kAreaOtherField. So the areas add up to total_fte less the
//   unassigned_fte of people who hold a role (tests/e2e/test_figures.py).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

inline constexpr const char* kUnknownRoleField = "役割一覧にない役割";
// The area pages' label for roles not in roles.csv and people without a role.
inline constexpr const char* kAreaOtherField = "その他";

struct FieldStaffing {
  std::string field;  // 分野 of data/roles.csv (高齢 … 重層), or kUnknownRoleField
  double fte = 0;
  int people = 0;
};

struct StaffingSummary {
  std::vector<FieldStaffing> by_field;  // fields in data/roles.csv order; only fields with a role held
  int people = 0;                       // rows of staff.csv
  double total_fte = 0;                 // sum of 常勤換算
  double unassigned_fte = 0;            // 常勤換算 not given to any role
  int multi_role_people = 0;            // people with two roles or more (兼務)
  int max_roles = 0;                    // the most roles one person holds
};

StaffingSummary compute_staffing(const Dataset& ds, const Reference& ref);

struct ServiceStaffing {
  double fte = 0;
  int people = 0;
};

// Service ID -> the staff assigned to it; services nobody covers are absent.
std::map<std::string, ServiceStaffing> staffing_by_service(const Dataset& ds);

struct AreaStaffing {
  std::map<std::string, double> by_field;  // 分野 (or kAreaOtherField) -> 常勤換算
  double total_fte = 0;                    // Σ by_field, summed in key order
};

// Area ID -> the staff counted there; areas nobody is counted in are absent.
std::map<std::string, AreaStaffing> staffing_by_area(const Dataset& ds, const Reference& ref);

}  // namespace kyosei
