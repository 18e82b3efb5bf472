// kyosei's own Word writer: GitHub Markdown (as cmark-gfm parses it,
// write/markdown/markdown_tree.h) to a .docx, styled by a reference
// document.
//
// From the reference document (a .docx, e.g. templates/reference.docx) the
// look is copied as it is: styles.xml (fonts, sizes, the heading and table
// styles), settings, theme, font table, footnote separators, numbering,
// and the body's final section properties (paper size, margins) with the
// header and footer parts they name (the 「n / N」 page numbers). The body
// (word/document.xml), its relationships, [Content_Types].xml and the
// document properties are written new; styles.xml gains the table of
// contents' styles when it lacks them.
//
// The body, in the style names the reference defines (those of pandoc's
// reference document, which templates/reference.docx is made from):
//   title            Title (when options.title is not empty)
//   table of contents a TOC \o "1-<toc_depth>" field under TOCHeading
//                    「目次」, marked dirty so Word updates it on opening;
//                    its result written in already, as Word would: one
//                    paragraph per heading of level 1 … toc_depth that has
//                    text (styles "toc 1" …, as the reference names them,
//                    else TOC1 … added to styles.xml), the heading's text
//                    as a hyperlink to a bookmark on the heading (_Toc0001
//                    … in order) and a PAGEREF field with an empty result
//                    (kyosei does not know the pages)
//   # … ######       Heading1 … Heading6
//   paragraphs       FirstParagraph right after a heading, else BodyText;
//                    Compact in tight lists and table cells; BlockText in
//                    block quotes
//   *em* **strong** ~~del~~ `code`   italic, bold, struck, VerbatimChar
//   links            hyperlinks (style Hyperlink) for http, https, mailto
//                    and tel only; any other link is its text alone
//   lists            bullets and numbers (nested), numbering definitions
//                    of their own next to the reference's
//   tables           style Table, full text width, single borders, the
//                    header row (bold) repeated on every page
//                    (w:tblHeader), body rows not split over pages,
//                    columns as wide as their longest text asks (a column
//                    of numbers stays narrow), alignment as in the Markdown
//   images           only those given in `images`, fitted to the text
//                    width: the SVG as the picture's svgBlip (what Word
//                    2016 and later draw) and as its blip (what LibreOffice
//                    draws; Word 2013 and older draw nothing); any other
//                    image is its alt text
//   --- and code     a bottom border; VerbatimChar text
//   raw HTML         dropped
// All text is escaped for XML; characters XML does not allow (control
// characters) are dropped.
//
// Reproducible: the zip entries and docProps/core.xml are dated
// options.time, so the same input gives byte-identical files.
#pragma once
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyosei {

struct DocxImage {
  std::string file_name;  // as the Markdown refers to it: ![…](file_name)
  std::string svg;
};

struct DocxOptions {
  std::string title;         // plain text; "" for none
  std::string toc_title = "目次";
  int toc_depth = 2;         // 0: no table of contents
  std::string language = "ja-JP";
  std::time_t time = 0;      // zip entries and document properties
};

// The .docx bytes, or nullopt when `reference_docx` is not a usable .docx
// (not a zip, or without word/document.xml and word/styles.xml).
std::optional<std::string> markdown_to_docx(std::string_view markdown, std::string_view reference_docx,
                                            const DocxOptions& options, const std::vector<DocxImage>& images = {});

// Text as XML character data or attribute value: & < > " escaped, and
// characters XML 1.0 does not allow (C0 controls but tab, LF and CR;
// U+FFFE, U+FFFF) and invalid UTF-8 dropped.
std::string xml_text(std::string_view text);

}  // namespace kyosei
