#include "write/plan/plan_checklist.h"

#include "base/text.h"
#include "base/wording.h"
#include "write/markdown/markdown_tree.h"
#include "write/markdown/markdown_plain_text.h"
#include "write/plan/plan_text.h"

namespace kyosei {

namespace {

constexpr const char* kSeparator = " ＞ ";

}  // namespace

// Sections are searched in their prose and lists only (without_tables): a
// table's cells (分野 names in a header row, long lists of services) would
// make every section mention everything.
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

std::string render_replacement_list(
    const std::vector<std::pair<std::string, std::vector<ReplacementNote>>>& drafts) {
  std::string out;
  for (const auto& [title, notes] : drafts) {
    if (notes.empty()) continue;
    MarkdownTable t;
    t.headers = {"データから作った下書きの節", "差し替えるファイル"};
    for (const auto& n : notes) t.rows.push_back({md(n.section), md(n.file)});
    out += "**" + md(title) + "**\n\n" + t.render() + "\n";
  }
  if (out.empty()) return "データから作った下書きの節はありません（すべて職員が書いた本文です）。\n";
  return out;
}

ChecklistMarkdown render_common_items_checklist(const std::vector<DraftChapter>& chapters,
                                                const std::vector<CommonItemMatch>& matches,
                                                const std::map<std::string, std::string>& narratives) {
  (void)chapters;
  // Only the officer's own text counts as addressing an item: kyosei's
  // templates and generated sentences name the items themselves.
  std::vector<DraftSection> searched;
  for (const auto& [key, text] : narratives) searched.push_back({"narrative/" + key + ".md", without_tables(text)});

  MarkdownTable t;
  t.headers = {"項目", "内容", "主な取組（棚卸の共通事項）", "記述のある本文（narrative）", "原文の確認"};
  int none = 0, unverified = 0;
  for (const auto& m : matches) {
    std::vector<std::string> names;
    for (const Service* s : m.services) names.push_back(s->name);
    std::string services = names.empty() ? std::string(kEmptyCell) : names_capped(names, 3, "事業");
    std::vector<std::string> where = sections_addressing(searched, m.item->keywords);
    std::string cell;
    if (where.empty()) {
      cell = kEmptyCell;
    } else {
      std::vector<std::string> shown;
      for (size_t i = 0; i < where.size() && i < 3; ++i) shown.push_back(md(where[i]));
      cell = join(shown, "、");
      if (where.size() > 3) cell += "ほか" + std::to_string(where.size() - 3) + "件";
    }
    if (names.empty() && where.empty()) {
      ++none;
      services = "**取組・記述なし**";
    }
    if (!m.item->verified) ++unverified;
    t.rows.push_back({md(m.item->id), md(m.item->title), services, cell, m.item->verified ? "確認済み" : "未確認"});
  }

  ChecklistMarkdown out;
  out.table = t.render();
  out.note = "「主な取組」は棚卸の「共通事項」の列にその項目を挙げた事業、「記述のある本文」は職員が書いた本文（narrative/）のうち項目のキーワードを含むものです。"
             "kyosei が作った下書きの文章は数えません。" +
             std::to_string(matches.size()) + "項目のうち、取組も記述も見つからなかった項目は" + std::to_string(none) + "項目です。";
  if (unverified > 0)
    out.note += "「原文の確認」が「未確認」の" + std::to_string(unverified) +
                "項目は、名称をガイドラインの原文とまだ照合していないものです。";
  return out;
}

}  // namespace kyosei
