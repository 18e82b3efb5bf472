// Word drafts (out/plan/*.docx): the same Markdown as the .md and .html
// drafts, converted by pandoc (Debian package `pandoc`) with the style
// reference templates/reference.docx (A4, Japanese fonts, page numbers
// 「n / N」 in the footer; made by scripts/make_reference_docx.py). A dataset
// may bring its own restyled templates/reference.docx.
//
// The document gets a title, a table of contents (Word fills it in when
// the file is opened), and its tables repeat their header row on every
// page. Headings keep the numbers the drafts give them (第1章, 1, (1)).
//
// Reproducible: pandoc is run with SOURCE_DATE_EPOCH set to April 1 of the
// fiscal year, so the same drafts give byte-identical files.
//
// When pandoc is not installed, nothing is written and a Japanese notice
// says how to install it: the other outputs do not depend on it, and the
// build does not fail (not even with --strict).
#pragma once
#include <string>

#include "write/common/outputs.h"
#include "write/plan/plan_draft.h"

namespace kyosei {

inline constexpr const char* kReferenceDocx = "templates/reference.docx";

// Writes `markdown` as a .docx at `path` (titled `title`). False, with an
// error, only when the file cannot be written after pandoc ran. `images`
// are put beside the Markdown pandoc reads, so ![…](file_name) finds them:
// pandoc 2.17 (Debian 12) embeds an SVG as it is (Word 2016 and later show
// it); with rsvg-convert (Debian package librsvg2-bin) on PATH it adds a
// PNG copy for word processors that cannot draw SVG (LibreOffice 7.4).
// The data table under the chart is in the document either way.
bool write_docx(const BuildContext& ctx, const std::string& markdown, const std::string& title,
                const std::string& path, const std::vector<DraftImage>& images = {});

}  // namespace kyosei
