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
#include "write/site/site_page.h"

namespace kyosei {

struct SiteMenuEntry {
  std::string section;  // SitePage::section
  std::string label;    // トップ
  std::string path;     // under the site root
  std::string description;  // one sentence for the guide on the top page
};

// トップ / 事業一覧 / 会議体 ..., in menu order. Later sections add entries here.
const std::vector<SiteMenuEntry>& site_menu();

// サイトマップ / サイト内検索 / ウェブアクセシビリティ方針: in the footer of
// every page, so every page is a link or two away from all others.
const std::vector<SiteMenuEntry>& site_footer_links();

// Sent by every page (a <meta http-equiv>): scripts, styles and images only
// from the site's own files, nothing inline, no plug-ins, forms only to
// the site. Nothing is fetched from elsewhere (no fonts, analytics, CDNs).
inline constexpr const char* kSiteContentSecurityPolicy =
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'";

// The site's name: municipality.toml [site] title, else built from 自治体名.
std::string site_title(const Municipality& m);

// The frame of a site: its title, contact, menu and footer links. The
// municipal site's is made from municipality.toml and the menus above;
// the prefecture roll-up (write/prefecture/prefecture_site.h) has its own.
struct SiteFrame {
  std::string title;
  std::string contact;  // empty: none
  std::vector<SiteMenuEntry> menu;
  std::vector<SiteMenuEntry> footer_links;
  bool search = true;  // the search form in the header (not on search.html itself)
};

// The whole HTML document for one page.
std::string render_page(const SitePage& page, const Municipality& m);
// The same with the body given (for pages whose body is made at write time).
std::string render_page(const SitePage& page, const Municipality& m, const std::string& body_html);
// The same in another frame.
std::string render_page(const SitePage& page, const SiteFrame& frame, const std::string& body_html);

}  // namespace kyosei
