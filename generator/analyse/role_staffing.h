// The roster (staff.csv) role by role: for each (分野, 役割) the people who
// hold the role and their 常勤換算, split by 所属区分 — the detail behind
// analyse/staffing.h's 分野 totals, for the council's 人員配置 sheet — and
// the roles in the order a person × role (兼務) matrix shows them.
//
// Counting rules are those of analyse/staffing.h: a role's FTE is
// RoleShare::fte; a role with several 分野 in data/roles.csv is divided
// equally between them (one row per 分野, field_count > 1); a role not in
// roles.csv is under kUnknownRoleField. So the rows of one 分野 add up to
// that 分野's FieldStaffing::fte.
//
// Order: 分野 as they first appear in roles.csv, then kUnknownRoleField;
// within a 分野, roles in roles.csv order, unlisted roles in staff.csv order.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analyse/staffing.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

struct RoleStaffing {
  std::string field;
  std::string role;
  int people = 0;  // persons holding the role
  double fte = 0;  // their FTE in it (divided when the role has several 分野)
  std::map<std::string, double> fte_by_organisation_type;  // 所属区分 -> FTE
  int field_count = 1;  // how many 分野 the role's FTE is divided between
};

// Every role someone holds, in the order above (the matrix columns).
std::vector<std::string> held_roles(const Dataset& data, const Reference& ref);

// One row per (分野, role held).
std::vector<RoleStaffing> compute_role_staffing(const Dataset& data, const Reference& ref);

// The FTE a person gives to a role (0 when they do not hold it).
double role_fte(const Staff& person, const std::string& role);

}  // namespace kyosei
