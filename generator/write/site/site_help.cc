// help/index.html (相談先 by life situation, then by 圏域) and the A4
// leaflets help/<圏域ID>.html. See write/site_help.h.
#include "write/site/site_help.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <toml++/toml.h>

#include "base/contact.h"
#include "base/resources.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"
#include "write/site/site_layout.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

std::vector<std::string> strings(const toml::node_view<const toml::node>& v) {
  std::vector<std::string> out;
  if (auto* arr = v.as_array())
    for (auto& e : *arr) out.push_back(e.value_or(std::string()));
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// The 圏域 whose residents a service in it serves: the area, the larger
// areas it lies in and the smaller ones inside it. Computed once for all
// areas (the leaflets used to walk every area's chain per service and area).
std::vector<std::set<std::string>> area_families(const Dataset& ds) {
  // Each area's chain: itself and the larger areas it lies in (walked once).
  std::vector<std::set<std::string>> chains(ds.areas.size());
  std::map<std::string, std::vector<size_t>> positions;
  for (size_t i = 0; i < ds.areas.size(); ++i) {
    positions[ds.areas[i].id].push_back(i);
    for (const Area* a = &ds.areas[i]; a && chains[i].insert(a->id).second;)
      a = a->parent.empty() ? nullptr : ds.find_area(a->parent);
  }
  // An area's family is its chain plus every area whose chain holds it.
  auto out = chains;
  for (size_t j = 0; j < ds.areas.size(); ++j)
    for (const auto& id : chains[j])
      if (auto it = positions.find(id); it != positions.end())
        for (size_t i : it->second) out[i].insert(ds.areas[j].id);
  return out;
}

// A service in area X serves the residents of X when it covers X, a
// larger area X lies in, or a smaller one inside X; no 圏域 is 全域.
bool serves_area(const Service& s, const std::set<std::string>& family) {
  if (s.areas.empty()) return true;
  for (const auto& id : s.areas)
    if (family.count(id)) return true;
  return false;
}

std::string counter_name(const Service& s) { return s.counter.empty() ? s.name : s.counter; }

// One 相談先 as a card: the name linked to the service page, then the
// contact rows as a description list.
std::string help_card(const Service& s, const std::string& from_page, int heading_level) {
  std::string h = std::to_string(heading_level);
  std::string out = "<div class=\"help-card\">\n<h" + h + " class=\"help-card-title\">" +
                    html_link(relative_link(from_page, service_page_path(s.id)), counter_name(s)).value + "</h" + h + ">\n";
  if (!s.counter.empty() && s.counter != s.name) out += "<p class=\"help-card-service\">" + html_escape(s.name) + "</p>\n";
  out += "<dl class=\"help-contact\">\n";
  for (auto& [label, cell] : contact_rows(s)) {
    if (label == "相談窓口" || label == "利用のしかた") continue;  // the title; on the service page
    out += "<div><dt>" + html_escape(label) + "</dt><dd>" + cell.html + "</dd></div>\n";
  }
  if (s.phones.empty() && s.counter.empty())
    out += "<div><dt>問い合わせ</dt><dd>" + html_escape(s.department) + "</dd></div>\n";
  return out + "</dl>\n</div>\n";
}

// For each service, whether it is under each situation (in_situation
// folds the service's text, so it is done once, not once per leaflet).
using SituationMembership = std::map<const Service*, std::vector<char>>;

SituationMembership situation_membership(const std::vector<const Service*>& services) {
  const auto& situations = help_situations();
  SituationMembership out;
  for (const Service* s : services) {
    auto& in = out[s];
    if (!in.empty()) continue;
    const std::string text = help_text(*s);
    for (const auto& sit : situations) in.push_back(in_situation(*s, sit, text) ? 1 : 0);
  }
  return out;
}

// The situations, each with its services in input order; services under
// none of them are added to the last one (「そのほかの相談」).
std::vector<std::pair<const HelpSituation*, std::vector<const Service*>>> by_situation(
    const std::vector<const Service*>& services, const SituationMembership& membership) {
  const auto& situations = help_situations();
  std::vector<std::pair<const HelpSituation*, std::vector<const Service*>>> out;
  for (const auto& sit : situations) out.push_back({&sit, {}});
  for (const Service* s : services) {
    const auto& in = membership.at(s);
    bool placed = false;
    for (size_t i = 0; i < out.size(); ++i)
      if (in[i]) {
        out[i].second.push_back(s);
        placed = true;
      }
    if (!placed && !out.empty()) out.back().second.push_back(s);
  }
  return out;
}

std::vector<std::pair<const HelpSituation*, std::vector<const Service*>>> by_situation(
    const std::vector<const Service*>& services) {
  return by_situation(services, situation_membership(services));
}

std::string emergency_note() {
  return html_note("命にかかわる緊急のときは、119番（救急・火事）、110番（警察）に電話してください。").value;
}

std::string area_title(const Area& a) { return a.layer == 1 ? a.name + "（" + kWholeArea + "）" : a.name; }

SitePage index_page(const SiteContext& ctx, const std::vector<const Service*>& services) {
  SitePage page;
  page.path = kHelpIndexPath;
  page.title = kHelpTitle;
  page.section = "help";
  page.description = "くらしの中で困ったときの相談先を、困りごと別とお住まいの地域別にまとめました。電話番号・場所・受付時間がわかります。";
  std::string& b = page.body_html;
  b = markdown_to_html(markdown_escape(page.description + "電話番号を押すと、スマートフォンからそのまま電話をかけられます。"));
  b += emergency_note();
  auto groups = by_situation(services);
  if (services.empty()) {
    b += markdown_to_html(markdown_escape("相談先はまだ登録されていません。"));
    return page;
  }
  b += "<nav class=\"help-nav\" aria-labelledby=\"help-nav-situations\">\n" +
       html_heading(2, "困りごとから探す", "help-nav-situations").value + "<ul class=\"help-situations\">\n";
  for (const auto& [sit, list] : groups)
    if (!list.empty())
      b += "<li><a href=\"#" + html_escape(sit->id) + "\">" + html_escape(sit->title) + "</a></li>\n";
  b += "</ul>\n<p><a href=\"#help-nav-areas\">お住まいの地域ごとの相談先の一覧（印刷できます）</a></p>\n</nav>\n";
  for (const auto& [sit, list] : groups) {
    if (list.empty()) continue;
    b += "<section class=\"help-situation\" aria-labelledby=\"" + html_escape(sit->id) + "\">\n" +
         html_heading(2, sit->title, sit->id).value + "<p>" + html_escape(sit->lead) + "</p>\n<div class=\"help-cards\">\n";
    for (const Service* s : list) b += help_card(*s, page.path, 3);
    b += "</div>\n</section>\n";
  }
  // Then by 圏域: the leaflets, for 民生委員 and counters to print.
  b += "<nav class=\"help-nav\" aria-labelledby=\"help-nav-areas\">\n" +
       html_heading(2, "お住まいの地域の相談先（印刷できます）", "help-nav-areas").value + "<ul class=\"help-areas\">\n";
  for (const auto& a : ctx.ds.areas)
    b += "<li><a href=\"" + html_escape(relative_link(page.path, help_leaflet_path(a.id))) + "\">" +
         html_escape(area_title(a)) + "</a></li>\n";
  b += "</ul>\n</nav>\n";
  return page;
}

// The leaflet of one 圏域: each 相談先 once, under its first situation,
// in tables that print on A4 (rows are not split across pages).
struct LeafletBody {
  std::string html;
  size_t rows = 0;  // table rows, headers included: what decides its length in print
};

LeafletBody leaflet_body(const SiteContext& ctx, const std::string& page_path, const Area& area,
                         const std::vector<const Service*>& services, const std::set<std::string>& family,
                         const SituationMembership& membership) {
  std::vector<const Service*> here;
  for (const Service* s : services)
    if (serves_area(*s, family)) here.push_back(s);
  LeafletBody out;
  std::string& b = out.html;
  b = "<p class=\"leaflet-lead\">" +
      html_escape(ctx.ds.municipality.name + " " + area_title(area) + "にお住まいの方が、くらしの中で困ったときの相談先です。") +
      "</p>\n" + emergency_note();
  std::set<const Service*> listed;
  for (const auto& [sit, list] : by_situation(here, membership)) {
    HtmlTable t;
    t.caption = sit->title;
    t.headers = {"相談先", "電話", "受付時間", "場所"};
    t.row_headers = true;
    t.css_class = "leaflet";
    for (const Service* s : list) {
      if (!listed.insert(s).second) continue;
      t.rows.push_back({html_link(relative_link(page_path, service_page_path(s->id)), counter_name(*s)),
                        s->phones.empty() ? HtmlCell(s->department) : HtmlCell(phone_links(s->phones)),
                        s->hours.empty() ? HtmlCell(kEmptyCell) : HtmlCell(s->hours),
                        s->place.empty() ? HtmlCell(kEmptyCell) : HtmlCell(s->place)});
    }
    if (t.rows.empty()) continue;
    b += render_table(t).value;
    out.rows += t.rows.size() + 1;
  }
  if (listed.empty()) b += markdown_to_html(markdown_escape("この地域の相談先はまだ登録されていません。"));
  b += "<p class=\"leaflet-footer\">" + html_escape(site_title(ctx.ds.municipality)) + "</p>\n";
  return out;
}

std::string leaflet_title(const Area& area) { return std::string(kHelpTitle) + "（" + area_title(area) + "）"; }

SitePage leaflet_page(const SiteContext& ctx, const Area& area, const std::string& body) {
  SitePage page;
  page.path = help_leaflet_path(area.id);
  page.title = leaflet_title(area);
  page.section = "help";
  page.parents = {{kHelpTitle, kHelpIndexPath}};
  page.description = area_title(area) + "にお住まいの方の相談先です。印刷して配ることができます（A4）。";
  // The same 相談先 as help/index.html: in the search they would only push
  // the pages about each service down.
  page.searchable = false;
  if (ctx.pdf)
    page.body_html = "<p class=\"leaflet-pdf\"><a href=\"" +
                     html_escape(relative_link(page.path, help_leaflet_pdf_path(area.id))) +
                     "\">このチラシの PDF（A4、印刷用）</a></p>\n";
  page.body_html += body;
  return page;
}

// The leaflets in few documents, each from a new page under its own <h1>
// (the first one's is the page's): each document is printed once and cut
// into one PDF per 圏域 (print_pdf_parts), which is much faster than one
// browser start per 圏域. A document holds consecutive 圏域 up to about
// kRowsPerPrint table rows (some 120 pages), so one browser's memory
// stays within a few hundred MB however many 相談先 there are.
constexpr size_t kRowsPerPrint = 3000;

std::vector<SiteOutput::Print> leaflet_prints(const Dataset& ds, const std::vector<LeafletBody>& bodies) {
  std::vector<SiteOutput::Print> prints;
  size_t rows = 0;
  for (size_t i = 0; i < ds.areas.size(); ++i) {
    const size_t here = bodies[i].rows;
    if (prints.empty() || (rows > 0 && rows + here > kRowsPerPrint)) {
      prints.emplace_back();
      SitePage& page = prints.back().page;
      page.path = "help/.leaflets-print-" + std::to_string(prints.size()) + ".html";
      page.title = leaflet_title(ds.areas[i]);
      page.section = "help";
      page.searchable = false;
      rows = 0;
    }
    SiteOutput::Print& print = prints.back();
    print.page.body_html += "<section class=\"leaflet-sheet\">\n";
    if (!print.pdf_paths.empty()) print.page.body_html += "<h1>" + html_escape(leaflet_title(ds.areas[i])) + "</h1>\n";
    print.page.body_html += bodies[i].html + "</section>\n";
    print.pdf_paths.push_back(help_leaflet_pdf_path(ds.areas[i].id));
    rows += here;
  }
  return prints;
}

}  // namespace

const std::vector<HelpSituation>& help_situations() {
  static const std::vector<HelpSituation> all = [] {
    auto bytes = resource("data/site/help_situations.toml");
    if (!bytes) throw std::logic_error("data/site/help_situations.toml is not embedded");
    toml::table doc = toml::parse(*bytes, std::string_view("data/site/help_situations.toml"));
    std::vector<HelpSituation> out;
    if (auto* arr = doc["situation"].as_array())
      for (auto& node : *arr) {
        const toml::table& t = *node.as_table();
        HelpSituation s;
        s.id = t["id"].value_or(std::string());
        s.title = t["title"].value_or(std::string());
        s.lead = t["lead"].value_or(std::string());
        s.fields = strings(t["fields"]);
        s.functions = strings(t["functions"]);
        s.jusou = strings(t["jusou"]);
        for (const auto& k : strings(t["keywords"])) s.keywords.push_back(nfkc(k));
        out.push_back(std::move(s));
      }
    return out;
  }();
  return all;
}

std::string help_leaflet_path(const std::string& area_id) { return "help/" + page_slug(area_id) + ".html"; }
std::string help_leaflet_pdf_path(const std::string& area_id) { return "help/" + page_slug(area_id) + ".pdf"; }

std::vector<const Service*> help_services(const Dataset& ds) {
  std::vector<const Service*> out;
  bool any_contact = false;
  for (const auto& s : ds.services) any_contact = any_contact || (s.is_public && (!s.counter.empty() || !s.phones.empty()));
  for (const auto& s : ds.services) {
    if (!s.is_public) continue;
    if (any_contact ? (!s.counter.empty() || !s.phones.empty()) : has(s.functions, "相談支援")) out.push_back(&s);
  }
  return out;
}

std::string help_text(const Service& s) { return nfkc(s.name + "\n" + s.target + "\n" + s.counter); }

bool in_situation(const Service& s, const HelpSituation& sit) { return in_situation(s, sit, help_text(s)); }

bool in_situation(const Service& s, const HelpSituation& sit, std::string_view text) {
  if (has(sit.fields, s.field)) return true;
  for (const auto& f : s.functions)
    if (has(sit.functions, f)) return true;
  for (const auto& j : s.jusou_codes)
    if (has(sit.jusou, j)) return true;
  for (const auto& k : sit.keywords)
    if (!k.empty() && text.find(k) != std::string::npos) return true;
  return false;
}

SafeHtml phone_links(const std::vector<std::string>& numbers) {
  std::vector<std::string> parts;
  for (const auto& n : numbers) {
    auto dial = dialable_phone(n);
    if (!dial) {
      parts.push_back("<span class=\"tel\">" + html_escape(n) + "</span>");
      continue;
    }
    std::string href = *dial;
    replace_all(href, "#", "%23");
    parts.push_back("<a class=\"tel\" href=\"tel:" + href + "\">" + html_escape(n) + "</a>");
  }
  return {join(parts, "<br>")};
}

std::vector<std::pair<std::string, HtmlCell>> contact_rows(const Service& s) {
  std::vector<std::pair<std::string, HtmlCell>> rows;
  if (!s.counter.empty()) rows.push_back({"相談窓口", s.counter});
  if (!s.phones.empty()) rows.push_back({"電話", phone_links(s.phones)});
  if (!s.fax.empty()) rows.push_back({"FAX", HtmlCell(SafeHtml{"<span class=\"tel fax\">" + html_escape(s.fax) + "</span>"})});
  if (!s.place.empty()) rows.push_back({"場所", s.place});
  if (!s.hours.empty()) rows.push_back({"受付時間", s.hours});
  if (!s.target.empty() && (!s.counter.empty() || !s.phones.empty())) rows.push_back({"対象", s.target});
  if (!s.how_to_use.empty()) rows.push_back({"利用のしかた", s.how_to_use});
  if (!s.url.empty() && is_web_address(s.url))
    rows.push_back({"詳しい案内", HtmlCell(SafeHtml{"<a href=\"" + html_escape(s.url) + "\" rel=\"external noopener\">" +
                                                  url_text_html(s.url) + "</a>"})});
  return rows;
}

SafeHtml help_shortcuts(const Dataset& ds, const std::string& from_page) {
  auto services = help_services(ds);
  std::string out = "<ul class=\"help-situations\">\n";
  for (const auto& [sit, list] : by_situation(services))
    if (!list.empty())
      out += "<li><a href=\"" + html_escape(relative_link(from_page, kHelpIndexPath)) + "#" + html_escape(sit->id) + "\">" +
             html_escape(sit->title) + "</a></li>\n";
  out += "</ul>\n";
  return {out};
}

void produce_help(const SiteContext& ctx, SiteOutput& out) {
  auto services = help_services(ctx.ds);
  out.pages.push_back(index_page(ctx, services));
  auto families = area_families(ctx.ds);
  auto membership = situation_membership(services);
  std::vector<LeafletBody> bodies;
  for (size_t i = 0; i < ctx.ds.areas.size(); ++i) {
    const Area& area = ctx.ds.areas[i];
    bodies.push_back(leaflet_body(ctx, help_leaflet_path(area.id), area, services, families[i], membership));
    out.pages.push_back(leaflet_page(ctx, area, bodies.back().html));
  }
  if (ctx.pdf)
    for (auto& print : leaflet_prints(ctx.ds, bodies)) out.prints.push_back(std::move(print));
}

}  // namespace kyosei
