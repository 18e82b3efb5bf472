// The producers of the public site: each adds the pages (and copied files)
// of one part of the site to a SiteOutput. write_site() runs them in the
// order of site_producers(); a new part of the site is a new producer here
// plus, if it has a menu entry, one line in site_menu() (site_layout.h).
//
// What the site publishes, by rule:
// - only services with 公開 する; a 公開しない service has no page, is in no
//   list, and only counts towards 登録事業数;
// - no staff member's 氏名, nor any per-person row: only head counts;
// - for a meeting with 守秘義務 あり: no 議題 and no 資料, only dates and counts.
#pragma once
#include <vector>

#include "write/site_page.h"

namespace kyosei {

using PageProducer = void (*)(const SiteContext& ctx, SiteOutput& out);

// index.html: key figures and the way into every list.
void produce_home(const SiteContext& ctx, SiteOutput& out);
// services/index.html and services/<ID>.html per public service.
void produce_services(const SiteContext& ctx, SiteOutput& out);
// meetings/index.html and meetings/<ID>.html, with the sessions and the
// PDFs they reference (copied to documents/<path>).
void produce_meetings(const SiteContext& ctx, SiteOutput& out);
// assets/*: everything under the embedded site/assets/.
void produce_assets(const SiteContext& ctx, SiteOutput& out);

// Every producer, in order.
const std::vector<PageProducer>& site_producers();

}  // namespace kyosei
