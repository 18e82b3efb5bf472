// One plan draft as a single self-contained HTML file for printing and for
// editing in Word or LibreOffice Writer: inline CSS with an A4 @page, a
// cover, a table of contents (chapters and their sections, linked), each
// chapter but the internal ones (the checklist, kept in its .md only)
// on a new page, and tables with borders drawn both by CSS and by
// the border/cellpadding attributes that word processors read.
//
// The chapters' Markdown goes through markdown_to_html (raw HTML dropped,
// unsafe links blanked), so narratives typed by staff stay safe.
#pragma once
#include <string>

#include "model/model.h"
#include "write/markdown/markdown_tree.h"
#include "write/plan/plan_draft.h"

namespace kyosei {

// Puts each paragraph that is only an image of `images` (![…](file_name))
// in place as <div class="chart"> with the SVG inline, so the page needs no
// file beside it. Other images stay as they are.
void inline_draft_images(MarkdownTree& tree, const std::vector<DraftImage>& images);

std::string render_plan_html(const PlanDraft& draft, const Municipality& m);

}  // namespace kyosei
