// Building blocks for the pages of the public site (see site_writer.h):
// what a page is, what every page producer is given, and how links are
// written so the site works from file:// and under any server path.
//
// Every path here is relative to the site root ("services/S01.html");
// links in a page are made relative to that page with relative_link().
// Page bodies are trusted HTML: build them from markdown_to_html() on
// escaped Markdown (markdown_escape) and from site_html.h helpers.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/analysis.h"
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
  // When set, called once at write time instead of using body_html: for
  // pages too big to keep in memory together (a long PDF's text).
  std::function<std::string()> make_body;
  // One or two sentences about the page: <meta name="description"> and the
  // excerpt in search results (else the start of the page's text).
  std::string description;
  // Scripts the page loads, under the site root (e.g. "assets/filter.js");
  // never inline: the Content-Security-Policy forbids it.
  std::vector<std::string> scripts;
  // False for pages that only list other pages (site map, search): they
  // are left out of the search index.
  bool searchable = true;
};

// What the producers make: pages to lay out, and files copied as they are
// (style sheet, PDFs). std::map keeps the output order deterministic.
struct SiteOutput {
  std::vector<SitePage> pages;
  std::map<std::string, std::string> files;  // path under the site root -> bytes
  // Files made at write time, one at a time, so that big ones (copied
  // PDFs, thumbnails) are not all held in memory: path -> maker. A maker
  // returns nullopt when it cannot (after reporting why, if it matters).
  struct Deferred {
    std::string bytes;
    // A PDF's hidden text (read/pdf_reader.h pdf_hidden_text), read by the
    // same child process that made the bytes, for the privacy guard;
    // hidden_text nullopt: it could not be read. Unset: the guard reads the
    // file itself.
    bool hidden_text_read = false;
    std::optional<std::string> hidden_text;
  };
  // Makers run side by side (--jobs), each reporting into its own diags.
  std::map<std::string, std::function<std::optional<Deferred>(Diagnostics& diags)>> deferred_files;
  // Only with --pdf: a page laid out like the others and passed by the
  // privacy guard, but not published: it is printed once into
  // pdf_paths (one part per <h1>, see print_pdf_parts) and removed.
  struct Print {
    SitePage page;
    std::vector<std::string> pdf_paths;  // under the site root
  };
  std::vector<Print> prints;
};

// What every producer may read. inputs is the inputs folder (for the PDFs
// under documents/ that are published with the site).
struct SiteContext {
  const Dataset& ds;
  const Reference& ref;
  const FileSystem& inputs;
  Diagnostics& diags;
  const Analysis& analysis;  // the build's figures (analyse/analysis.h)
  int jobs = 1;  // threads a producer may use for independent pieces (base/parallel.h)
  bool pdf = false;  // build --pdf: SiteOutput::prints are printed (write/print/pdf_print.h)
};

// "../" once per folder level of page_path: "services/S01.html" -> "../".
std::string root_prefix(std::string_view page_path);

// A relative, percent-encoded link from one page to another path, both
// under the site root: ("services/S01.html", "services/index.html") ->
// "index.html"; ("index.html", "meetings/M1.html") -> "meetings/M1.html".
// A "#fragment" on `to` is kept as it is; it cannot hold "/" or ".", so a
// "#" in a file name ("documents/資料 #1.pdf") is encoded as part of the path.
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
// The HTML page of a published PDF (its text, page by page) and its
// thumbnail: documents/<path>.html and documents/<path>.png.
std::string document_page_path(std::string_view path_under_documents);
std::string document_thumbnail_path(std::string_view path_under_documents);
std::string area_page_path(std::string_view area_id);

// Whether a PDF under documents/ is published with the site: a session of
// a meeting without 守秘義務 references it, no session of a meeting with
// 守秘義務 does, its path is safe and the readers could open it.
bool is_published_document(const Dataset& ds, const std::string& path_under_documents);

// Size in bytes of documents/<path> (Document::file_size, else read).
std::size_t document_size(const SiteContext& ctx, const std::string& path_under_documents);

}  // namespace kyosei
