// Building blocks for the pages of the public site (see site_writer.h):
// what a page is, what every page producer is given, and how links are
// written so the site works from file:// and under any server path.
//
// Every path here is relative to the site root ("services/S01.html");
// links in a page are made relative to that page with relative_link().
// Page bodies are trusted HTML: build them from markdown_to_html() on
// escaped Markdown (markdown_escape) and from site_html.h helpers.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

// One step of the breadcrumb trail above a page.
struct SiteCrumb {
  std::string title;
  std::string path;  // under the site root
};

struct SitePage {
  std::string path;           // under the site root, e.g. "services/S01.html"
  std::string title;          // the page's <h1>, and the start of <title>
  std::string section;        // key of the menu entry it belongs to (site_layout.h)
  std::vector<SiteCrumb> parents;  // between トップ and this page; トップ is added by the layout
  std::string body_html;      // trusted HTML inside <main>, after the <h1>
};

// What the producers make: pages to lay out, and files copied as they are
// (style sheet, PDFs). std::map keeps the output order deterministic.
struct SiteOutput {
  std::vector<SitePage> pages;
  std::map<std::string, std::string> files;  // path under the site root -> bytes
};

// What every producer may read. inputs is the inputs folder (for the PDFs
// under documents/ that are published with the site).
struct SiteContext {
  const Dataset& ds;
  const Reference& ref;
  const FileSystem& inputs;
  Diagnostics& diags;
};

// "../" once per folder level of page_path: "services/S01.html" -> "../".
std::string root_prefix(std::string_view page_path);

// A relative, percent-encoded link from one page to another path, both
// under the site root: ("services/S01.html", "services/index.html") ->
// "index.html"; ("index.html", "meetings/M1.html") -> "meetings/M1.html".
// A "#fragment" on `to` is kept as it is.
std::string relative_link(std::string_view from_page, std::string_view to);

// Percent-encodes every byte but A-Z a-z 0-9 - . _ ~ and "/", so any file
// name (Japanese, spaces, parentheses, #, ?) is a safe URL path.
std::string url_encode_path(std::string_view path);

// A file-name-safe, injective form of an input ID: A-Z a-z 0-9 - _ are
// kept, every other byte becomes "~" and two hex digits.
std::string page_slug(std::string_view id);

// Where the pages of one service or meeting, and a copied PDF, live.
std::string service_page_path(std::string_view service_id);
std::string meeting_page_path(std::string_view meeting_id);
std::string document_file_path(std::string_view path_under_documents);

}  // namespace kyosei
