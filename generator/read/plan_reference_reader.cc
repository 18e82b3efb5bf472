// Parses data/plan/*.csv (model/plan_reference.h). The files are ours and
// tested, so a malformed row is a programming error (exception).
#include <map>
#include <stdexcept>

#include "base/resources.h"
#include "base/text.h"
#include "model/plan_reference.h"
#include "read/embedded_csv.h"

namespace kyosei {

namespace {

// "01_趣旨・背景" -> "趣旨・背景".
std::string without_number(const std::string& file) {
  size_t us = file.find('_');
  return us == std::string::npos ? file : file.substr(us + 1);
}

PlanReference load() {
  PlanReference ref;
  for (auto& r : embedded_csv_rows("data/plan/chapters.csv")) {
    ref.chapters.push_back({r["draft"], r["file"], without_number(r["file"]), split_multi(r["applies_to"]),
                            r["condition"], r["numbered"] == "Y", r["site"] == "Y", r["source"]});
  }
  for (auto& r : embedded_csv_rows("data/plan/common_items.csv")) {
    ref.common_items.push_back({r["id"], r["title"], r["verified"] == "Y", split_multi(r["fields"]),
                                split_multi(r["functions"]), split_multi(r["jusou_codes"]),
                                split_multi(r["meeting_kinds"]), split_multi(r["keywords"]), r["source"], r["note"]});
  }
  for (auto& r : embedded_csv_rows("data/plan/welfare_plan_items.csv")) {
    ref.welfare_items.push_back({std::stoi(r["number"]), r["short"], r["title"], r["goal"], split_multi(r["functions"]),
                                 split_multi(r["methods"]), split_multi(r["meeting_kinds"]),
                                 r["requires_jusou"] == "Y", r["source"]});
  }
  for (auto& r : embedded_csv_rows("data/plan/welfare_measures.csv"))
    ref.welfare_measures.push_back({std::stoi(r["number"]), r["measure"], r["content"], split_multi(r["functions"]),
                                    split_multi(r["methods"]), split_multi(r["meeting_kinds"]),
                                    split_multi(r["indicator_categories"]), r["verified"] == "Y", r["source"]});
  for (auto& r : embedded_csv_rows("data/plan/typical_indicators.csv"))
    ref.typical_indicators.push_back({r["category"], r["name"], r["unit"], r["current_from"], r["source"]});
  for (auto& r : embedded_csv_rows("data/plan/issues.csv"))
    ref.issues.push_back({r["finding"], split_multi(r["statuses"]), r["each"], r["joiner"], r["more"], r["text"],
                          r["max_each"].empty() ? 0 : std::stoi(r["max_each"]), r["source"]});
  return ref;
}

}  // namespace

const PlanReference& builtin_plan_reference() {
  static const PlanReference ref = load();
  return ref;
}

}  // namespace kyosei
