// Word drafts (out/plan/*.docx): the same Markdown as the .md and .html
// drafts, written by kyosei's own Word writer (write/docx/docx_writer.h)
// in the look of the style reference templates/reference.docx (A4,
// Japanese fonts, page numbers 「n / N」 in the footer; made by
// scripts/make_reference_docx.py). A dataset may bring its own restyled
// templates/reference.docx (restyle it in Word: 見出し 1–3, 本文, 表, the
// margins and the footer are taken from it; its text is not).
//
// The document gets a title, a table of contents (its entries, the
// headings of level 1 and 2 linked to them, written in already, so
// LibreOffice, PDF exports and viewers show them; the page numbers are
// left empty, Word fills them in when it updates the field on opening),
// and its tables repeat their header row on every page.
// Headings keep the numbers the drafts give them (第1章, 1, (1)). The
// charts are embedded as SVG pictures (drawn by Word 2016 and later and by
// LibreOffice); the data table under each chart is in the document either
// way. Writing a draft takes milliseconds (about 20 ms for a 政令市-sized
// one; pandoc, used before, took 0.3–0.8 s of CPU a document).
//
// Reproducible: the file is dated April 1 of the fiscal year
// (workbook_timestamp), so the same drafts give byte-identical files.
//
// A dataset's templates/reference.docx that is not a readable Word file
// gives a notice naming it (once per build, on stderr; it does not fail
// the build, not even with --strict), and the drafts are written in
// kyosei's own style instead.
#pragma once
#include <string>
#include <vector>

#include "write/common/outputs.h"
#include "write/plan/plan_draft.h"

namespace kyosei {

inline constexpr const char* kReferenceDocx = "templates/reference.docx";

// Writes `markdown` as a .docx at `path` (titled `title`; "" for none).
// `images` are the files the Markdown's ![…](file_name) refer to. False,
// with an error, when the file cannot be written.
bool write_docx(const BuildContext& ctx, const std::string& markdown, const std::string& title,
                const std::string& path, const std::vector<DraftImage>& images = {});

}  // namespace kyosei
