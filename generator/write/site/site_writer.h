// The public website: static HTML, in Japanese, readable without scripts,
// from file:// or under any server path (every link is relative).
//
//   Diagnostics diags;
//   RealFileSystem inputs("inputs");
//   Dataset ds = read_inputs(inputs, diags);
//   Analysis analysis(ds, reference_data().reference);
//   write_site(analysis, inputs, out_dir + "/site", diags);
//
// Writes into out_dir (created when missing):
//   index.html                 key figures and the way into the lists
//   services/index.html        public services (棚卸一覧, filterable by 分野
//                              and 機能 with assets/filter.js); services/<ID>.html each
//   areas/index.html           圏域; areas/<ID>.html each
//   meetings/index.html        meeting bodies; meetings/<ID>.html each
//   documents/index.html       published PDFs; per PDF the copy
//                              documents/<path>, its text documents/<path>.html
//                              and a page-1 thumbnail documents/<path>.png
//   accessibility.html         ウェブアクセシビリティ方針 and test results
//   sitemap.html, sitemap.xml  every page (sitemap.xml only with base_url)
//   search.html                search (assets/search.js + assets/search-index.js)
//   assets/*                   style sheet and scripts (site/assets/)
//   help/<圏域ID>.pdf          with --pdf: the 相談先 leaflet of each 圏域, printed
// plus whatever other producers (site_producers.h) add. See docs/site.md.
// <ID> is the input ID when it is made of A-Z a-z 0-9 - _, else encoded
// (page_slug in site_page.h).
//
// Privacy rules (site_producers.h): no 氏名 or other per-person data, no
// 公開しない service, no 議題 or 資料 of a meeting with 守秘義務 あり.
// Untrusted Markdown (概要) is rendered by markdown_to_html's safe rules, and
// every page sends a Content-Security-Policy that allows no inline script.
//
// The output is byte-identical for identical inputs (no dates of the run).
// Files are written over what is there; nothing else in out_dir is
// removed, so write into a fresh folder (write/common/output_folder.h does).
// Problems (a PDF that cannot be copied, a file that cannot be written) are
// reported to diags. Pages are written one at a time (a long PDF's text is
// read again page by page while its page is made), so memory stays small
// with dozens of PDFs. Before each file is written the privacy guard
// (site_privacy.h) reads it; if it finds a 氏名 or a confidential 議題
// anywhere, nothing of the site is left in out_dir.
#pragma once
#include <string>

#include "analyse/analysis.h"
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

struct SiteWriteOptions {
  // Where the privacy guard (write/site/site_privacy.h) reports what it found,
  // located at the staff.csv / meeting_sessions.csv rows; the CLI keeps
  // these apart to exit with 2 (the inputs must change). Default: diags.
  Diagnostics* privacy_problems = nullptr;
  // Threads that make pages at once (base/parallel.h); the output is the
  // same for any number.
  int jobs = 1;
  // Print the site's leaflets to PDF too (build --pdf; write/print/pdf_print.h).
  bool pdf = false;
};

// Where the search index is written (write/site/site_search.h).
inline constexpr const char* kSearchIndexPath = "assets/search-index.js";

// False when the site was not (completely) written: a problem was
// reported to diags, or the privacy guard refused the site, in which case
// every file this call wrote is removed again.
bool write_site(const Analysis& analysis, const FileSystem& inputs, const std::string& out_dir, Diagnostics& diags,
                const SiteWriteOptions& options = {});

}  // namespace kyosei
