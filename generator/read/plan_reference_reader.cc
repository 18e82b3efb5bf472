// Parses data/plan/*.csv (model/plan_reference.h). The files are ours and
// tested, so a malformed row is a programming error (exception).
#include <map>
#include <stdexcept>

#include "base/resources.h"
#include "base/text.h"
#include "model/plan_reference.h"
#include "read/csv.h"

namespace kyosei {

namespace {

std::vector<std::map<std::string, std::string>> rows_of(const char* path) {
  auto bytes = resource(path);
  if (!bytes) throw std::runtime_error(std::string("missing embedded resource ") + path);
  auto parsed = parse_csv(*bytes);
  if (!parsed.errors.empty() || parsed.records.empty())
    throw std::runtime_error(std::string("malformed embedded resource ") + path);
  std::vector<std::map<std::string, std::string>> out;
  const auto& header = parsed.records[0].fields;
  for (size_t r = 1; r < parsed.records.size(); ++r) {
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < header.size(); ++c)
      row[header[c]] = c < parsed.records[r].fields.size() ? parsed.records[r].fields[c] : "";
    out.push_back(std::move(row));
  }
  return out;
}

// "01_趣旨・背景" -> "趣旨・背景".
std::string without_number(const std::string& file) {
  size_t us = file.find('_');
  return us == std::string::npos ? file : file.substr(us + 1);
}

PlanReference load() {
  PlanReference ref;
  for (auto& r : rows_of("data/plan/chapters.csv")) {
    ref.chapters.push_back({r["draft"], r["file"], without_number(r["file"]), split_multi(r["applies_to"]),
                            r["condition"], r["numbered"] == "Y", r["site"] == "Y", r["source"]});
  }
  for (auto& r : rows_of("data/plan/common_items.csv")) {
    ref.common_items.push_back({r["id"], r["title"], r["verified"] == "Y", split_multi(r["fields"]),
                                split_multi(r["functions"]), split_multi(r["jusou_codes"]),
                                split_multi(r["meeting_kinds"]), split_multi(r["keywords"]), r["source"], r["note"]});
  }
  for (auto& r : rows_of("data/plan/welfare_plan_items.csv")) {
    ref.welfare_items.push_back({std::stoi(r["number"]), r["short"], r["title"], r["goal"], split_multi(r["functions"]),
                                 split_multi(r["methods"]), split_multi(r["meeting_kinds"]),
                                 r["requires_jusou"] == "Y", r["source"]});
  }
  for (auto& r : rows_of("data/plan/typical_indicators.csv"))
    ref.typical_indicators.push_back({r["category"], r["name"], r["unit"], r["current_from"], r["source"]});
  return ref;
}

}  // namespace

const PlanReference& builtin_plan_reference() {
  static const PlanReference ref = load();
  return ref;
}

}  // namespace kyosei
