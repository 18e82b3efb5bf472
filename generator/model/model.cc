#include "model/model.h"

namespace kyosei {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}
}  // namespace

const Area* Dataset::find_area(const std::string& id) const { return find_by_id(areas, id); }
const Service* Dataset::find_service(const std::string& id) const { return find_by_id(services, id); }
const Meeting* Dataset::find_meeting(const std::string& id) const { return find_by_id(meetings, id); }

const Document* Dataset::find_document(const std::string& path) const {
  for (const auto& d : documents)
    if (d.path == path) return &d;
  return nullptr;
}

std::vector<const Session*> Dataset::sessions_of(const std::string& meeting_id) const {
  std::vector<const Session*> out;
  for (const auto& s : sessions)
    if (s.meeting_id == meeting_id) out.push_back(&s);
  return out;
}

}  // namespace kyosei
