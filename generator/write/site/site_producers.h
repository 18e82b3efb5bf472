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

#include "write/site/site_page.h"

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
// areas/index.html and areas/<ID>.html per 圏域: the services there (a
// service without 圏域 is 全域 and belongs to the 層1 area), the child
// areas, and the coordinators' 常勤換算 by 分野 (never a name).
void produce_areas(const SiteContext& ctx, SiteOutput& out);
// documents/index.html and, per published PDF, the copy, a thumbnail of
// page 1 (documents/<path>.png) and its text page by page as HTML
// (documents/<path>.html). A PDF is published when a session of a meeting
// without 守秘義務 references it and no session of a confidential one does.
void produce_documents(const SiteContext& ctx, SiteOutput& out);
// accessibility.html: the ウェブアクセシビリティ方針 and the test results
// (Dataset::a11y_results, else 「試験結果は未登録です」).
void produce_accessibility(const SiteContext& ctx, SiteOutput& out);

// plan/index.html and one page per chapter of the plan drafts (地域福祉計画
// and, when drafted on its own, the 重層的支援体制整備事業実施計画), built for
// the public: 公開 services only (write/site/site_plan.cc).
void produce_plan(const SiteContext& ctx, SiteOutput& out);
// assessment/index.html: the self-assessment scores with charts and data
// tables, the 重層事業 axis apart, findings counted by rule (never their
// evidence rows) and the unanswered items (write/site/site_assessment.cc).
void produce_assessment(const SiteContext& ctx, SiteOutput& out);

// help/index.html (相談先 by life situation) and help/<圏域ID>.html, a
// printable leaflet per 圏域 (write/site/site_help.cc).
void produce_help(const SiteContext& ctx, SiteOutput& out);

// Every producer, in order.
const std::vector<PageProducer>& site_producers();

// Producers of pages about all other pages; write_site runs them after
// every producer above, whatever was added there, so a new section is in
// the site map, sitemap.xml and the search index without further work.
// sitemap.html (and sitemap.xml when [site] base_url is set).
void produce_sitemap(const SiteContext& ctx, SiteOutput& out);
// search.html (the index, assets/search-index.js, is built by write_site
// from the text of every page as it is written).
void produce_search_page(const SiteContext& ctx, SiteOutput& out);
const std::vector<PageProducer>& site_index_producers();

}  // namespace kyosei
