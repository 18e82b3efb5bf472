// services/index.html and one page per public service. A service with
// 公開 しない is skipped everywhere here.
#include <algorithm>
#include <set>

#include "analyse/organisations.h"
#include "base/dates.h"
#include "base/numbers.h"
#include "base/text.h"
#include "base/wording.h"
#include "model/reference_data.h"
#include "write/markdown/markdown_plain_text.h"
#include "write/site/site_search.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"
#include "write/site/site_help.h"
#include "write/site/site_html.h"
#include "write/site/site_producers.h"

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
  if (!s.provider.empty()) return provider_display(s);
  return s.method == kDirectlyRun ? std::string(kDirectlyRun) + "（" + s.department + "）" : kUnknown;
}

// Area names linked to their pages; no 圏域 is 全域, the 層1 area's page.
SafeHtml area_links(const std::string& page_path, const Dataset& ds, const std::vector<std::string>& ids) {
  std::vector<std::pair<std::string, std::string>> links;
  if (ids.empty()) {
    for (const auto& a : ds.areas)
      if (a.layer == 1) links.push_back({relative_link(page_path, area_page_path(a.id)), kWholeArea});
    if (links.empty()) links.push_back({"", kWholeArea});
  }
  for (const auto& id : ids) {
    const Area* a = ds.find_area(id);
    links.push_back({a ? relative_link(page_path, area_page_path(a->id)) : "", a ? a->name : id});
  }
  return html_link_list(links);
}

// The start of 概要 as plain text: the page's description.
std::string summary_excerpt(const Service& s) {
  std::string text;
  for (auto line : split(markdown_to_plain_text(s.summary_markdown), '\n')) {
    line = trim(line);
    if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) line = line.substr(2);
    if (!line.empty()) text += (text.empty() ? "" : " ") + line;
  }
  return search_excerpt(text, 90);
}

SitePage service_page(const Service& s, const SiteContext& ctx) {
  SitePage page;
  page.path = service_page_path(s.id);
  page.title = s.name;
  page.section = "services";
  page.parents = {{kListTitle, kListPath}};
  page.description = summary_excerpt(s);

  // What a resident needs comes first (窓口・電話・場所・受付時間・利用の
  // しかた), then 概要, and the plan's view of the service below.
  auto contact = contact_rows(s);
  if (!contact.empty()) page.body_html += render_facts("相談・利用の窓口", std::move(contact)).value;
  if (!s.summary_markdown.empty()) {
    // 概要 is typed by staff: rendered with the untrusted-input rules, its
    // headings placed below this section's <h2>.
    page.body_html += markdown_to_html("## 概要\n");
    page.body_html += "<div class=\"prose\">\n" + markdown_to_html(s.summary_markdown, {.heading_shift = 2}) + "</div>\n";
  }

  std::vector<std::pair<std::string, HtmlCell>> facts;
  facts.push_back({"分野", s.field});
  facts.push_back({"関連分野", list_text(s.related_fields, "なし")});
  facts.push_back({"機能", list_text(s.functions)});
  facts.push_back({"重層的支援体制整備事業の区分",
                   s.jusou_codes.empty() ? HtmlCell(kNotApplicable) : HtmlCell(html_lines(jusou_lines(s, ctx.ref)))});
  facts.push_back({"所管課", s.department});
  facts.push_back({"実施方法", s.method.empty() ? kUnknown : s.method});
  facts.push_back({"実施主体", provider_text(s)});
  facts.push_back({"圏域", area_links(page.path, ctx.ds, s.areas)});
  facts.push_back({"拠点数", count_text(s.sites, "か所")});
  facts.push_back({"事業費", s.cost ? format_yen(*s.cost) : kUnknown});
  facts.push_back({"開始年度", s.start_year ? format_fiscal_year(*s.start_year) : kUnknown});
  facts.push_back({"対象", s.target.empty() ? kUnknown : s.target});
  page.body_html += render_facts("計画での位置づけ（事業の基本情報）", std::move(facts)).value;
  page.body_html += markdown_to_html("[" + markdown_escape("事業一覧に戻る") + "](" +
                                     relative_link(page.path, kListPath) + ")");
  return page;
}

// <select> of the values in use, in vocabulary order (then any other).
std::string filter_select(const std::string& id, const std::string& label, const std::vector<std::string>& vocabulary,
                          const std::set<std::string>& used) {
  std::vector<std::string> values;
  for (const auto& v : vocabulary)
    if (used.count(v)) values.push_back(v);
  for (const auto& v : used)
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  std::string out = "<div class=\"filter-item\">\n<label for=\"" + id + "\">" + html_escape(label) + "</label>\n<select id=\"" +
                    id + "\">\n<option value=\"\">すべて</option>\n";
  for (const auto& v : values) out += "<option>" + html_escape(v) + "</option>\n";
  return out + "</select>\n</div>\n";
}

// The 棚卸 list: the full table works without scripts; assets/filter.js
// shows the (hidden) form and filters rows by 分野 and 機能 in the browser.
SitePage list_page(const std::vector<const Service*>& services, const Dataset& ds) {
  SitePage page;
  page.path = kListPath;
  page.title = kListTitle;
  page.section = "services";
  page.description = "相談支援・参加支援・地域づくりなど、棚卸しした事業と取組の一覧です。分野と機能で絞り込めます。";

  std::string intro = "相談支援・参加支援・地域づくりなど、地域共生社会の実現に向けて実施している事業と取組です。"
                      "事業名から詳しい内容を見られます。";
  page.body_html = markdown_to_html(markdown_escape(intro));
  if (services.empty()) {
    page.body_html += markdown_to_html(markdown_escape("公開している事業はありません。"));
    return page;
  }
  std::set<std::string> fields, functions;
  for (const Service* s : services) {
    fields.insert(s->field);
    functions.insert(s->functions.begin(), s->functions.end());
  }
  const Schema& schema = reference_data().schema;
  page.scripts = {"assets/filter.js"};
  page.body_html += "<form class=\"filter\" id=\"service-filter\" aria-label=\"事業の絞り込み\" data-table=\"service-table\" hidden>\n"
                    "<p class=\"filter-title\">分野と機能で絞り込む</p>\n<div class=\"filter-items\">\n" +
                    filter_select("filter-field", "分野", schema.values("services.csv", "分野"), fields) +
                    filter_select("filter-function", "機能", schema.values("services.csv", "機能"), functions) +
                    "<button type=\"reset\">すべて表示</button>\n</div>\n</form>\n"
                    "<p id=\"filter-status\" class=\"filter-status\" role=\"status\"></p>\n";
  HtmlTable t;
  t.id = "service-table";
  t.css_class = "list";
  t.caption = "公開している事業（" + std::to_string(services.size()) + "件）";
  t.headers = {"事業名", "分野", "機能", "圏域", "所管課"};
  t.row_headers = true;
  for (const Service* s : services) {
    t.rows.push_back({html_link(relative_link(page.path, service_page_path(s->id)), s->name), s->field,
                      list_text(s->functions), list_text(area_names(ds, s->areas)), s->department});
    t.row_data.push_back({{"field", s->field}, {"functions", join(s->functions, "|")}});
  }
  page.body_html += render_table(t).value;
  return page;
}

}  // namespace

void produce_services(const SiteContext& ctx, SiteOutput& out) {
  std::vector<const Service*> published;
  for (const auto& s : ctx.ds.services)
    if (s.is_public) published.push_back(&s);
  out.pages.push_back(list_page(published, ctx.ds));
  for (const Service* s : published) out.pages.push_back(service_page(*s, ctx));
}

}  // namespace kyosei
