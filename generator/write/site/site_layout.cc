#include "write/site/site_layout.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <kainjow/mustache.hpp>

#include "base/resources.h"
#include "write/common/site_format.h"
#include "write/markdown/html_typeset.h"

namespace kyosei {

namespace mstch = kainjow::mustache;

const std::vector<SiteMenuEntry>& site_menu() {
  static const std::vector<SiteMenuEntry> menu = {
      {"home", "トップ", "index.html", "このサイトの入り口です。"},
      {"help", "困ったときの相談先", "help/index.html",
       "困りごと別・お住まいの地域別の相談先（電話番号・場所・受付時間）です。"},
      {"services", "事業一覧", "services/index.html",
       "相談支援・参加支援・地域づくりなどの事業と取組の一覧です。"},
      {"meetings", "会議体", "meetings/index.html",
       "関係機関が集まる会議の目的と開催実績です。"},
      {"areas", "圏域別", "areas/index.html",
       "市全域と日常生活圏域・地区ごとの事業と、コーディネーター等の配置（常勤換算）です。"},
      {"documents", "会議資料", "documents/index.html",
       "会議資料・議事録の PDF と、その内容をページごとに文字で読める版です。"},
      {"plan", "計画（案）", "plan/index.html",
       "地域福祉計画と重層的支援体制整備事業実施計画の案です。"},
      {"assessment", "進捗自己点検", "assessment/index.html",
       "支援体制の進み具合を、視点別・領域別に自己点検した結果です。"},
  };
  return menu;
}

const std::vector<SiteMenuEntry>& site_footer_links() {
  static const std::vector<SiteMenuEntry> links = {
      {"sitemap", "サイトマップ", "sitemap.html", "このサイトのすべてのページの一覧です。"},
      {"search", "サイト内検索", "search.html", "ことばでページを探せます。"},
      {"accessibility", "ウェブアクセシビリティ方針", "accessibility.html",
       "このサイトのウェブアクセシビリティの方針と試験の結果です。"},
  };
  return links;
}

std::string site_title(const Municipality& m) {
  if (!m.site.title.empty()) return m.site.title;
  return m.name + " 地域共生のとりくみ";
}

namespace {

const mstch::mustache& layout() {
  static const mstch::mustache tmpl = [] {
    auto text = resource("site/layouts/page.mustache");
    if (!text) throw std::logic_error("site/layouts/page.mustache is not embedded");
    mstch::mustache t{std::string(*text)};
    if (!t.is_valid()) throw std::logic_error("site/layouts/page.mustache: " + t.error_message());
    return t;
  }();
  return tmpl;
}

}  // namespace

std::string render_page(const SitePage& page, const Municipality& m) { return render_page(page, m, page.body_html); }

std::string render_page(const SitePage& page, const Municipality& m, const std::string& body_html) {
  // The same frame for every page of a build: made once per thread.
  thread_local std::optional<SiteFrame> frame;
  std::string title = site_title(m);
  if (!frame || frame->title != title || frame->contact != m.site.contact)
    frame = SiteFrame{std::move(title), m.site.contact, site_menu(), site_footer_links()};
  return render_page(page, *frame, body_html);
}

namespace {

std::string_view folder_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
}

// The layout's data that many pages share: the frame (title, contact,
// menus) as seen from the page's folder and section. A page that is itself
// in a menu, or is search.html, has its own. Made once per thread and kind
// of page: building and copying the menus for each of thousands of pages
// cost more than rendering them.
const mstch::data& shared_data(const SitePage& page, const SiteFrame& frame) {
  bool in_a_menu = page.path == "search.html";
  for (const auto* entries : {&frame.menu, &frame.footer_links})
    for (const auto& e : *entries) in_a_menu = in_a_menu || page.path == e.path;
  std::string key;
  key.reserve(512);
  key.append(folder_of(page.path)).append("\x1f").append(page.section).append("\x1f");
  if (in_a_menu) key.append(page.path);
  key.append("\x1f").append(frame.title).append("\x1f").append(frame.contact).append(frame.search ? "\x1f" "1" : "\x1f" "0");
  for (const auto* entries : {&frame.menu, &frame.footer_links})
    for (const auto& e : *entries) key.append("\x1e").append(e.section).append("\x1d").append(e.label).append("\x1d").append(e.path);

  thread_local std::unordered_map<std::string, std::unique_ptr<const mstch::data>> cache;
  if (auto it = cache.find(key); it != cache.end()) return *it->second;
  if (cache.size() > 1000) cache.clear();  // bounded: one entry per folder and section in practice

  auto d = std::make_unique<mstch::data>();
  d->set("site_title", frame.title);
  d->set("root", root_prefix(page.path));
  d->set("csp", std::string(kSiteContentSecurityPolicy));
  if (!frame.contact.empty()) d->set("contact", contact_html(frame.contact));
  d->set("header_search", frame.search && page.path != "search.html");
  mstch::data footer{mstch::data::type::list};
  for (const auto& e : frame.footer_links) {
    mstch::data item;
    item.set("label", e.label);
    item.set("href", relative_link(page.path, e.path));
    item.set("is_page", page.path == e.path);
    footer.push_back(item);
  }
  d->set("footer_links", footer);
  mstch::data nav{mstch::data::type::list};
  for (const auto& e : frame.menu) {
    mstch::data item;
    item.set("label", e.label);
    item.set("href", relative_link(page.path, e.path));
    bool is_page = page.path == e.path;
    item.set("is_page", is_page);
    item.set("in_section", !is_page && page.section == e.section);
    nav.push_back(item);
  }
  d->set("nav", nav);
  return *cache.emplace(std::move(key), std::move(d)).first->second;
}

// Appends what kainjow renders (it writes to a stream with <<).
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& part) {
    out += part;
    return *this;
  }
};

}  // namespace

std::string render_page(const SitePage& page, const SiteFrame& frame, const std::string& body_html) {
  // The page's own data, looked up before the shared data (a context is a
  // stack; the two have no name in common).
  mstch::data d;
  d.set("page_title", page.title);
  d.set("document_title", page.path == "index.html" ? frame.title : page.title + "｜" + frame.title);
  d.set("body", body_html);
  if (!page.description.empty()) d.set("description", page.description);
  mstch::data scripts{mstch::data::type::list};
  for (const auto& s : page.scripts) {
    mstch::data item;
    item.set("src", relative_link(page.path, s));
    scripts.push_back(item);
  }
  d.set("scripts", scripts);
  mstch::data crumbs{mstch::data::type::list};
  if (page.path != "index.html") {
    std::vector<SiteCrumb> trail = {{"トップ", "index.html"}};
    trail.insert(trail.end(), page.parents.begin(), page.parents.end());
    for (const auto& c : trail) {
      mstch::data item;
      item.set("title", c.title);
      item.set("href", relative_link(page.path, c.path));
      crumbs.push_back(item);
    }
  }
  d.set("has_breadcrumbs", page.path != "index.html");
  d.set("breadcrumbs", crumbs);

  mstch::context<std::string> context(&shared_data(page, frame));
  context.push(&d);
  // kainjow's render() is not const (it may set an error message), so each
  // thread renders with its own copy, made once: copying the parsed layout
  // for every page cost more than rendering it. Appended straight into one
  // string rather than through render()'s ostringstream.
  thread_local mstch::mustache tmpl = layout();
  std::string html;
  html.reserve(body_html.size() + 8192);
  StringSink sink{html};
  tmpl.render(context, sink);
  return add_word_breaks(html);
}

}  // namespace kyosei
