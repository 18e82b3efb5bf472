#include "model/model.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("find_area / find_service / find_meeting agree with and without the id index") {
  Dataset ds;
  for (const char* id : {"A1", "A2", "A1"}) {
    Area a;
    a.id = id;
    a.name = std::string(id) + "-" + std::to_string(ds.areas.size());
    ds.areas.push_back(a);
  }
  Service s;
  s.id = "S001";
  ds.services.push_back(s);
  Meeting m;
  m.id = "M01";
  ds.meetings.push_back(m);

  // Without an index (a Dataset built by hand): a scan, the first of a repeated id.
  REQUIRE(ds.find_area("A1"));
  CHECK(ds.find_area("A1")->name == "A1-0");
  CHECK(ds.find_area("A9") == nullptr);

  ds.index_ids();
  CHECK(ds.find_area("A1") == &ds.areas[0]);  // the first, as the scan
  CHECK(ds.find_area("A2") == &ds.areas[1]);
  CHECK(ds.find_area("A9") == nullptr);
  CHECK(ds.find_service("S001") == &ds.services[0]);
  CHECK(ds.find_meeting("M01") == &ds.meetings[0]);
  CHECK(ds.find_meeting("S001") == nullptr);

  // A vector changed after index_ids(): the stale index is not trusted.
  Area a3;
  a3.id = "A3";
  ds.areas.push_back(a3);
  REQUIRE(ds.find_area("A3"));
  CHECK(ds.find_area("A3")->id == "A3");
  ds.areas.erase(ds.areas.begin());
  CHECK(ds.find_area("A1") == &ds.areas[1]);
  ds.areas[0].id = "B2";  // same size, changed in place
  CHECK(ds.find_area("A2") != &ds.areas[0]);
  ds.index_ids();
  CHECK(ds.find_area("B2") == &ds.areas[0]);
  CHECK(ds.find_area("A2") == nullptr);

  // A copy keeps a valid index (positions, not pointers).
  Dataset copy = ds;
  CHECK(copy.find_area("B2") == &copy.areas[0]);
}

}  // namespace kyosei
