#include "analyse/role_staffing.h"

#include <algorithm>

namespace kyosei {

namespace {

std::vector<std::string> fields_of(const Reference& ref, const std::string& role) {
  const RoleInfo* info = ref.role(role);
  if (!info || info->fields.empty()) return {kUnknownRoleField};
  return info->fields;
}

std::vector<std::string> field_order(const Reference& ref) {
  std::vector<std::string> out;
  for (const auto& info : ref.roles)
    for (const auto& f : info.fields)
      if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  out.push_back(kUnknownRoleField);
  return out;
}

}  // namespace

std::vector<std::string> held_roles(const Dataset& data, const Reference& ref) {
  auto held = [&](const std::string& role) {
    for (const auto& p : data.staff)
      for (const auto& r : p.roles)
        if (r.role == role) return true;
    return false;
  };
  std::vector<std::string> out;
  for (const auto& info : ref.roles)
    if (held(info.role)) out.push_back(info.role);
  for (const auto& p : data.staff)
    for (const auto& r : p.roles)
      if (!ref.role(r.role) && std::find(out.begin(), out.end(), r.role) == out.end()) out.push_back(r.role);
  return out;
}

double role_fte(const Staff& person, const std::string& role) {
  double fte = 0;
  for (const auto& r : person.roles)
    if (r.role == role) fte += r.fte;
  return fte;
}

std::vector<RoleStaffing> compute_role_staffing(const Dataset& data, const Reference& ref) {
  std::vector<RoleStaffing> out;
  auto roles = held_roles(data, ref);
  for (const auto& field : field_order(ref)) {
    for (const auto& role : roles) {
      auto fields = fields_of(ref, role);
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) continue;
      RoleStaffing row;
      row.field = field;
      row.role = role;
      row.field_count = static_cast<int>(fields.size());
      for (const auto& p : data.staff) {
        bool holds = false;
        for (const auto& r : p.roles) {
          if (r.role != role) continue;
          holds = true;
          double part = r.fte / row.field_count;
          row.fte += part;
          row.fte_by_organisation_type[p.organisation_type] += part;
        }
        if (holds) ++row.people;
      }
      out.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace kyosei
