#include "write/docx/docx_writer.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "base/text.h"
#include "base/zip_reader.h"
#include "base/zip_writer.h"
#include "write/markdown/markdown_tree.h"

namespace kyosei {

namespace {

constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr long long kEmuPerTwip = 635;
// A4 with 25 mm margins, when the reference's section says nothing.
constexpr long long kDefaultTextTwips = 11906 - 2 * 1418;
// List indents: a level further in per level, the number hanging.
constexpr int kListIndentTwips = 720, kListHangingTwips = 360;
// Table columns get widths in proportion to their longest text, counted in
// half-width cells within these bounds.
constexpr size_t kMinColumnCells = 2, kMaxColumnCells = 40;

// --- Small XML helpers (the reference's parts are Word's or pandoc's
// well-formed XML; only a few attributes are read from them) --------------

// The value of attribute `name` in the first tag `<element …>` at or after
// from, or "" when there is none.
std::string attribute(std::string_view xml, std::string_view element, std::string_view name, size_t from = 0) {
  std::string open = "<" + std::string(element);
  for (size_t at = xml.find(open, from); at != std::string_view::npos; at = xml.find(open, at + 1)) {
    char next = at + open.size() < xml.size() ? xml[at + open.size()] : '>';
    if (next != ' ' && next != '>' && next != '/' && next != '\n' && next != '\t' && next != '\r') continue;
    size_t end = xml.find('>', at);
    std::string_view tag = xml.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    std::string key = " " + std::string(name) + "=";
    size_t k = tag.find(key);
    if (k == std::string_view::npos) {
      key[0] = '\n';
      k = tag.find(key);
    }
    if (k == std::string_view::npos) return "";
    size_t q = k + key.size();
    if (q >= tag.size()) return "";
    char quote = tag[q];
    size_t close = tag.find(quote, q + 1);
    if (close == std::string_view::npos) return "";
    return std::string(tag.substr(q + 1, close - q - 1));
  }
  return "";
}

// Every `<element …/>` or `<element …>…</element>` in xml, whole, in order
// (not nested in one another).
std::vector<std::string_view> elements(std::string_view xml, std::string_view element) {
  std::vector<std::string_view> out;
  std::string open = "<" + std::string(element), close = "</" + std::string(element) + ">";
  size_t at = 0;
  while ((at = xml.find(open, at)) != std::string_view::npos) {
    char next = at + open.size() < xml.size() ? xml[at + open.size()] : '>';
    if (next != ' ' && next != '>' && next != '/' && next != '\n' && next != '\t' && next != '\r') {
      at += open.size();
      continue;
    }
    size_t tag_end = xml.find('>', at);
    if (tag_end == std::string_view::npos) break;
    size_t end = xml[tag_end - 1] == '/' ? tag_end + 1 : xml.find(close, tag_end);
    if (end == std::string_view::npos) break;
    if (xml[tag_end - 1] != '/') end += close.size();
    out.push_back(xml.substr(at, end - at));
    at = end;
  }
  return out;
}

std::string to_lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// A link worth a hyperlink in a document that is printed and mailed
// around: absolute web, mail and phone links only (a relative one would
// point nowhere once the file is copied).
bool is_document_link(std::string_view url) {
  std::string lower = to_lower(std::string(url.substr(0, 8)));
  if (!is_allowed_link_url(url)) return false;
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0 ||
         lower.rfind("tel:", 0) == 0;
}

// Width and height of an SVG in pixels (its width/height attributes, else
// its viewBox), 0 when unknown.
void svg_size(std::string_view svg, double& width, double& height) {
  width = height = 0;
  size_t at = svg.find("<svg");
  if (at == std::string_view::npos) return;
  auto number = [](const std::string& s) {
    try {
      return s.empty() ? 0.0 : std::stod(s);
    } catch (...) {
      return 0.0;
    }
  };
  width = number(attribute(svg, "svg", "width", at));
  height = number(attribute(svg, "svg", "height", at));
  if (width > 0 && height > 0) return;
  std::string box = attribute(svg, "svg", "viewBox", at);
  double x = 0, y = 0, w = 0, h = 0;
  if (std::sscanf(box.c_str(), "%lf %lf %lf %lf", &x, &y, &w, &h) == 4 ||
      std::sscanf(box.c_str(), "%lf,%lf,%lf,%lf", &x, &y, &w, &h) == 4) {
    width = w;
    height = h;
  }
}

// Column widths (twips) for columns whose longest text is want[i]
// half-width cells, together `width`: each as wide as its text when that
// fits, else all narrowed in proportion, but no column below the width of
// kFloorColumnCells (or its own text, when shorter), so that short words
// such as 「実施」 never break.
constexpr long long kTwipsPerCell = 115;  // half of a 9.5 pt table character, with room for a wider fallback font
constexpr long long kCellMarginTwips = 2 * 108;
constexpr size_t kFloorColumnCells = 10;
std::vector<long long> column_widths(const std::vector<size_t>& want, long long width) {
  size_t n = want.size();
  std::vector<long long> need(n), out(n, 0);
  std::vector<bool> fixed(n, false);
  for (size_t i = 0; i < n; ++i) need[i] = static_cast<long long>(want[i] + 1) * kTwipsPerCell + kCellMarginTwips;
  for (size_t round = 0; round <= n; ++round) {
    long long rest = width, free_need = 0;
    for (size_t i = 0; i < n; ++i) (fixed[i] ? rest -= out[i] : free_need += need[i]);
    if (free_need == 0) break;
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (fixed[i]) continue;
      long long w = std::max<long long>(1, rest) * need[i] / free_need;
      long long floor = std::min(need[i], static_cast<long long>(kFloorColumnCells) * kTwipsPerCell + kCellMarginTwips);
      if (w < floor) {
        out[i] = floor;
        fixed[i] = changed = true;
      }
    }
    if (changed) continue;
    for (size_t i = 0; i < n; ++i)
      if (!fixed[i]) out[i] = std::max<long long>(1, rest) * need[i] / free_need;
    break;
  }
  return out;
}

// The text under a node (literals of its text and code nodes; breaks as
// spaces), without recursion: nesting in staff text has no depth limit.
std::string literal_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* c = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) {
      if (const char* lit = cmark_node_get_literal(c)) out += lit;
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
               (c != node && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && !out.empty())) {
      out += ' ';
    }
  }
  cmark_iter_free(it);
  return out;
}

// Lists, quotes and inline markup nested deeper than this are written as
// their plain text at that depth (the writer walks the tree recursively).
constexpr int kMaxNesting = 24;

struct Relationship {
  std::string id, type, target;
  bool external = false;
};

// --- The body --------------------------------------------------------------

struct RunStyle {
  bool bold = false, italic = false, strike = false, code = false, link = false;
};

struct BlockContext {
  int list_level = -1;    // -1: not in a list
  bool tight = false;     // in a tight list: Compact paragraphs
  bool quote = false;     // in a block quote
  bool cell = false;      // in a table cell
};

class BodyWriter {
 public:
  BodyWriter(const std::vector<DocxImage>& images, long long text_twips, int first_num_id)
      : images_(images), text_twips_(text_twips), next_num_id_(first_num_id) {}

  std::string body;
  std::vector<Relationship> relationships;
  std::vector<std::string> abstract_nums, nums;  // numbering.xml additions
  // The images used: part name (word/media/imageN.svg, ASCII as Word
  // wants part names) → index into `images`, in order of first use.
  std::vector<std::pair<std::string, size_t>> media;

  void title(const std::string& text) { body += "<w:p><w:pPr><w:pStyle w:val=\"Title\" /></w:pPr>" + run(text, {}) + "</w:p>"; }

  // Headings of level 1 … toc_depth get a bookmark and an entry in the
  // table of contents; 0: none.
  int toc_depth = 0;
  struct TocEntry {
    int level;
    std::string text, bookmark;
  };
  std::vector<TocEntry> toc_entries;

  // The table of contents: a TOC field whose result is filled in already,
  // one paragraph per entry as Word writes it (a hyperlink to the
  // heading's bookmark, a tab, a PAGEREF field), so that LibreOffice and
  // any viewer show the entries. kyosei does not lay out pages, so the
  // PAGEREF results are empty and the entries have no dotted tab stop
  // (dots leading to no number look broken; LibreOffice shows the stored
  // results as they are). Word, on opening, updates the dirty field and
  // writes the page numbers with its dotted tabs.
  // toc_style[l - 1]: the style of level l entries.
  std::string toc(const std::string& heading, int depth, const std::vector<std::string>& toc_style) const {
    std::string out =
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\" /><w:docPartUnique />"
        "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val=\"TOCHeading\" /></w:pPr>" +
        run(heading, {}) + "</w:p>";
    std::string begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\" /></w:r>"
                        "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-" +
                        std::to_string(depth) +
                        "&quot; \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\" /></w:r>";
    std::string end = "<w:r><w:fldChar w:fldCharType=\"end\" /></w:r>";
    if (toc_entries.empty()) return out + "<w:p>" + begin + end + "</w:p></w:sdtContent></w:sdt>";
    for (size_t i = 0; i < toc_entries.size(); ++i) {
      const TocEntry& e = toc_entries[i];
      out += "<w:p><w:pPr><w:pStyle w:val=\"" + xml_text(toc_style[static_cast<size_t>(e.level - 1)]) +
             "\" /></w:pPr>" + (i == 0 ? begin : "") + "<w:hyperlink w:anchor=\"" + e.bookmark +
             "\" w:history=\"1\">" + run(e.text, {}) +
             "<w:r><w:tab /></w:r><w:r><w:fldChar w:fldCharType=\"begin\" /></w:r>"
             "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF " +
             e.bookmark +
             " \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\" /></w:r>" + end +
             "</w:hyperlink></w:p>";
    }
    // The field ends in a paragraph of its own, as in Word's own files.
    return out + "<w:p>" + end + "</w:p></w:sdtContent></w:sdt>";
  }

  void blocks(cmark_node* parent, const BlockContext& ctx) {
    Deeper deeper(depth_);
    if (depth_ > kMaxNesting) {
      paragraph(run(literal_text(parent), {}), ctx.cell || ctx.tight ? "Compact" : "BodyText", ctx);
      return;
    }
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n, ctx);
  }

 private:
  const std::vector<DocxImage>& images_;
  long long text_twips_;
  int next_num_id_;
  int bullet_num_ = 0;        // the one bullet list numbering, once made
  bool after_heading_ = false;
  int next_drawing_id_ = 1;
  // The numbering and level of the paragraph that opens the list item being
  // written; 0 once that paragraph is written.
  int pending_num_ = 0;
  int depth_ = 0;  // containers (blocks and inlines) being written
  struct Deeper {
    int& depth;
    explicit Deeper(int& d) : depth(++d) {}
    ~Deeper() { --depth; }
  };

  std::string rel(const std::string& type, const std::string& target, bool external) {
    for (const auto& r : relationships)
      if (r.type == type && r.target == target && r.external == external) return r.id;
    std::string id = "rIdKy" + std::to_string(relationships.size() + 1);
    relationships.push_back({id, type, target, external});
    return id;
  }

  static std::string text_xml(std::string_view text) {
    // Tabs and line breaks as Word's own elements, the rest as <w:t>.
    std::string out, chunk;
    auto flush = [&] {
      if (!chunk.empty()) out += "<w:t xml:space=\"preserve\">" + xml_text(chunk) + "</w:t>";
      chunk.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
      char ch = text[i];
      if (ch == '\t') {
        flush();
        out += "<w:tab />";
      } else if (ch == '\n') {
        flush();
        out += "<w:br />";
      } else if (ch != '\r') {
        chunk += ch;
      }
    }
    flush();
    return out;
  }

  static std::string run_properties(const RunStyle& s) {
    std::string p;
    if (s.link) p += "<w:rStyle w:val=\"Hyperlink\" />";
    else if (s.code) p += "<w:rStyle w:val=\"VerbatimChar\" />";
    if (s.bold) p += "<w:b /><w:bCs />";
    if (s.italic) p += "<w:i /><w:iCs />";
    if (s.strike) p += "<w:strike />";
    return p.empty() ? "" : "<w:rPr>" + p + "</w:rPr>";
  }

  static std::string run(std::string_view text, const RunStyle& s) {
    std::string t = text_xml(text);
    if (t.empty()) return "";
    return "<w:r>" + run_properties(s) + t + "</w:r>";
  }

  // The last or first character of a text node beside a soft break is
  // ASCII: the break is a space there, and nothing between Japanese text.
  static bool ascii_side(cmark_node* n, bool last) {
    if (!n || cmark_node_get_type(n) != CMARK_NODE_TEXT) return true;
    const char* lit = cmark_node_get_literal(n);
    size_t len = lit ? std::strlen(lit) : 0;
    if (len == 0) return true;
    unsigned char ch = static_cast<unsigned char>(last ? lit[len - 1] : lit[0]);
    return ch < 0x80;
  }

  std::string inlines(cmark_node* parent, const RunStyle& style) {
    Deeper deeper(depth_);
    if (depth_ > kMaxNesting) return run(literal_text(parent), style);
    std::string out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) out += inline_node(n, style);
    return out;
  }

  std::string inline_node(cmark_node* n, const RunStyle& style) {
    const char* literal = cmark_node_get_literal(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: return run(literal ? literal : "", style);
      case CMARK_NODE_CODE: {
        RunStyle s = style;
        s.code = true;
        return run(literal ? literal : "", s);
      }
      case CMARK_NODE_SOFTBREAK:
        return ascii_side(cmark_node_previous(n), true) || ascii_side(cmark_node_next(n), false) ? run(" ", style)
                                                                                               : "";
      case CMARK_NODE_LINEBREAK: return "<w:r><w:br /></w:r>";
      case CMARK_NODE_EMPH: {
        RunStyle s = style;
        s.italic = true;
        return inlines(n, s);
      }
      case CMARK_NODE_STRONG: {
        RunStyle s = style;
        s.bold = true;
        return inlines(n, s);
      }
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        if (style.link || !url || !is_document_link(url)) return inlines(n, style);
        RunStyle s = style;
        s.link = true;
        std::string id = rel(std::string(kRelNs) + "hyperlink", url, true);
        return "<w:hyperlink r:id=\"" + id + "\">" + inlines(n, s) + "</w:hyperlink>";
      }
      case CMARK_NODE_IMAGE: return image(n, style);
      case CMARK_NODE_HTML_INLINE: return "";  // raw HTML is dropped, as in the HTML drafts
      default:
        if (std::strcmp(cmark_node_get_type_string(n), "strikethrough") == 0) {
          RunStyle s = style;
          s.strike = true;
          return inlines(n, s);
        }
        return inlines(n, style);
    }
  }

  std::string image(cmark_node* n, const RunStyle& style) {
    const char* url = cmark_node_get_url(n);
    const DocxImage* found = nullptr;
    size_t index = 0;
    for (size_t i = 0; i < images_.size(); ++i)
      if (url && images_[i].file_name == url) found = &images_[i], index = i;
    std::string alt;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
      if (const char* lit = cmark_node_get_literal(c)) alt += lit;
    if (!found) return run(alt, style);
    std::string part;
    for (const auto& [name, i] : media)
      if (i == index) part = name;
    if (part.empty()) {
      part = "media/image" + std::to_string(media.size() + 1) + ".svg";
      media.emplace_back(part, index);
    }
    std::string id = rel(std::string(kRelNs) + "image", part, false);
    double w = 0, h = 0;
    svg_size(found->svg, w, h);
    if (w <= 0 || h <= 0) w = 600, h = 400;
    // Pixels at 96 dpi, shrunk to the text width.
    long long cx = static_cast<long long>(w * 9525), cy = static_cast<long long>(h * 9525);
    long long max_cx = text_twips_ * kEmuPerTwip;
    if (cx > max_cx) {
      cy = static_cast<long long>(static_cast<double>(cy) * static_cast<double>(max_cx) / static_cast<double>(cx));
      cx = max_cx;
    }
    std::string ext = "<wp:extent cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\" />";
    int doc_id = next_drawing_id_++;
    return "<w:r><w:drawing><wp:inline>" + ext +
           "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\" /><wp:docPr id=\"" + std::to_string(doc_id) +
           "\" name=\"Picture " + std::to_string(doc_id) + "\" descr=\"" + xml_text(alt) +
           "\" /><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\" /></wp:cNvGraphicFramePr>"
           "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
           "<pic:nvPicPr><pic:cNvPr id=\"" + std::to_string(doc_id) + "\" name=\"" + xml_text(found->file_name) +
           "\" descr=\"" + xml_text(alt) +
           "\" /><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\" /></pic:cNvPicPr>"
           "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + id + "\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
           "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"" + id +
           "\" /></a:ext></a:extLst></a:blip><a:stretch><a:fillRect /></a:stretch></pic:blipFill>"
           "<pic:spPr bwMode=\"auto\"><a:xfrm><a:off x=\"0\" y=\"0\" /><a:ext cx=\"" + std::to_string(cx) +
           "\" cy=\"" + std::to_string(cy) +
           "\" /></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst /></a:prstGeom><a:noFill /></pic:spPr></pic:pic>"
           "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
  }

  // One paragraph of inline content, in `style`; nothing when it would be
  // empty (a paragraph of raw HTML only).
  void paragraph(const std::string& runs, std::string style, const BlockContext& ctx, const std::string& extra = "") {
    std::string numbering;
    if (ctx.list_level >= 0) {
      if (pending_num_) {
        numbering = "<w:numPr><w:ilvl w:val=\"" + std::to_string(ctx.list_level) + "\" /><w:numId w:val=\"" +
                    std::to_string(pending_num_) + "\" /></w:numPr>";
        pending_num_ = 0;
      } else {
        // A further paragraph of the item: under the item's text.
        numbering = "<w:ind w:left=\"" + std::to_string(kListIndentTwips * (ctx.list_level + 1)) + "\" />";
      }
    }
    if (runs.empty() && numbering.empty() && extra.empty()) return;
    body += "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\" />";
    // Schema order in w:pPr: numPr before pBdr before ind before jc.
    if (numbering.rfind("<w:numPr>", 0) == 0) body += numbering + extra;
    else body += extra + numbering;
    body += "</w:pPr>" + runs + "</w:p>";
  }

  std::string body_style(const BlockContext& ctx) {
    if (ctx.cell || ctx.tight) return "Compact";
    if (ctx.quote) return "BlockText";
    std::string s = after_heading_ ? "FirstParagraph" : "BodyText";
    after_heading_ = false;
    return s;
  }

  void block(cmark_node* n, const BlockContext& ctx) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: {
        std::string runs = inlines(n, {});
        paragraph(runs, body_style(ctx), ctx);
        return;
      }
      case CMARK_NODE_HEADING: {
        int level = std::clamp(cmark_node_get_heading_level(n), 1, 9);
        std::string runs = inlines(n, {});
        // The entry's text: the heading's, on one line (a tab in it would
        // look like the one before the page number).
        std::string text = literal_text(n);
        for (char& ch : text)
          if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
        body += "<w:p><w:pPr><w:pStyle w:val=\"Heading" + std::to_string(level) + "\" /></w:pPr>";
        // Word's TOC field leaves out headings without text; so does kyosei.
        if (level <= toc_depth && !runs.empty() && text.find_first_not_of(' ') != std::string::npos) {
          std::string id = std::to_string(toc_entries.size() + 1);
          std::string name = "_Toc" + std::string(id.size() < 4 ? 4 - id.size() : 0, '0') + id;
          body += "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + name + "\" />" + runs + "<w:bookmarkEnd w:id=\"" +
                  id + "\" />";
          toc_entries.push_back({level, std::move(text), std::move(name)});
        } else {
          body += runs;
        }
        body += "</w:p>";
        after_heading_ = true;
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        BlockContext c = ctx;
        c.quote = true;
        blocks(n, c);
        return;
      }
      case CMARK_NODE_LIST: list(n, ctx); return;
      case CMARK_NODE_CODE_BLOCK: {
        const char* lit = cmark_node_get_literal(n);
        std::string text = lit ? lit : "";
        while (!text.empty() && text.back() == '\n') text.pop_back();
        RunStyle s;
        s.code = true;
        paragraph(run(text, s), ctx.cell || ctx.tight ? "Compact" : "BodyText", ctx);
        after_heading_ = false;
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        paragraph("", "BodyText", ctx,
                  "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\" /></w:pBdr>");
        return;
      case CMARK_NODE_HTML_BLOCK: return;  // dropped
      default:
        if (std::strcmp(cmark_node_get_type_string(n), "table") == 0) table(n, ctx);
        return;
    }
  }

  int ordered_numbering(int level, int start, bool paren) {
    // One definition per ordered list, so each counts from its own start.
    int id = next_num_id_++;
    std::string a = "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) +
                    "\"><w:multiLevelType w:val=\"multilevel\" />";
    for (int l = 0; l < 9; ++l) {
      a += "<w:lvl w:ilvl=\"" + std::to_string(l) + "\"><w:start w:val=\"" + std::to_string(l == level ? start : 1) +
           "\" /><w:numFmt w:val=\"decimal\" /><w:lvlText w:val=\"%" + std::to_string(l + 1) + (paren ? ")" : ".") +
           "\" /><w:lvlJc w:val=\"left\" /><w:pPr><w:ind w:left=\"" + std::to_string(kListIndentTwips * (l + 1)) +
           "\" w:hanging=\"" + std::to_string(kListHangingTwips) + "\" /></w:pPr></w:lvl>";
    }
    abstract_nums.push_back(a + "</w:abstractNum>");
    nums.push_back("<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" + std::to_string(id) +
                   "\" /></w:num>");
    return id;
  }

  int bullet_numbering() {
    if (bullet_num_) return bullet_num_;
    int id = bullet_num_ = next_num_id_++;
    std::string a = "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) +
                    "\"><w:multiLevelType w:val=\"multilevel\" />";
    for (int l = 0; l < 9; ++l)
      a += "<w:lvl w:ilvl=\"" + std::to_string(l) + "\"><w:numFmt w:val=\"bullet\" /><w:lvlText w:val=\"" +
           (l % 2 == 0 ? "•" : "–") + "\" /><w:lvlJc w:val=\"left\" /><w:pPr><w:ind w:left=\"" +
           std::to_string(kListIndentTwips * (l + 1)) + "\" w:hanging=\"" + std::to_string(kListHangingTwips) +
           "\" /></w:pPr></w:lvl>";
    abstract_nums.push_back(a + "</w:abstractNum>");
    nums.push_back("<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" + std::to_string(id) +
                   "\" /></w:num>");
    return id;
  }

  void list(cmark_node* n, const BlockContext& ctx) {
    BlockContext c = ctx;
    c.list_level = std::min(ctx.list_level + 1, 8);
    c.tight = cmark_node_get_list_tight(n) != 0;
    int num = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST
                  ? ordered_numbering(c.list_level, cmark_node_get_list_start(n),
                                      cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM)
                  : bullet_numbering();
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      pending_num_ = num;
      blocks(item, c);
      if (pending_num_) paragraph("", "Compact", c);  // an empty item still shows its bullet
    }
    after_heading_ = false;
  }

  void table(cmark_node* n, const BlockContext& ctx) {
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    int columns = std::max<int>(1, cmark_gfm_extensions_get_table_columns(n));
    long long width = std::max<long long>(1, text_twips_ - (ctx.list_level + 1) * kListIndentTwips);
    // Columns as wide as their longest text asks, within bounds: a column
    // of numbers stays narrow, one of sentences wraps at a fair width.
    std::vector<size_t> want(static_cast<size_t>(columns), kMinColumnCells);
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      int i = 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell && i < columns; cell = cmark_node_next(cell), ++i)
        want[static_cast<size_t>(i)] =
            std::max(want[static_cast<size_t>(i)], std::min(kMaxColumnCells, display_width(literal_text(cell))));
    }
    std::vector<std::string> col_width;
    for (long long w : column_widths(want, width)) col_width.push_back(std::to_string(w));
    body +=
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\" /><w:tblW w:w=\"5000\" w:type=\"pct\" /><w:tblBorders>"
        "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\" />"
        "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\" />"
        "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\" />"
        "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\" />"
        "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\" />"
        "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\" /></w:tblBorders>"
        "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        "w:noHBand=\"0\" w:noVBand=\"0\" /></w:tblPr><w:tblGrid>";
    for (const auto& w : col_width) body += "<w:gridCol w:w=\"" + w + "\" />";
    body += "</w:tblGrid>";
    BlockContext cell_ctx;
    cell_ctx.cell = true;
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
      body += header ? "<w:tr><w:trPr><w:tblHeader w:val=\"true\" /></w:trPr>" : "<w:tr><w:trPr><w:cantSplit /></w:trPr>";
      int i = 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell && i < columns; cell = cmark_node_next(cell), ++i) {
        std::string jc;
        switch (align ? align[i] : 0) {
          case 'c': jc = "center"; break;
          case 'r': jc = "right"; break;
          default: jc = "left"; break;
        }
        RunStyle s;
        s.bold = header;
        body += "<w:tc><w:tcPr><w:tcW w:w=\"" + col_width[static_cast<size_t>(i)] +
                "\" w:type=\"dxa\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Compact\" /><w:jc w:val=\"" + jc +
                "\" /></w:pPr>" + inlines(cell, s) + "</w:p></w:tc>";
      }
      for (; i < columns; ++i)
        body += "<w:tc><w:tcPr><w:tcW w:w=\"" + col_width[static_cast<size_t>(i)] +
                "\" w:type=\"dxa\" /></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Compact\" /></w:pPr></w:p></w:tc>";
      body += "</w:tr>";
    }
    body += "</w:tbl>";
    after_heading_ = false;
  }
};

// --- The package -------------------------------------------------------------

struct Reference {
  std::map<std::string, std::string> parts;  // name → bytes
  const std::string* part(const std::string& name) const {
    auto it = parts.find(name);
    return it == parts.end() ? nullptr : &it->second;
  }
};

// "word/" + target, for a target relative to word/ (or absolute "/word/…").
std::string part_name(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "word/" + target;
}

std::string rels_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

struct RefRelationship {
  std::string id, type, target, mode;
};

std::vector<RefRelationship> read_relationships(const std::string* xml) {
  std::vector<RefRelationship> out;
  if (!xml) return out;
  for (std::string_view r : elements(*xml, "Relationship"))
    out.push_back({attribute(r, "Relationship", "Id"), attribute(r, "Relationship", "Type"),
                   attribute(r, "Relationship", "Target"), attribute(r, "Relationship", "TargetMode")});
  return out;
}

std::string type_suffix(const std::string& type) {
  size_t slash = type.rfind('/');
  return slash == std::string::npos ? type : type.substr(slash + 1);
}

std::string content_type_of(const std::string& part, const Reference& ref) {
  static const std::map<std::string, std::string> known = {
      {"word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
      {"word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
      {"word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
  };
  if (const std::string* types = ref.part("[Content_Types].xml")) {
    for (std::string_view o : elements(*types, "Override"))
      if (attribute(o, "Override", "PartName") == "/" + part) return attribute(o, "Override", "ContentType");
    size_t dot = part.rfind('.');
    std::string ext = dot == std::string::npos ? "" : to_lower(part.substr(dot + 1));
    for (std::string_view d : elements(*types, "Default"))
      if (to_lower(attribute(d, "Default", "Extension")) == ext && ext != "xml")
        return attribute(d, "Default", "ContentType");
  }
  auto it = known.find(part);
  return it == known.end() ? "" : it->second;
}

// The largest number given in any w:abstractNumId / w:numId attribute.
int largest_numbering_id(std::string_view xml) {
  int largest = 0;
  for (std::string_view key : {"w:abstractNumId=\"", "w:numId=\"", "w:val=\""}) {
    for (size_t at = xml.find(key); at != std::string_view::npos; at = xml.find(key, at + 1)) {
      if (key == "w:val=\"") {
        // Only the values of <w:abstractNumId w:val> and <w:numId w:val>.
        size_t tag = xml.rfind('<', at);
        std::string_view name = xml.substr(tag, at - tag);
        if (name.rfind("<w:abstractNumId", 0) != 0 && name.rfind("<w:numId", 0) != 0) continue;
      }
      size_t p = at + key.size();
      int v = 0;
      while (p < xml.size() && xml[p] >= '0' && xml[p] <= '9' && v < 100000000) v = v * 10 + (xml[p++] - '0');
      largest = std::max(largest, v);
    }
  }
  return largest;
}

// The reference's numbering with kyosei's list definitions added: every
// w:abstractNum before the first w:num, as the schema orders them. An id
// defined twice (templates/reference.docx had that before 2026-12, and a
// dataset may still bring such a copy) keeps its last definition, which
// is the one pandoc's writer used.
std::string numbering_xml(const std::string* ref, const BodyWriter& w) {
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  std::vector<std::string> abstracts, nums;
  if (ref) {
    size_t open = ref->find("<w:numbering");
    size_t open_end = open == std::string::npos ? std::string::npos : ref->find('>', open);
    if (open_end != std::string::npos) head = ref->substr(0, open_end + 1);
    std::map<std::string, size_t> seen;
    for (std::string_view a : elements(*ref, "w:abstractNum")) {
      std::string id = attribute(a, "w:abstractNum", "w:abstractNumId");
      auto it = seen.find(id);
      if (it != seen.end()) abstracts[it->second] = std::string(a);
      else {
        seen[id] = abstracts.size();
        abstracts.emplace_back(a);
      }
    }
    for (std::string_view n : elements(*ref, "w:num")) nums.emplace_back(n);
  }
  std::string out = head;
  for (const auto& a : abstracts) out += a;
  for (const auto& a : w.abstract_nums) out += a;
  for (const auto& n : nums) out += n;
  for (const auto& n : w.nums) out += n;
  return out + "</w:numbering>";
}

std::string core_xml(const DocxOptions& o) {
  char date[32];
  std::tm tm{};
  gmtime_r(&o.time, &tm);
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
             "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
             "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
             "<dc:title>") +
         xml_text(o.title) + "</dc:title><dc:language>" + xml_text(o.language) +
         "</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date +
         "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date +
         "</dcterms:modified></cp:coreProperties>";
}

constexpr const char* kAppXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
    "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
    "<Application>kyosei</Application><DocSecurity>0</DocSecurity></Properties>";

// The root of word/document.xml: kyosei's namespaces, and any other the
// reference's root declares (its section may use them, e.g. w14).
std::string document_open(const std::string& reference_document) {
  std::string root =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";
  size_t at = reference_document.find("<w:document");
  size_t end = at == std::string::npos ? std::string::npos : reference_document.find('>', at);
  if (end != std::string::npos) {
    std::string_view tag(reference_document.data() + at, end - at);
    for (size_t x = tag.find("xmlns:"); x != std::string_view::npos; x = tag.find("xmlns:", x + 1)) {
      size_t eq = tag.find('=', x);
      if (eq == std::string_view::npos || eq + 1 >= tag.size()) break;
      char quote = tag[eq + 1];
      size_t close = tag.find(quote, eq + 2);
      if ((quote != '"' && quote != '\'') || close == std::string_view::npos) break;
      std::string prefix(tag.substr(x, eq - x));  // xmlns:w14
      if (root.find(" " + prefix + "=") == std::string::npos)
        root += " " + prefix + "=" + std::string(tag.substr(eq + 1, close - eq));  // as written there
    }
  }
  return root + "><w:body>";
}

// The styles of the table of contents' levels 1 … depth: those the
// reference names "toc 1" … (Word's names; its ids differ by language,
// 「11」 in a Japanese Word), else TOC1 … added to `styles` as Word
// defines them, each level indented two characters further.
std::vector<std::string> toc_styles(std::string& styles, int depth) {
  std::vector<std::string> ids;
  std::vector<std::string_view> defined = elements(styles, "w:style");
  std::string added;
  for (int level = 1; level <= depth; ++level) {
    std::string name = "toc " + std::to_string(level), id;
    for (std::string_view st : defined)
      if (to_lower(attribute(st, "w:name", "w:val")) == name) {
        id = attribute(st, "w:style", "w:styleId");
        break;
      }
    if (id.empty()) {
      id = "TOC" + std::to_string(level);
      added += "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
               "\" /><w:basedOn w:val=\"Normal\" /><w:next w:val=\"Normal\" /><w:autoRedefine /><w:uiPriority "
               "w:val=\"39\" /><w:unhideWhenUsed /><w:pPr><w:spacing w:before=\"" +
               std::string(level == 1 ? "120" : "0") + "\" w:after=\"60\" />" +
               (level == 1 ? std::string() : "<w:ind w:left=\"" + std::to_string(420 * (level - 1)) + "\" />") +
               "</w:pPr></w:style>";
    }
    ids.push_back(id);
  }
  size_t close = styles.rfind("</w:styles>");
  if (!added.empty() && close != std::string::npos) styles.insert(close, added);
  return ids;
}

}  // namespace

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
      }
      continue;
    }
    // A whole, valid UTF-8 sequence, or nothing.
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > text.size()) {
      ++i;
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < len; ++k) ok = ok && (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    auto c1 = static_cast<unsigned char>(text[i + 1]);
    if (ok && len == 3 && c == 0xE0 && c1 < 0xA0) ok = false;                   // overlong
    if (ok && len == 3 && c == 0xED && c1 >= 0xA0) ok = false;                  // surrogate
    if (ok && len == 4 && c == 0xF0 && c1 < 0x90) ok = false;                   // overlong
    if (ok && len == 4 && c == 0xF4 && c1 >= 0x90) ok = false;                  // > U+10FFFF
    if (ok && len == 3 && c == 0xEF && c1 == 0xBF && static_cast<unsigned char>(text[i + 2]) >= 0xBE)
      ok = false;  // U+FFFE, U+FFFF
    if (!ok) {
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::optional<std::string> markdown_to_docx(std::string_view markdown, std::string_view reference_docx,
                                            const DocxOptions& options, const std::vector<DocxImage>& images) {
  auto parts = read_zip_parts(reference_docx);
  if (!parts) return std::nullopt;
  Reference ref;
  for (auto& p : *parts) ref.parts.emplace(std::move(p.name), std::move(p.bytes));
  const std::string* document = ref.part("word/document.xml");
  if (!document || !ref.part("word/styles.xml")) return std::nullopt;

  // The body's final section: page size, margins, header and footer.
  std::string section;
  size_t body_end = document->rfind("</w:body>");
  size_t sect = body_end == std::string::npos ? std::string::npos : document->rfind("<w:sectPr", body_end);
  if (sect != std::string::npos) {
    size_t close = document->find("</w:sectPr>", sect);
    size_t tag_end = document->find('>', sect);
    if (tag_end != std::string::npos && (*document)[tag_end - 1] == '/') section = document->substr(sect, tag_end + 1 - sect);
    else if (close != std::string::npos && close < body_end)
      section = document->substr(sect, close + std::strlen("</w:sectPr>") - sect);
  }
  long long text_twips = kDefaultTextTwips;
  try {
    std::string w = attribute(section, "w:pgSz", "w:w"), l = attribute(section, "w:pgMar", "w:left"),
                r = attribute(section, "w:pgMar", "w:right");
    if (!w.empty() && !l.empty() && !r.empty()) text_twips = std::max(1440LL, std::stoll(w) - std::stoll(l) - std::stoll(r));
  } catch (...) {
  }

  // Which reference parts come along: the look, and the header and footer
  // parts the section names (by their relationship ids, kept as they are).
  std::vector<RefRelationship> ref_rels = read_relationships(ref.part("word/_rels/document.xml.rels"));
  static const std::set<std::string> kLook = {"styles",   "stylesWithEffects", "settings", "webSettings",
                                              "fontTable", "theme",            "footnotes", "endnotes"};
  std::vector<RefRelationship> kept;
  std::string numbering_target = "numbering.xml";
  const std::string* ref_numbering = nullptr;
  for (const auto& r : ref_rels) {
    std::string kind = type_suffix(r.type);
    if (r.mode == "External" || r.target.empty()) continue;
    if (kind == "numbering") {
      numbering_target = r.target;
      ref_numbering = ref.part(part_name(r.target));
      continue;
    }
    bool in_section = (kind == "header" || kind == "footer") &&
                      section.find("r:id=\"" + r.id + "\"") != std::string::npos;
    if ((kLook.count(kind) || in_section) && ref.part(part_name(r.target))) kept.push_back(r);
  }

  BodyWriter w(images, text_twips, largest_numbering_id(ref_numbering ? *ref_numbering : "") + 1);
  if (!options.title.empty()) w.title(options.title);
  // The table of contents goes under the title; it lists the headings, so
  // it is written once the body is.
  size_t toc_at = w.body.size();
  w.toc_depth = std::max(0, options.toc_depth);
  {
    MarkdownTree tree(markdown);
    w.blocks(tree.root(), {});
  }
  if (options.toc_depth > 0) {
    std::string& styles = ref.parts["word/styles.xml"];  // copied below with the styles it lacked
    std::vector<std::string> toc_style = toc_styles(styles, std::min(options.toc_depth, 9));
    w.body.insert(toc_at, w.toc(options.toc_title, options.toc_depth, toc_style));
  }

  std::vector<ZipEntry> entries;
  std::vector<std::pair<std::string, std::string>> overrides;  // part → content type
  auto add = [&](const std::string& name, std::string bytes, const std::string& type, bool deflate = true) {
    if (!type.empty()) overrides.emplace_back(name, type);
    entries.push_back({name, std::move(bytes), deflate});
  };

  // word/document.xml and its relationships.
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  auto relationship = [](const std::string& id, const std::string& type, const std::string& target, bool external) {
    return "<Relationship Id=\"" + xml_text(id) + "\" Type=\"" + xml_text(type) + "\" Target=\"" + xml_text(target) +
           "\"" + (external ? " TargetMode=\"External\"" : "") + " />";
  };
  rels += relationship("rIdKyNumbering", std::string(kRelNs) + "numbering", numbering_target, false);
  for (const auto& r : kept) rels += relationship(r.id, r.type, r.target, false);
  for (const auto& r : w.relationships) rels += relationship(r.id, r.type, r.target, r.external);
  rels += "</Relationships>";

  std::string doc = document_open(*document) + w.body + section + "</w:body></w:document>";
  add("word/document.xml", std::move(doc),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  entries.push_back({"word/_rels/document.xml.rels", std::move(rels)});
  std::string numbering_part = part_name(numbering_target);
  add(numbering_part, numbering_xml(ref_numbering, w),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");

  // The reference's parts, with the parts their own relationships name
  // (a logo in the footer, embedded fonts).
  std::set<std::string> copied = {"word/document.xml", numbering_part};
  auto copy = [&](const std::string& name) {
    if (!copied.insert(name).second) return;
    const std::string* bytes = ref.part(name);
    if (!bytes) return;
    add(name, *bytes, content_type_of(name, ref));
  };
  for (const auto& r : kept) {
    std::string name = part_name(r.target);
    copy(name);
    std::string own = rels_of(name);
    if (const std::string* own_rels = ref.part(own)) {
      if (copied.insert(own).second) entries.push_back({own, *own_rels});
      std::string dir = name.substr(0, name.rfind('/') + 1);
      for (const auto& sub : read_relationships(own_rels))
        if (sub.mode != "External" && !sub.target.empty())
          copy(sub.target[0] == '/' ? sub.target.substr(1) : dir + sub.target);
    }
  }
  for (const auto& [name, index] : w.media) add("word/" + name, images[index].svg, "image/svg+xml");

  add("docProps/core.xml", core_xml(options), "application/vnd.openxmlformats-package.core-properties+xml");
  add("docProps/app.xml", kAppXml, "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  std::string package_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"word/document.xml\" />"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
      "core-properties\" Target=\"docProps/core.xml\" />"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "extended-properties\" Target=\"docProps/app.xml\" /></Relationships>";
  entries.push_back({"_rels/.rels", package_rels});

  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />"
      "<Default Extension=\"xml\" ContentType=\"application/xml\" />";
  for (const auto& [part, type] : overrides)
    types += "<Override PartName=\"/" + xml_text(part) + "\" ContentType=\"" + xml_text(type) + "\" />";
  types += "</Types>";
  entries.insert(entries.begin(), ZipEntry{"[Content_Types].xml", std::move(types)});
  return make_zip(entries, options.time);
}

}  // namespace kyosei
