#include "model/model.h"

namespace kyosei {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, const Dataset::IdIndex& index, const std::string& id) {
  if (index.size == v.size()) {
    auto it = index.position.find(id);
    if (it == index.position.end()) return nullptr;
    if (it->second < v.size() && v[it->second].id == id) return &v[it->second];
    // An element changed in place since index_ids(): scan.
  }
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

template <class T>
void build_index(const std::vector<T>& v, Dataset::IdIndex& index) {
  index.position.clear();
  index.position.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) index.position.emplace(v[i].id, i);  // keeps the first
  index.size = v.size();
}
}  // namespace

const Area* Dataset::find_area(const std::string& id) const { return find_by_id(areas, area_index, id); }
const Service* Dataset::find_service(const std::string& id) const { return find_by_id(services, service_index, id); }
const Meeting* Dataset::find_meeting(const std::string& id) const { return find_by_id(meetings, meeting_index, id); }

void Dataset::index_ids() {
  build_index(areas, area_index);
  build_index(services, service_index);
  build_index(meetings, meeting_index);
  session_index.by_meeting.clear();
  for (std::size_t i = 0; i < sessions.size(); ++i) session_index.by_meeting[sessions[i].meeting_id].push_back(i);
  session_index.size = sessions.size();
}

const Document* Dataset::find_document(const std::string& path) const {
  for (const auto& d : documents)
    if (d.path == path) return &d;
  return nullptr;
}

std::vector<const Session*> Dataset::sessions_of(const std::string& meeting_id) const {
  std::vector<const Session*> out;
  if (session_index.size == sessions.size()) {
    auto it = session_index.by_meeting.find(meeting_id);
    bool current = true;  // no session changed its meeting since index_ids()
    if (it != session_index.by_meeting.end())
      for (std::size_t i : it->second) {
        if (i >= sessions.size() || sessions[i].meeting_id != meeting_id) {
          current = false;
          break;
        }
        out.push_back(&sessions[i]);
      }
    if (current) return out;
    out.clear();
  }
  for (const auto& s : sessions)
    if (s.meeting_id == meeting_id) out.push_back(&s);
  return out;
}

}  // namespace kyosei
