// The public website: static HTML, in Japanese, readable without scripts,
// from file:// or under any server path (every link is relative).
//
//   Diagnostics diags;
//   RealFileSystem inputs("inputs");
//   Dataset ds = read_inputs(inputs, diags);
//   write_site(ds, builtin_reference(), inputs, out_dir + "/site", diags);
//
// Writes into out_dir (created when missing):
//   index.html                 key figures and the way into the lists
//   services/index.html        public services; services/<ID>.html each
//   meetings/index.html        meeting bodies; meetings/<ID>.html each
//   documents/<path>           the PDFs of non-confidential meetings, copied
//                              from inputs' documents/
//   assets/style.css
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
// removed, so write into a fresh folder (write/output_folder.h does).
// Problems (a PDF that cannot be copied, a file that cannot be written) are
// reported to diags.
#pragma once
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

void write_site(const Dataset& ds, const Reference& ref, const FileSystem& inputs, const std::string& out_dir,
                Diagnostics& diags);

}  // namespace kyosei
