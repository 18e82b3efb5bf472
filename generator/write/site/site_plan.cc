// plan/index.html and one page per chapter of each plan draft
// (plan/jusou/01.html …, plan/chiiki/01.html …). The drafts are built for
// the public: only services with 公開 する (write/plan/plan_facts.h), no
// 前年度からの変化, no checklist. Like every draft they carry counts, never
// a staff member's 氏名 or a meeting's 議題. The notes that mark drafted text
// for staff ("> （案）…（差し替え: narrative/…）") are left out: the whole
// page says it is a draft.
#include "base/text.h"
#include "model/plan_reference.h"
#include "write/markdown/markdown_html.h"
#include "write/markdown/markdown_tree.h"
#include "write/plan/plan_draft.h"
#include "write/plan/plan_html.h"
#include "write/site/site_html.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kIndexPath = "plan/index.html";
constexpr const char* kIndexTitle = "計画（案）";

// Drops the staff-facing "> （案）" lines of the templates.
std::string without_draft_notes(const std::string& md) {
  std::string out;
  for (const auto& line : split(md, '\n'))
    if (line.rfind("> （案）", 0) != 0) out += line + "\n";
  return out;
}

std::string chapter_path(const std::string& folder, size_t n) {
  return "plan/" + folder + "/" + (n < 10 ? "0" : "") + std::to_string(n) + ".html";
}

struct PublishedDraft {
  std::string title;
  std::vector<std::pair<std::string, std::string>> chapters;  // path, title
};

PublishedDraft publish(const PlanDraft& draft, const std::string& folder, SiteOutput& out) {
  PublishedDraft pub{draft.title, {}};
  size_t n = 0;
  for (const auto& ch : draft.chapters) {
    if (!ch.on_site) continue;
    SitePage page;
    page.path = chapter_path(folder, ++n);
    page.title = ch.title;
    page.section = "plan";
    page.parents = {{kIndexTitle, kIndexPath}};
    MarkdownTree tree(without_draft_notes(drop_leading_heading(ch.markdown, 1)));
    inline_draft_images(tree, draft.images);  // the chart, inline: no file beside the page
    page.body_html = html_note(draft.title + "の一部です。").value + tree.html();
    pub.chapters.push_back({page.path, page.title});
    out.pages.push_back(std::move(page));
  }
  return pub;
}

}  // namespace

void produce_plan(const SiteContext& ctx, SiteOutput& out) {
  DraftOptions options{true, nullptr, &ctx.inputs};
  std::vector<PublishedDraft> drafts;
  if (jusou_plan_standalone(ctx.ds.municipality)) {
    auto d = build_jusou_draft(ctx.analysis, options, ctx.diags);
    if (!d) return;
    drafts.push_back(publish(*d, "jusou", out));
  }
  auto w = build_welfare_draft(ctx.analysis, options, ctx.diags);
  if (!w) return;
  drafts.insert(drafts.begin(), publish(*w, "chiiki", out));

  SitePage index;
  index.path = kIndexPath;
  index.title = kIndexTitle;
  index.section = "plan";
  std::string md = markdown_escape("審議中の計画の案です。内容は、審議やご意見を踏まえて変わることがあります。") + "\n\n";
  for (const auto& d : drafts) {
    md += "## " + markdown_escape(d.title) + "\n\n";
    for (const auto& [path, title] : d.chapters)
      md += "- [" + markdown_escape(title) + "](" + relative_link(kIndexPath, path) + ")\n";
    md += "\n";
  }
  index.body_html = markdown_to_html(md);
  out.pages.push_back(std::move(index));
}

}  // namespace kyosei
