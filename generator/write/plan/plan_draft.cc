#include "write/plan/plan_draft.h"

#include <algorithm>

#include "analyse/common_items.h"
#include "base/text.h"
#include "write/markdown/markdown_plain_text.h"
#include "write/markdown/markdown_tree.h"
#include "write/plan/area_chart.h"
#include "write/plan/plan_checklist.h"
#include "write/plan/plan_context.h"
#include "write/plan/plan_facts.h"
#include "write/plan/plan_template.h"
#include "write/plan/plan_text.h"

namespace kyosei {

namespace mstch = kainjow::mustache;

bool jusou_plan_standalone(const Municipality& m) { return m.plan.jusou_plan != "chapter"; }

namespace {

struct Selected {
  const PlanChapterRef* ref = nullptr;
  std::string label;  // 「第1章」, or "" for an unnumbered chapter
};

// embedded: the 実施計画 as a chapter of the 地域福祉計画 (numbers "1", "2" …).
std::vector<Selected> select_chapters(const std::string& draft, const Dataset& ds, const PlanReference& pref,
                                      const DraftOptions& options, bool embedded) {
  const Municipality& m = ds.municipality;
  std::vector<Selected> out;
  int n = 0;
  for (const auto& c : pref.chapters) {
    if (c.draft != draft) continue;
    if (std::find(c.applies_to.begin(), c.applies_to.end(), m.jusou_status) == c.applies_to.end()) continue;
    if (c.condition == "previous" && (!options.previous || embedded)) continue;
    if (c.condition == "chapter" && jusou_plan_standalone(m)) continue;
    Selected s{&c, ""};
    if (c.numbered) {
      ++n;
      s.label = embedded ? std::to_string(n) : "第" + std::to_string(n) + "章";
    }
    out.push_back(s);
  }
  return out;
}

// 「（差し替え: narrative/理念.md）」 after drafted text tells the officer
// which narrative file replaces it. It is for the officer only: taken out
// of the chapter and kept, with the section it stood in, for the checklist.
constexpr std::string_view kReplaceOpen = "（差し替え: ";
constexpr std::string_view kReplaceClose = "）";

std::string take_replacement_notes(const std::string& md, const std::string& chapter_title,
                                   std::vector<ReplacementNote>& notes) {
  std::vector<std::string> lines;
  std::vector<std::string> headings;  // levels 2, 3 … above the line (level 1 is the chapter)
  bool fenced = false;
  for (const auto& line : split(md, '\n')) {
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) fenced = !fenced;
    size_t level = 0;
    while (!fenced && level < line.size() && line[level] == '#') ++level;
    if (level >= 2 && level < line.size() && line[level] == ' ') {
      headings.resize(level - 2);
      headings.push_back(markdown_to_plain_text(line.substr(level + 1)));
    }
    std::string kept = line;
    for (size_t at; !fenced && (at = kept.find(kReplaceOpen)) != std::string::npos;) {
      size_t end = kept.find(kReplaceClose, at + kReplaceOpen.size());
      if (end == std::string::npos) break;
      std::string file = kept.substr(at + kReplaceOpen.size(), end - at - kReplaceOpen.size());
      std::string section = chapter_title;
      for (const auto& h : headings) section += " ＞ " + h;
      notes.push_back({section, file});
      kept.erase(at, end + kReplaceClose.size() - at);
    }
    lines.push_back(std::move(kept));
  }
  return join(lines, "\n");
}

std::string two_digits(size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Renders one chapter: template, whole-chapter narrative, number.
std::optional<DraftChapter> render_chapter(const Selected& s, size_t index, const mstch::data& context,
                                           const Dataset& ds, const DraftOptions& options, Diagnostics& diags) {
  const PlanChapterRef& c = *s.ref;
  auto text = render_plan_template(plan_template_path(c.draft, c.file), context, options.inputs, diags);
  if (!text) return std::nullopt;
  std::string body = *text;
  auto narrative = ds.narratives.find(c.draft + "_" + c.name);
  if (narrative != ds.narratives.end()) {
    auto headings = markdown_headings(body);
    std::string heading = headings.empty() ? md(c.name) : headings.front().text;
    body = "# " + heading + "\n\n" + drop_leading_heading(narrative->second, 1);
  }
  if (!s.label.empty()) body = prefix_first_heading(body, s.label + " ");
  body = tidy_markdown(body);
  DraftChapter out;
  out.file_name = two_digits(index) + "_" + c.name + ".md";
  auto headings = markdown_headings(body);
  out.title = headings.empty() ? c.name : markdown_to_plain_text(headings.front().text);
  out.markdown = take_replacement_notes(body, out.title, out.replacements);
  out.on_site = c.on_site;
  return out;
}

std::string jusou_title(const Municipality& m) {
  return m.jusou_status == "移行準備" ? "重層的支援体制整備事業への移行計画（案）" : "重層的支援体制整備事業実施計画（案）";
}

std::optional<PlanDraft> jusou_draft(const Analysis& a, const DraftOptions& options, Diagnostics& diags,
                                     bool embedded) {
  const Dataset& ds = a.data;
  const PlanReference& pref = a.plan_reference;
  PlanDraft draft;
  draft.draft = kJusouDraft;
  draft.file_title = jusou_title(ds.municipality);
  draft.title = ds.municipality.name + draft.file_title;
  PlanFacts facts(a, PlanSettings{options.public_site, embedded ? nullptr : options.previous, "", ""});
  mstch::data context = build_plan_context(facts, DraftKind::Jusou);
  auto selected = select_chapters(kJusouDraft, ds, pref, options, embedded);
  for (size_t i = 0; i < selected.size(); ++i) {
    auto ch = render_chapter(selected[i], i + 1, context, ds, options, diags);
    if (!ch) return std::nullopt;
    if (embedded) ch->markdown = shift_headings(ch->markdown, 1);
    draft.chapters.push_back(std::move(*ch));
  }
  return draft;
}

std::string label_of(const std::vector<Selected>& selected, const std::string& name) {
  for (const auto& s : selected)
    if (s.ref->name == name) return s.label;
  return "";
}

}  // namespace

std::optional<PlanDraft> build_jusou_draft(const Analysis& a, const DraftOptions& options, Diagnostics& diags) {
  return jusou_draft(a, options, diags, false);
}

std::optional<PlanDraft> build_welfare_draft(const Analysis& a, const DraftOptions& options, Diagnostics& diags,
                                             const JusouDraftSource& standalone_jusou) {
  const Dataset& ds = a.data;
  const PlanReference& pref = a.plan_reference;
  const Municipality& m = ds.municipality;
  PlanDraft draft;
  draft.draft = kWelfareDraft;
  draft.file_title = "地域福祉計画（案）";
  draft.title = (m.plan.title.empty() ? m.name + "地域福祉計画" : m.plan.title) + "（案）";

  auto selected = select_chapters(kWelfareDraft, ds, pref, options, false);
  PlanSettings settings{options.public_site, options.previous, label_of(selected, "施策の展開"),
                        label_of(selected, "重層的支援体制整備事業実施計画")};
  PlanFacts facts(a, settings);
  mstch::data context = build_plan_context(facts, DraftKind::Welfare);

  const Selected* checklist = nullptr;
  size_t checklist_index = 0;
  for (size_t i = 0; i < selected.size(); ++i) {
    if (selected[i].ref->condition == "checklist") {
      checklist = &selected[i];
      checklist_index = i + 1;
      continue;
    }
    auto ch = render_chapter(selected[i], i + 1, context, ds, options, diags);
    if (!ch) return std::nullopt;
    if (selected[i].ref->condition == "chapter") {
      // The 実施計画, one level down, inside this chapter.
      auto embedded = jusou_draft(a, options, diags, true);
      if (!embedded) return std::nullopt;
      for (const auto& e : embedded->chapters) {
        ch->markdown += "\n" + e.markdown;
        for (const auto& note : e.replacements) ch->replacements.push_back({ch->title + " ＞ " + note.section, note.file});
      }
      ch->markdown = tidy_markdown(ch->markdown);
    }
    draft.chapters.push_back(std::move(*ch));
  }
  if (checklist) {
    std::vector<std::pair<std::string, std::vector<ReplacementNote>>> replacements;
    // The 実施計画 drafted on its own has its notes listed here too: this
    // checklist is the one internal list of the build. The site shows
    // no checklist, so it skips drafting the 実施計画 again.
    if (jusou_plan_standalone(m) && !options.public_site) {
      std::shared_ptr<const PlanDraft> jusou;
      if (standalone_jusou) {
        jusou = standalone_jusou();
      } else if (auto drafted = jusou_draft(a, options, diags, false)) {
        jusou = std::make_shared<const PlanDraft>(std::move(*drafted));
      }
      if (!jusou) return std::nullopt;
      std::vector<ReplacementNote> notes;
      for (const auto& ch : jusou->chapters) notes.insert(notes.end(), ch.replacements.begin(), ch.replacements.end());
      replacements.push_back({jusou->title, std::move(notes)});
    }
    std::vector<ReplacementNote> own;
    for (const auto& ch : draft.chapters) own.insert(own.end(), ch.replacements.begin(), ch.replacements.end());
    replacements.insert(replacements.begin(), {draft.title, std::move(own)});
    context.set("差し替えの一覧", render_replacement_list(replacements));
    auto rendered = render_common_items_checklist(draft.chapters, facts.view.common_items, ds.narratives);
    context.set("点検表", rendered.table);
    context.set("点検表の注記", rendered.note);
    auto ch = render_chapter(*checklist, checklist_index, context, ds, options, diags);
    if (!ch) return std::nullopt;
    ch->internal = true;
    draft.chapters.push_back(std::move(*ch));
  }
  // The population chart, when a chapter (template or narrative) shows it.
  if (auto chart = area_population_chart(ds)) {
    const std::string ref = "](" + chart->file_name + ")";
    for (const auto& ch : draft.chapters)
      if (ch.markdown.find(ref) != std::string::npos) {
        draft.images.push_back({chart->file_name, chart->svg});
        break;
      }
  }
  return draft;
}

}  // namespace kyosei
