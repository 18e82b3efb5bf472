// services/index.html and one page per public service. A service with
// 公開 しない is skipped everywhere here.
#include "base/dates.h"
#include "base/numbers.h"
#include "write/markdown_html.h"
#include "write/site_format.h"
#include "write/site_html.h"
#include "write/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kListPath = "services/index.html";
constexpr const char* kListTitle = "事業一覧";

// "1イ 第1号イ 地域包括支援センターの運営" per code, from the reference table.
std::vector<std::string> jusou_lines(const Service& s, const Reference& ref) {
  std::vector<std::string> out;
  for (const auto& code : s.jusou_codes) {
    const JusouComponent* c = ref.component(code);
    out.push_back(c ? code + "（" + c->law_ref + "）" + c->program_name : code);
  }
  return out;
}

std::string provider_text(const Service& s) {
  if (!s.provider.empty()) return s.provider;
  return s.method == "直営" ? "直営（" + s.department + "）" : kUnknown;
}

SitePage service_page(const Service& s, const SiteContext& ctx) {
  SitePage page;
  page.path = service_page_path(s.id);
  page.title = s.name;
  page.section = "services";
  page.parents = {{kListTitle, kListPath}};

  std::vector<std::pair<std::string, HtmlCell>> facts;
  facts.push_back({"分野", s.field});
  facts.push_back({"関連分野", list_text(s.related_fields, "なし")});
  facts.push_back({"機能", list_text(s.functions)});
  facts.push_back({"重層的支援体制整備事業の区分",
                   s.jusou_codes.empty() ? HtmlCell("該当なし") : HtmlCell(html_lines(jusou_lines(s, ctx.ref)))});
  facts.push_back({"所管課", s.department});
  facts.push_back({"実施方法", s.method.empty() ? kUnknown : s.method});
  facts.push_back({"実施主体", provider_text(s)});
  facts.push_back({"圏域", list_text(area_names(ctx.ds, s.areas))});
  facts.push_back({"拠点数", count_text(s.sites, "か所")});
  facts.push_back({"事業費", s.cost ? format_yen(*s.cost) : kUnknown});
  facts.push_back({"開始年度", s.start_year ? format_fiscal_year(*s.start_year) : kUnknown});
  facts.push_back({"対象", s.target.empty() ? kUnknown : s.target});
  page.body_html = render_facts("事業の基本情報", std::move(facts)).value;

  if (!s.summary_markdown.empty()) {
    // 概要 is typed by staff: rendered with the untrusted-input rules, its
    // headings placed below this section's <h2>.
    page.body_html += markdown_to_html("## 概要\n");
    page.body_html += "<div class=\"prose\">\n" + markdown_to_html(s.summary_markdown, {.heading_shift = 2}) + "</div>\n";
  }
  page.body_html += markdown_to_html("[" + markdown_escape("事業一覧に戻る") + "](" +
                                     relative_link(page.path, kListPath) + ")");
  return page;
}

SitePage list_page(const std::vector<const Service*>& services) {
  SitePage page;
  page.path = kListPath;
  page.title = kListTitle;
  page.section = "services";

  std::string intro = "相談支援・参加支援・地域づくりなど、地域共生社会の実現に向けて実施している事業と取組です。"
                      "事業名から詳しい内容を見られます。";
  page.body_html = markdown_to_html(markdown_escape(intro));
  if (services.empty()) {
    page.body_html += markdown_to_html(markdown_escape("公開している事業はありません。"));
    return page;
  }
  HtmlTable t;
  t.caption = "公開している事業（" + std::to_string(services.size()) + "件）";
  t.headers = {"事業名", "分野", "機能", "所管課"};
  t.row_headers = true;
  for (const Service* s : services)
    t.rows.push_back({html_link(relative_link(page.path, service_page_path(s->id)), s->name), s->field,
                      list_text(s->functions), s->department});
  page.body_html += render_table(t).value;
  return page;
}

}  // namespace

void produce_services(const SiteContext& ctx, SiteOutput& out) {
  std::vector<const Service*> published;
  for (const auto& s : ctx.ds.services)
    if (s.is_public) published.push_back(&s);
  out.pages.push_back(list_page(published));
  for (const Service* s : published) out.pages.push_back(service_page(*s, ctx));
}

}  // namespace kyosei
