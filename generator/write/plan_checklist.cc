#include "write/plan_checklist.h"

#include "base/text.h"
#include "write/markdown_outline.h"
#include "write/markdown_plain_text.h"
#include "write/plan_text.h"

namespace kyosei {

namespace {

constexpr const char* kSeparator = " ＞ ";
// The heading (in 施策の展開) of the section that lists the items.
constexpr const char* kItemsHeading = "共通して取り組むべき事項";

// Prose and lists only: a table's cells (分野 names in a header row, long
// lists of services) would make every section mention everything.
std::string without_tables(const std::string& text) {
  std::string out;
  for (const auto& line : split(text, '\n'))
    if (trim(line).rfind("|", 0) != 0) out += line + "\n";
  return out;
}

bool is_items_section(const DraftSection& s) { return s.label.find(kItemsHeading) != std::string::npos && s.label.find(kSeparator) != std::string::npos; }

}  // namespace

std::vector<DraftSection> draft_sections(const std::vector<DraftChapter>& chapters) {
  std::vector<DraftSection> out;
  for (const auto& ch : chapters) {
    for (const auto& sec : split_sections(ch.markdown, 2)) {
      std::string label = ch.title;
      if (sec.level == 2) label += kSeparator + markdown_to_plain_text(sec.heading);
      out.push_back({label, without_tables(sec.body)});
    }
  }
  return out;
}

ChecklistMarkdown render_common_items_checklist(const std::vector<DraftChapter>& chapters,
                                                const std::vector<CommonItemMatch>& matches) {
  std::vector<DraftSection> searched;
  std::string items_label;
  for (auto& s : draft_sections(chapters)) {
    if (is_items_section(s)) items_label = s.label;
    else searched.push_back(std::move(s));
  }

  MarkdownTable t;
  t.headers = {"項目", "内容", "記述のある節", "原文の確認"};
  int none = 0, unverified = 0;
  for (const auto& m : matches) {
    std::vector<std::string> where;
    if (!m.empty() && !items_label.empty()) where.push_back(items_label + "（" + m.item->id + "）");
    for (const auto& label : sections_addressing(searched, m.item->keywords)) where.push_back(label);
    std::string cell;
    if (where.empty()) {
      cell = "**該当する記述なし**";
      ++none;
    } else {
      std::vector<std::string> shown;
      for (size_t i = 0; i < where.size() && i < 3; ++i) shown.push_back(md(where[i]));
      cell = join(shown, "、");
      if (where.size() > 3) cell += "ほか" + std::to_string(where.size() - 3) + "節";
    }
    if (!m.item->verified) ++unverified;
    t.rows.push_back({md(m.item->id), md(m.item->title), cell, m.item->verified ? "確認済み" : "未確認"});
  }

  ChecklistMarkdown out;
  out.table = t.render();
  out.note = std::to_string(matches.size()) + "項目のうち、記述のある節が見つからなかった項目は" + std::to_string(none) + "項目です。";
  if (unverified > 0)
    out.note += "「原文の確認」が「未確認」の" + std::to_string(unverified) +
                "項目は、名称をガイドラインの原文とまだ照合していないものです。";
  return out;
}

}  // namespace kyosei
