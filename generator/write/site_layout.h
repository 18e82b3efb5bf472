// The frame around every page of the public site: site/layouts/page.mustache
// (kainjow mustache) with the site title, the menu, breadcrumbs, <main> and
// the footer with the contact. The body is inserted unescaped, everything
// else escaped by mustache.
//
// The menu is the same on every page; a page's `section` marks its entry
// (aria-current="page" on the section's own top page).
#pragma once
#include <string>
#include <vector>

#include "model/model.h"
#include "write/site_page.h"

namespace kyosei {

struct SiteMenuEntry {
  std::string section;  // SitePage::section
  std::string label;    // トップ
  std::string path;     // under the site root
  std::string description;  // one sentence for the guide on the top page
};

// トップ / 事業一覧 / 会議体, in menu order. Later sections add entries here.
const std::vector<SiteMenuEntry>& site_menu();

// The site's name: municipality.toml [site] title, else built from 自治体名.
std::string site_title(const Municipality& m);

// The whole HTML document for one page.
std::string render_page(const SitePage& page, const Municipality& m);

}  // namespace kyosei
