#include "analyse/staffing.h"

#include <algorithm>
#include <set>

namespace kyosei {

StaffingSummary compute_staffing(const Dataset& ds, const Reference& ref) {
  StaffingSummary out;
  // Field order: as the fields first appear in data/roles.csv.
  std::vector<std::string> order;
  for (const auto& r : ref.roles)
    for (const auto& f : r.fields)
      if (std::find(order.begin(), order.end(), f) == order.end()) order.push_back(f);
  order.push_back(kUnknownRoleField);

  std::map<std::string, double> fte;
  std::map<std::string, int> people;
  for (const Staff& p : ds.staff) {
    ++out.people;
    out.total_fte += p.fte;
    double assigned = 0;
    std::set<std::string> fields_of_person;
    for (const RoleShare& rs : p.roles) {
      assigned += rs.fte;
      const RoleInfo* info = ref.role(rs.role);
      std::vector<std::string> fields = info && !info->fields.empty() ? info->fields
                                                                       : std::vector<std::string>{kUnknownRoleField};
      for (const auto& f : fields) {
        fte[f] += rs.fte / static_cast<double>(fields.size());
        fields_of_person.insert(f);
      }
    }
    for (const auto& f : fields_of_person) ++people[f];
    if (p.fte - assigned > 1e-9) out.unassigned_fte += p.fte - assigned;
    int roles = static_cast<int>(p.roles.size());
    if (roles >= 2) ++out.multi_role_people;
    out.max_roles = std::max(out.max_roles, roles);
  }
  for (const auto& f : order)
    if (people.count(f)) out.by_field.push_back({f, fte[f], people[f]});
  return out;
}

std::map<std::string, ServiceStaffing> staffing_by_service(const Dataset& ds) {
  std::map<std::string, ServiceStaffing> out;
  for (const Staff& p : ds.staff) {
    if (p.services.empty()) continue;
    // A service named twice by one person counts once.
    std::vector<std::string> ids;
    for (const auto& id : p.services)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    // 配分 counts here as in the 分野 totals: only the 常勤換算 given to the
    // person's roles is shared out (the rest is unassigned_fte).
    double assigned = 0;
    for (const RoleShare& rs : p.roles) assigned += rs.fte;
    for (const auto& id : ids) {
      out[id].fte += assigned / static_cast<double>(ids.size());
      ++out[id].people;
    }
  }
  return out;
}

std::map<std::string, AreaStaffing> staffing_by_area(const Dataset& ds, const Reference& ref) {
  std::map<std::string, AreaStaffing> out;
  const Area* top = nullptr;
  for (const Area& a : ds.areas)
    if (a.layer == 1) {
      top = &a;
      break;
    }
  for (const Staff& p : ds.staff) {
    std::vector<std::string> areas;
    for (const auto& id : p.areas)
      if (ds.find_area(id)) areas.push_back(id);
    if (areas.empty() && top) areas.push_back(top->id);
    if (areas.empty()) continue;
    std::vector<std::pair<std::string, double>> by_field;  // 分野, 常勤換算
    if (p.roles.empty()) by_field.push_back({kAreaOtherField, p.fte});
    for (const RoleShare& r : p.roles) {
      const RoleInfo* info = ref.role(r.role);
      if (!info || info->fields.empty()) {
        by_field.push_back({kAreaOtherField, r.fte});
        continue;
      }
      for (const auto& f : info->fields) by_field.push_back({f, r.fte / info->fields.size()});
    }
    for (const auto& id : areas)
      for (const auto& [field, fte] : by_field) out[id].by_field[field] += fte / areas.size();
  }
  for (auto& [id, a] : out)
    for (const auto& [field, fte] : a.by_field) a.total_fte += fte;
  return out;
}

}  // namespace kyosei
