// The print path: HTML that kyosei wrote (the plan drafts, the 自己点検
// レポート, the 相談先 leaflets) printed to A4 PDF by chromium (Debian
// package `chromium`), headless, with the page's own print CSS (@page size
// and margins, 「n / N」 page numbers). What is printed is what the HTML
// shows when printed from a browser, so there is one layout to maintain.
//
// Only with `kyosei build --pdf`: a browser costs seconds and hundreds of
// MB, which a build without PDFs should not pay. Without chromium the
// build stops before writing anything (pdf_printer_missing).
//
// Chromium runs offline (every host name resolves to nothing), with a
// fresh profile in a temporary folder, one at a time (each takes about
// 250 MB), and is stopped after a time limit. Its output is rewritten
// with qpdf so that the same HTML gives the same bytes: no creation or
// modification date, no creator string, an /ID computed from the content.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace kyosei {

// True when a chromium can be found on PATH.
bool pdf_printer_available();
// The Japanese notice for a --pdf build on a machine without chromium.
std::string pdf_printer_missing();

// Prints the HTML file at html_path to pdf_path. False, with an error
// located at pdf_path, when chromium failed or timed out.
bool print_pdf(const std::string& html_path, const std::string& pdf_path, Diagnostics& diags);

// Prints html_path once and splits the result before each top-level
// entry of its outline (chromium makes one per <h1>): part i is written to
// part_paths[i], titled with its heading. The HTML must have exactly one
// <h1> per part, each starting a new page. One browser start for many
// short documents (the leaflets of 200 圏域) instead of one each.
bool print_pdf_parts(const std::string& html_path, const std::vector<std::string>& part_paths, Diagnostics& diags);

// The file URL of a local path, with the bytes a URL may not hold as they
// are percent-encoded (Japanese file names stay readable to chromium).
std::string file_url(const std::string& path);

}  // namespace kyosei
