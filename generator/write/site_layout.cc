#include "write/site_layout.h"

#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "base/resources.h"

namespace kyosei {

namespace mstch = kainjow::mustache;

const std::vector<SiteMenuEntry>& site_menu() {
  static const std::vector<SiteMenuEntry> menu = {
      {"home", "トップ", "index.html", "このサイトの入り口です。"},
      {"services", "事業一覧", "services/index.html",
       "相談支援・参加支援・地域づくりなどの事業と取組の一覧です。"},
      {"meetings", "会議体", "meetings/index.html",
       "関係機関が集まる会議の目的と開催実績です。"},
  };
  return menu;
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

std::string render_page(const SitePage& page, const Municipality& m) {
  const std::string title = site_title(m);
  mstch::data d;
  d.set("site_title", title);
  d.set("page_title", page.title);
  d.set("document_title", page.path == "index.html" ? title : page.title + "｜" + title);
  d.set("root", root_prefix(page.path));
  d.set("body", page.body_html);
  if (!m.site.contact.empty()) d.set("contact", m.site.contact);

  mstch::list nav;
  for (const auto& e : site_menu()) {
    mstch::data item;
    item.set("label", e.label);
    item.set("href", relative_link(page.path, e.path));
    bool is_page = page.path == e.path;
    item.set("is_page", is_page);
    item.set("in_section", !is_page && page.section == e.section);
    nav.push_back(item);
  }
  d.set("nav", nav);

  mstch::list crumbs;
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
  d.set("has_breadcrumbs", !crumbs.empty());
  d.set("breadcrumbs", crumbs);

  // render() is const-correct only on a copy in kainjow's API.
  mstch::mustache tmpl = layout();
  return tmpl.render(d);
}

}  // namespace kyosei
