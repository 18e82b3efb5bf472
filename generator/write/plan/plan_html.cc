#include "write/plan/plan_html.h"

#include "base/dates.h"
#include "base/text.h"
#include "write/markdown/html_typeset.h"
#include "write/markdown/markdown_html.h"
#include "write/markdown/markdown_tree.h"

namespace kyosei {

namespace {

constexpr const char* kStyle = R"(@page { size: A4; margin: 20mm 18mm 20mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
@page :first { @bottom-center { content: none; } }
body { font-family: "IPAexGothic", "IPAGothic", "Yu Gothic", "YuGothic", "Meiryo", sans-serif; font-size: 10.5pt; line-height: 1.7; color: #000; margin: 0 auto; max-width: 180mm; word-break: auto-phrase; line-break: strict; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6, th, td, caption, .toc a { word-break: keep-all; }
.cover { text-align: center; padding-top: 60mm; }
.cover .municipality { font-size: 16pt; margin: 0 0 8mm 0; }
.cover .title { font-size: 22pt; font-weight: bold; margin: 0 0 12mm 0; border: none; page-break-before: avoid; }
.cover .year { font-size: 12pt; }
.toc { page-break-before: always; }
.toc-title { font-size: 16pt; font-weight: bold; margin: 0 0 4mm 0; }
.toc p { margin: 0; }
.toc .toc-chapter { margin-top: 2mm; }
.toc .toc-section { margin-left: 2em; }
.toc a { color: #000; text-decoration: none; }
h1 { font-size: 16pt; page-break-before: always; border-bottom: 1.5pt solid #000; padding-bottom: 2pt; margin: 0 0 6mm 0; }
h2 { font-size: 13pt; border-left: 4pt solid #000; padding-left: 4pt; margin: 8mm 0 3mm 0; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm 0; page-break-after: avoid; }
h4, h5, h6 { font-size: 10.5pt; margin: 4mm 0 2mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm 0; font-size: 9.5pt; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; line-height: 1.4; }
th { background: #e6e6e6; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
blockquote { margin: 2mm 0; padding: 1mm 3mm; border-left: 3pt solid #888; color: #333; background: #f4f4f4; }
)";

// Borders that Word and Writer honour even where they ignore the CSS.
constexpr const char* kTableAttributes = "border=\"1\" cellspacing=\"0\" cellpadding=\"4\"";

struct ChapterHtml {
  std::string toc;   // the chapter's <h2> sections, as entries of the table of contents
  std::string body;
};

// One chapter, parsed once: its <h1> and <h2> get ids the table of
// contents links to (cmark writes them bare), its tables the attributes.
ChapterHtml chapter_html(const std::string& markdown, const std::string& chapter_id,
                         const std::vector<DraftImage>& images) {
  ChapterHtml out;
  MarkdownTree tree(markdown);
  inline_draft_images(tree, images);
  int section = 0;
  for (cmark_node* h : tree.nodes_named("heading")) {
    int level = cmark_node_get_heading_level(h);
    if (level > 2) continue;
    std::string id = chapter_id;
    if (level == 2) {
      id += "-" + std::to_string(++section);
      out.toc += "<p class=\"toc-section\"><a href=\"#" + id + "\">" + html_escape(tree.plain_text(h)) + "</a></p>\n";
    }
    std::string tag = "h" + std::to_string(level);
    MarkdownTree::replace_with_html(h, "<" + tag + " id=\"" + id + "\">" + tree.children_html(h) + "</" + tag + ">\n");
  }
  for (cmark_node* t : tree.nodes_named("table")) MarkdownTree::replace_with_html(t, table_html(tree, t, kTableAttributes));
  out.body = tree.html();
  return out;
}

}  // namespace

void inline_draft_images(MarkdownTree& tree, const std::vector<DraftImage>& images) {
  if (images.empty()) return;
  for (cmark_node* image : tree.nodes_named("image")) {
    cmark_node* paragraph = cmark_node_parent(image);
    if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH || cmark_node_first_child(paragraph) != image ||
        cmark_node_last_child(paragraph) != image)
      continue;
    const char* url = cmark_node_get_url(image);
    for (const DraftImage& i : images)
      if (url && i.file_name == url) {
        MarkdownTree::replace_with_html(paragraph, "<div class=\"chart\">\n" + i.svg + "</div>\n");
        break;
      }
  }
}

std::string render_plan_html(const PlanDraft& draft, const Municipality& m) {
  // Paragraphs, not lists: word processors would add their own numbers.
  std::string toc = "<nav class=\"toc\" aria-label=\"目次\">\n<p class=\"toc-title\">目次</p>\n";
  std::string body;
  for (size_t i = 0; i < draft.chapters.size(); ++i) {
    const DraftChapter& ch = draft.chapters[i];
    if (ch.internal) continue;  // the officer's checklist stays in its .md
    std::string id = "c" + std::to_string(i + 1);
    toc += "<p class=\"toc-chapter\"><a href=\"#" + id + "\">" + html_escape(ch.title) + "</a></p>\n";
    ChapterHtml html = chapter_html(ch.markdown, id, draft.images);
    toc += html.toc;
    body += "<section class=\"chapter\">\n" + html.body + "</section>\n";
  }
  toc += "</nav>\n";

  std::string out = "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    html_escape(draft.title) + "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<div class=\"cover\">\n<p class=\"municipality\">" + html_escape(m.name) + "</p>\n<p class=\"title\">" +
         html_escape(draft.title) + "</p>\n<p class=\"year\">" + html_escape(format_fiscal_year(m.fiscal_year)) +
         "</p>\n</div>\n";
  out += toc + body + "</body>\n</html>\n";
  // Words, numbers and amounts stay whole in print (html_typeset.h).
  return add_word_breaks(out);
}

}  // namespace kyosei
