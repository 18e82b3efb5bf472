#include "model/input_names.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "base/text.h"
#include "model/reference_data.h"

namespace kyosei {

namespace {

// Longest names first, so "meeting_sessions.csv" is not read as "sessions.csv".
const std::vector<std::pair<std::string, std::string>>& names() {
  static const std::vector<std::pair<std::string, std::string>> all = [] {
    std::vector<std::pair<std::string, std::string>> out = {
        {"data/jusou_components.csv", "重層的支援体制整備事業の構成事業の一覧"},
        {"data/jusou_funding_rules.csv", "国・都道府県の負担割合の一覧"},
        {"data/jusou_funding.csv", "国・都道府県の負担割合の一覧"},
        {"data/roles.csv", "役割の一覧"},
        {"data/plan/common_items.csv", "共通して取り組むべき事項の一覧"},
        {"municipality.toml", "自治体の基本情報"},
        {"funding_ratios.csv", "独自に定めた負担割合"},
    };
    for (const auto& f : reference_data().schema.files)
      if (!f.title.empty()) out.push_back({f.name, f.title});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return out;
  }();
  return all;
}

}  // namespace

std::string with_input_titles(std::string_view text) {
  std::string out(text);
  for (const auto& [file, title] : names()) {
    if (out.find(file) == std::string::npos) continue;  // the usual case: every pattern below contains it
    std::string quoted = "「" + title + "」";
    // The spaces that set an ASCII file name apart in Japanese text go with it.
    for (const std::string& name : {"`" + file + "`", "「" + file + "」", file}) {
      replace_all(out, " " + name + " ", quoted);
      replace_all(out, " " + name, quoted);
      replace_all(out, name + " ", quoted);
      replace_all(out, name, quoted);
    }
  }
  return out;
}

}  // namespace kyosei
