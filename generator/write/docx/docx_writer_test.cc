#include "write/docx/docx_writer.h"

#include <doctest/doctest.h>

#include <map>

#include "base/resources.h"
#include "base/zip_reader.h"
#include "base/zip_writer.h"

namespace kyosei {

namespace {

std::string reference() {
  auto r = resource("templates/reference.docx");
  REQUIRE(r);
  return std::string(*r);
}

std::map<std::string, std::string> parts_of(const std::string& docx) {
  auto parts = read_zip_parts(docx);
  REQUIRE(parts);
  std::map<std::string, std::string> out;
  for (auto& p : *parts) out[p.name] = p.bytes;
  return out;
}

std::string document_of(std::string_view md, const std::vector<DocxImage>& images = {}) {
  DocxOptions o;
  o.time = 1775001600;  // 2026-04-01
  auto docx = markdown_to_docx(md, reference(), o, images);
  REQUIRE(docx);
  return parts_of(*docx)["word/document.xml"];
}

// Position of needle in hay after `from`, or npos; for order checks.
size_t after(const std::string& hay, const std::string& needle, size_t from) {
  return from == std::string::npos ? std::string::npos : hay.find(needle, from);
}

}  // namespace

TEST_CASE("docx: xml_text escapes markup and drops characters XML does not allow") {
  CHECK(xml_text("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d");
  CHECK(xml_text(std::string("x\x01y\x1b" "z\t\n", 7)) == "xyz\t\n");
  CHECK(xml_text(std::string("nul\0end", 7)) == "nulend");
  CHECK(xml_text("日本語\xEF\xBF\xBE") == "日本語");  // U+FFFE
  CHECK(xml_text("ok\xC3(") == "ok(");                 // broken UTF-8
  CHECK(xml_text("\xED\xA0\x80") == "");               // a surrogate
}

TEST_CASE("docx: package parts from the reference, fixed dates, same bytes every time") {
  DocxOptions o;
  o.title = "架空市計画 <案> & 付録";
  o.time = 1775001600;
  auto a = markdown_to_docx("# 第1章 趣旨\n\n本文。\n", reference(), o);
  auto b = markdown_to_docx("# 第1章 趣旨\n\n本文。\n", reference(), o);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  auto parts = parts_of(*a);
  auto ref = parts_of(reference());
  // The reference's styles, with the two levels of the table of contents
  // it lacks added at the end.
  const std::string& styles = parts["word/styles.xml"];
  std::string ref_styles = ref["word/styles.xml"];
  size_t close = ref_styles.rfind("</w:styles>");
  CHECK(styles.substr(0, close) == ref_styles.substr(0, close));
  CHECK(styles.find("<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\" />", close) ==
        close);
  CHECK(styles.find("w:styleId=\"TOC2\"><w:name w:val=\"toc 2\" />") != std::string::npos);
  CHECK(styles.find("w:styleId=\"TOC3\"") == std::string::npos);
  CHECK(styles.substr(styles.rfind("</w:styles>")) == ref_styles.substr(close));
  CHECK(parts["word/footer1.xml"] == ref["word/footer1.xml"]);
  CHECK(parts.count("word/theme/theme1.xml"));
  CHECK(parts.count("word/settings.xml"));
  CHECK(parts.count("word/footnotes.xml"));  // settings name its separators
  CHECK(parts["docProps/core.xml"].find("2026-04-01T00:00:00Z</dcterms:created>") != std::string::npos);
  CHECK(parts["docProps/core.xml"].find("架空市計画 &lt;案&gt; &amp; 付録") != std::string::npos);
  const std::string& doc = parts["word/document.xml"];
  CHECK(doc.find("<w:pStyle w:val=\"Title\" /></w:pPr><w:r><w:t xml:space=\"preserve\">架空市計画 &lt;案&gt; &amp; 付録") !=
        std::string::npos);
  CHECK(doc.find("TOC \\o &quot;1-2&quot;") != std::string::npos);
  CHECK(doc.find(">目次<") != std::string::npos);
  CHECK(doc.find("<w:pgSz w:w=\"11906\" w:h=\"16838\" />") != std::string::npos);  // A4 from the reference
  CHECK(doc.find("<w:footerReference w:type=\"default\" r:id=\"rIdKyoseiFooter\" />") != std::string::npos);
  CHECK(parts["word/_rels/document.xml.rels"].find("Id=\"rIdKyoseiFooter\"") != std::string::npos);
  CHECK(parts["[Content_Types].xml"].find("/word/footer1.xml") != std::string::npos);
  CHECK_FALSE(markdown_to_docx("x", "not a zip", o));
}

TEST_CASE("docx: a Word-saved reference: its header with a logo, its numbering, its namespaces; not its body") {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string types =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/header1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"x\">"
                     "<Relationship Id=\"rId1\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/>"
                     "<Relationship Id=\"rId2\" Type=\"" + rel + "numbering\" Target=\"numbering.xml\"/>"
                     "<Relationship Id=\"rId7\" Type=\"" + rel + "header\" Target=\"header1.xml\"/>"
                     "<Relationship Id=\"rId8\" Type=\"" + rel + "header\" Target=\"header2.xml\"/>"
                     "<Relationship Id=\"rId9\" Type=\"" + rel + "comments\" Target=\"comments.xml\"/>"
                     "<Relationship Id=\"rId10\" Type=\"" + rel + "hyperlink\" Target=\"https://old.example/\" "
                     "TargetMode=\"External\"/></Relationships>";
  std::string document =
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w:body><w:p><w:r><w:t>古い本文</w:t></w:r>"
      "</w:p><w:p><w:pPr><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId8\"/></w:sectPr></w:pPr></w:p>"
      "<w:sectPr w:rsidR=\"00A1\"><w:headerReference w:type=\"default\" r:id=\"rId7\"/>"
      "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
      "<w:pgMar w:top=\"1000\" w:right=\"1000\" w:bottom=\"1000\" w:left=\"1000\" w:header=\"500\" w:footer=\"500\" "
      "w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
  std::string numbering =
      "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"/></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"/></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
      "</w:num></w:numbering>";
  auto reference = make_zip({{"[Content_Types].xml", types},
                             {"word/_rels/document.xml.rels", rels},
                             {"word/document.xml", document},
                             {"word/styles.xml", "<w:styles/>"},
                             {"word/numbering.xml", numbering},
                             {"word/header1.xml", "<w:hdr/>"},
                             {"word/header2.xml", "<w:hdr/>"},
                             {"word/_rels/header1.xml.rels",
                              "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel +
                                  "image\" Target=\"media/logo.png\"/></Relationships>"},
                             {"word/media/logo.png", "\x89PNG"},
                             {"word/comments.xml", "<w:comments/>"}},
                            0);
  REQUIRE(reference);
  DocxOptions o;
  auto docx = markdown_to_docx("- 新しい本文\n", *reference, o);
  REQUIRE(docx);
  auto parts = parts_of(*docx);
  const std::string& doc = parts["word/document.xml"];
  CHECK(doc.find("古い本文") == std::string::npos);
  CHECK(doc.find("新しい本文") != std::string::npos);
  CHECK(doc.find("xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"") != std::string::npos);
  CHECK(doc.find("<w:sectPr w:rsidR=\"00A1\"><w:headerReference w:type=\"default\" r:id=\"rId7\"/>") != std::string::npos);
  CHECK(doc.find("rId8") == std::string::npos);  // an earlier section's header is not the document's
  CHECK(parts["word/header1.xml"] == "<w:hdr/>");
  CHECK_FALSE(parts.count("word/header2.xml"));
  CHECK(parts["word/media/logo.png"] == "\x89PNG");
  CHECK(parts.count("word/_rels/header1.xml.rels"));
  CHECK_FALSE(parts.count("word/comments.xml"));
  const std::string& types_out = parts["[Content_Types].xml"];
  CHECK(types_out.find("<Override PartName=\"/word/media/logo.png\" ContentType=\"image/png\" />") != std::string::npos);
  CHECK(types_out.find("/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml") !=
        std::string::npos);
  const std::string& rels_out = parts["word/_rels/document.xml.rels"];
  CHECK(rels_out.find("Id=\"rId7\"") != std::string::npos);
  CHECK(rels_out.find("old.example") == std::string::npos);
  // The reference's lists stay; kyosei's get ids above theirs.
  const std::string& num = parts["word/numbering.xml"];
  CHECK(num.find("<w:abstractNum w:abstractNumId=\"0\">") != std::string::npos);
  CHECK(num.find("<w:num w:numId=\"2\">") != std::string::npos);
  CHECK(num.find("<w:abstractNum w:abstractNumId=\"3\">") != std::string::npos);
  CHECK(doc.find("<w:numId w:val=\"3\" />") != std::string::npos);
  // Landscape A4 with 1000-twip margins: 14838 twips of text width.
  auto wide = markdown_to_docx("![c](c.svg)\n", *reference, o, {{"c.svg", "<svg width=\"2000\" height=\"1000\"></svg>"}});
  REQUIRE(wide);
  CHECK(parts_of(*wide)["word/document.xml"].find("<wp:extent cx=\"9422130\" cy=\"4711065\" />") != std::string::npos);
}

TEST_CASE("docx: headings, paragraphs, runs, breaks; raw HTML dropped") {
  std::string doc = document_of(
      "# 第1章\n\n最初の段落 *強調* **太字** ~~削除~~ `code` a<b\x01.\n\n次の段落\n行2\\\nbreak\n\n"
      "<div>raw block</div>\n\n<span>inline</span>text\n\n> 引用です\n\n---\n\n```\nline1\nline2\n```\n");
  size_t h = doc.find(
      "<w:pStyle w:val=\"Heading1\" /></w:pPr><w:bookmarkStart w:id=\"1\" w:name=\"_Toc0001\" /><w:r><w:t "
      "xml:space=\"preserve\">第1章</w:t></w:r><w:bookmarkEnd w:id=\"1\" /></w:p>");
  CHECK(h != std::string::npos);
  size_t p = after(doc, "<w:pStyle w:val=\"FirstParagraph\" />", h);
  CHECK(p != std::string::npos);
  CHECK(after(doc, "<w:rPr><w:i /><w:iCs /></w:rPr><w:t xml:space=\"preserve\">強調", p) != std::string::npos);
  CHECK(doc.find("<w:rPr><w:b /><w:bCs /></w:rPr><w:t xml:space=\"preserve\">太字") != std::string::npos);
  CHECK(doc.find("<w:rPr><w:strike /></w:rPr><w:t xml:space=\"preserve\">削除") != std::string::npos);
  CHECK(doc.find("<w:rStyle w:val=\"VerbatimChar\" /></w:rPr><w:t xml:space=\"preserve\">code") != std::string::npos);
  CHECK(doc.find(" a&lt;b.") != std::string::npos);  // escaped, control character gone
  CHECK(doc.find("<w:pStyle w:val=\"BodyText\" /></w:pPr><w:r><w:t xml:space=\"preserve\">次の段落") != std::string::npos);
  // A soft break between Japanese text is nothing, a hard one a line break.
  CHECK(doc.find("次の段落</w:t></w:r><w:r><w:t xml:space=\"preserve\">行2</w:t></w:r><w:r><w:br /></w:r>") !=
        std::string::npos);
  CHECK(doc.find("raw block") == std::string::npos);
  CHECK(doc.find("span") == std::string::npos);  // the tags go, their text stays
  CHECK(doc.find(">inline</w:t></w:r><w:r><w:t xml:space=\"preserve\">text<") != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"BlockText\" /></w:pPr><w:r><w:t xml:space=\"preserve\">引用です") != std::string::npos);
  CHECK(doc.find("<w:pBdr><w:bottom w:val=\"single\"") != std::string::npos);
  CHECK(doc.find("line1<w:br />line2") == std::string::npos);  // the break ends the <w:t>
  CHECK(doc.find("line1</w:t><w:br /><w:t xml:space=\"preserve\">line2") != std::string::npos);
}

// The entries of the table of contents: (style, text, bookmark) of each
// TOC paragraph, in order; and the bookmarks on the headings, in order.
struct TocEntryFound {
  std::string style, text, anchor, pageref;
};
std::vector<TocEntryFound> toc_entries_of(const std::string& doc) {
  std::vector<TocEntryFound> out;
  size_t end = doc.find("</w:sdtContent>");
  for (size_t at = doc.find("<w:hyperlink w:anchor=\""); at < end; at = doc.find("<w:hyperlink w:anchor=\"", at + 1)) {
    size_t p = doc.rfind("<w:p>", at);
    size_t style = doc.find("<w:pStyle w:val=\"", p) + 17;
    size_t a = at + 23;
    size_t t = doc.find("<w:t xml:space=\"preserve\">", at) + 26;
    size_t ref = doc.find("PAGEREF ", at) + 8;
    out.push_back({doc.substr(style, doc.find('"', style) - style), doc.substr(t, doc.find("</w:t>", t) - t),
                   doc.substr(a, doc.find('"', a) - a), doc.substr(ref, doc.find(' ', ref) - ref)});
  }
  return out;
}

TEST_CASE("docx: the table of contents lists the headings of level 1 and 2, each linked to its bookmark") {
  std::string doc = document_of(
      "# 第1章 計画の趣旨\n\n本文。\n\n## 1 背景 & <経緯>\n\n### (1) 細目は載らない\n\n"
      "## 2 [リンク](https://example.jp/)と`コード`\n\n#\n\n> # 第2章 引用の中の章\n\n- ## 3 リストの中\n\n"
      "# 第3章 終わり\n");
  auto entries = toc_entries_of(doc);
  REQUIRE(entries.size() == 6);
  std::vector<std::pair<std::string, std::string>> want = {
      {"TOC1", "第1章 計画の趣旨"}, {"TOC2", "1 背景 &amp; &lt;経緯&gt;"}, {"TOC2", "2 リンクとコード"},
      {"TOC1", "第2章 引用の中の章"}, {"TOC2", "3 リストの中"}, {"TOC1", "第3章 終わり"}};
  size_t body = doc.find("</w:sdt>");
  REQUIRE(body != std::string::npos);
  size_t last = body;
  for (size_t i = 0; i < entries.size(); ++i) {
    CAPTURE(i);
    CHECK(entries[i].style == want[i].first);
    CHECK(entries[i].text == want[i].second);
    std::string name = "_Toc000" + std::to_string(i + 1);
    CHECK(entries[i].anchor == name);
    CHECK(entries[i].pageref == name);
    // The bookmark is on the heading of that text, after the one before.
    std::string start = "<w:bookmarkStart w:id=\"" + std::to_string(i + 1) + "\" w:name=\"" + name + "\" />";
    size_t at = doc.find(start);
    CHECK(at > last);
    CHECK(at != std::string::npos);
    size_t bookmark_end = doc.find("<w:bookmarkEnd w:id=\"" + std::to_string(i + 1) + "\" />", at);
    CHECK(bookmark_end < doc.find("</w:p>", at));
    CHECK(doc.rfind("<w:pStyle w:val=\"Heading", at) > doc.rfind("<w:p>", at));
    last = at;
  }
}

TEST_CASE("docx: the table of contents is one valid field: Word can rebuild it, updates it on opening") {
  std::string doc = document_of("# 第1章\ttab\n\n## 1 節\n");
  size_t sdt = doc.find("<w:sdt>"), sdt_end = doc.find("</w:sdt>");
  REQUIRE(sdt_end != std::string::npos);
  std::string toc = doc.substr(sdt, sdt_end - sdt);
  // begin (dirty) and the TOC instruction in the first entry's paragraph,
  // separate, the entries, end in a paragraph of its own.
  size_t begin = toc.find("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\" />");
  CHECK(begin > toc.find("<w:pStyle w:val=\"TOC1\" />"));
  CHECK(begin < toc.find("<w:hyperlink"));
  CHECK(toc.find("<w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-2&quot; \\h \\z \\u </w:instrText>") >
        begin);
  // No page numbers (kyosei does not lay out pages), so no dots leading to them.
  CHECK(toc.find("w:leader") == std::string::npos);
  CHECK(toc.find("</w:hyperlink></w:p>") != std::string::npos);
  CHECK(toc.find("第1章 tab") != std::string::npos);  // a tab in the heading is a space in the entry
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = toc.find(needle); at != std::string::npos; at = toc.find(needle, at + 1)) ++n;
    return n;
  };
  CHECK(count("w:fldCharType=\"begin\"") == 3);  // TOC and two PAGEREF
  CHECK(count("w:fldCharType=\"separate\"") == 3);
  CHECK(count("w:fldCharType=\"end\"") == 3);
  REQUIRE(toc.size() > 80);
  CHECK(toc.substr(toc.size() - 80).find("<w:p><w:r><w:fldChar w:fldCharType=\"end\" /></w:r></w:p>") !=
        std::string::npos);
  // Without headings: the empty field of before.
  std::string none = document_of("本文だけ。\n");
  CHECK(none.find("<w:fldChar w:fldCharType=\"separate\" /></w:r><w:r><w:fldChar w:fldCharType=\"end\" />") !=
        std::string::npos);
  CHECK(none.find("bookmarkStart") == std::string::npos);
  // No table of contents: no bookmarks, no added styles.
  DocxOptions o;
  o.toc_depth = 0;
  auto plain = markdown_to_docx("# 第1章\n", reference(), o);
  REQUIRE(plain);
  auto parts = parts_of(*plain);
  CHECK(parts["word/document.xml"].find("bookmarkStart") == std::string::npos);
  CHECK(parts["word/document.xml"].find("TOC") == std::string::npos);
  CHECK(parts["word/styles.xml"] == parts_of(reference())["word/styles.xml"]);
}

TEST_CASE("docx: the reference's own toc styles are used, whatever their ids") {
  auto ref = parts_of(reference());
  std::string& styles = ref["word/styles.xml"];
  styles.insert(styles.rfind("</w:styles>"),
                "<w:style w:type=\"paragraph\" w:styleId=\"11\"><w:name w:val=\"toc 1\" /></w:style>");
  std::vector<ZipEntry> entries;
  for (const auto& [name, bytes] : ref) entries.push_back({name, bytes});
  DocxOptions o;
  auto zipped = make_zip(entries, 0);
  REQUIRE(zipped);
  auto docx = markdown_to_docx("# 第1章\n\n## 1 節\n", *zipped, o);
  REQUIRE(docx);
  auto parts = parts_of(*docx);
  auto entries_found = toc_entries_of(parts["word/document.xml"]);
  REQUIRE(entries_found.size() == 2);
  CHECK(entries_found[0].style == "11");
  CHECK(entries_found[1].style == "TOC2");
  CHECK(parts["word/styles.xml"].find("w:styleId=\"TOC1\"") == std::string::npos);
  CHECK(parts["word/styles.xml"].find("w:styleId=\"TOC2\"") != std::string::npos);
}

TEST_CASE("docx: nested bullet and ordered lists get their numbering") {
  DocxOptions o;
  auto docx = markdown_to_docx("- 一\n  - 一の一\n- 二\n\n3. 三\n4. 四\n", reference(), o);
  REQUIRE(docx);
  auto parts = parts_of(*docx);
  const std::string& doc = parts["word/document.xml"];
  const std::string& numbering = parts["word/numbering.xml"];
  size_t one = doc.find("<w:ilvl w:val=\"0\" />");
  size_t nested = after(doc, "<w:ilvl w:val=\"1\" />", one);
  CHECK(one != std::string::npos);
  CHECK(nested != std::string::npos);
  CHECK(after(doc, "一の一", nested) != std::string::npos);
  CHECK(doc.find("<w:pStyle w:val=\"Compact\" /><w:numPr>") != std::string::npos);  // tight
  // Bullets, and a decimal list that starts at 3.
  CHECK(numbering.find("<w:numFmt w:val=\"bullet\" /><w:lvlText w:val=\"•\" />") != std::string::npos);
  CHECK(numbering.find("<w:start w:val=\"3\" /><w:numFmt w:val=\"decimal\" /><w:lvlText w:val=\"%1.\" />") !=
        std::string::npos);
  // Every abstractNum comes before the first num, as the schema wants.
  CHECK(numbering.rfind("<w:abstractNum ") < numbering.find("<w:num "));
  // Every numId the body uses is defined.
  for (size_t at = doc.find("<w:numId w:val=\""); at != std::string::npos; at = doc.find("<w:numId w:val=\"", at + 1)) {
    std::string id = doc.substr(at + 16, doc.find('"', at + 16) - at - 16);
    CHECK(numbering.find("<w:num w:numId=\"" + id + "\">") != std::string::npos);
  }
}

TEST_CASE("docx: tables repeat their header row, keep alignment and cell order") {
  std::string doc = document_of("| 区分 | 人数 |\n|:--|--:|\n| 北部 | 1,200 |\n| 南部 <b>x</b> |\n");
  CHECK(doc.find("<w:tblStyle w:val=\"Table\" />") != std::string::npos);
  CHECK(doc.find("<w:tblBorders>") != std::string::npos);
  size_t header = doc.find("<w:tblHeader w:val=\"true\" />");
  CHECK(header != std::string::npos);
  size_t a = after(doc, ">区分<", header), b = after(doc, ">人数<", a), c = after(doc, ">北部<", b),
         d = after(doc, ">1,200<", c), e = after(doc, ">南部 <", d);
  CHECK(e != std::string::npos);
  CHECK(doc.find("<w:tblHeader", header + 1) == std::string::npos);  // only the header row
  CHECK(doc.find("<w:jc w:val=\"right\" /></w:pPr><w:r><w:t xml:space=\"preserve\">1,200") != std::string::npos);
  // The short last row is filled up to two cells.
  size_t last_row = doc.rfind("<w:tr>");
  size_t cells = 0;
  for (size_t at = doc.find("<w:tc>", last_row); at != std::string::npos; at = doc.find("<w:tc>", at + 1)) ++cells;
  CHECK(cells == 2);
}

TEST_CASE("docx: table columns as wide as their text asks, short words whole") {
  std::string doc = document_of(
      "| 号 | 内容 | 状態 |\n|--|--|--|\n| 第1号 | "
      "地域における高齢者の福祉、障害者の福祉、児童の福祉その他の福祉に関し、共通して取り組むべき事項 | 実施 |\n");
  std::vector<long long> grid;
  for (size_t at = doc.find("<w:gridCol w:w=\""); at != std::string::npos; at = doc.find("<w:gridCol w:w=\"", at + 1))
    grid.push_back(std::stoll(doc.substr(at + 16)));
  REQUIRE(grid.size() == 3);
  CHECK(grid[0] + grid[1] + grid[2] <= 9070);  // the text width of A4 with 25 mm margins
  CHECK(grid[0] + grid[1] + grid[2] > 9000);
  CHECK(grid[1] > 3 * grid[0]);
  CHECK(grid[0] >= 5 * 115 + 216);  // 「第1号」 fits on one line
  CHECK(grid[2] >= 5 * 115 + 216);
}

TEST_CASE("docx: deeply nested input (staff narrative) gives a document, not a crash") {
  std::string quotes(200000, '>');
  std::string lists;
  for (int i = 0; i < 3000; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- 項目\n";
  std::string emphasis = std::string(50000, '*') + "強調" + std::string(50000, '*');
  std::string links;
  for (int i = 0; i < 20000; ++i) links += "[";
  links += "x";
  for (int i = 0; i < 20000; ++i) links += "](https://example.jp/)";
  for (const std::string& md : {quotes + " 深い引用\n", lists, emphasis + "\n", links + "\n"}) {
    std::string doc = document_of(md);
    CHECK(doc.find("</w:body></w:document>") != std::string::npos);
  }
  CHECK(document_of(quotes + " 深い引用\n").find("深い引用") != std::string::npos);
  CHECK(document_of(emphasis + "\n").find("強調") != std::string::npos);
}

TEST_CASE("docx: links to the web, mail and phone only; javascript: is text") {
  DocxOptions o;
  auto docx = markdown_to_docx(
      "[市](https://example.jp/a?b=1&c=2) [係](mailto:fukushi@example.jp) [電話](tel:000-0000) "
      "[悪](javascript:alert(1)) [相対](other.html) <https://example.jp/auto>\n",
      reference(), o);
  REQUIRE(docx);
  auto parts = parts_of(*docx);
  const std::string& doc = parts["word/document.xml"];
  const std::string& rels = parts["word/_rels/document.xml.rels"];
  CHECK(rels.find("Target=\"https://example.jp/a?b=1&amp;c=2\" TargetMode=\"External\"") != std::string::npos);
  CHECK(rels.find("Target=\"mailto:fukushi@example.jp\"") != std::string::npos);
  CHECK(rels.find("Target=\"tel:000-0000\"") != std::string::npos);
  CHECK(rels.find("Target=\"https://example.jp/auto\"") != std::string::npos);
  CHECK(rels.find("javascript") == std::string::npos);
  CHECK(rels.find("other.html") == std::string::npos);
  size_t hyperlinks = 0;
  for (size_t at = doc.find("<w:hyperlink "); at != std::string::npos; at = doc.find("<w:hyperlink ", at + 1)) ++hyperlinks;
  CHECK(hyperlinks == 4);
  CHECK(doc.find("<w:rStyle w:val=\"Hyperlink\" /></w:rPr><w:t xml:space=\"preserve\">市") != std::string::npos);
  CHECK(doc.find("<w:t xml:space=\"preserve\">悪</w:t>") != std::string::npos);  // text kept, no link
  CHECK(doc.find("<w:t xml:space=\"preserve\">相対</w:t>") != std::string::npos);
}

TEST_CASE("docx: an SVG chart is embedded and fitted to the text width; other images are their alt text") {
  DocxOptions o;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 586\" width=\"680\" height=\"586\"></svg>";
  auto docx = markdown_to_docx("![グラフ](chart.svg)\n\n![外部](https://example.jp/x.png)\n\n![再び](chart.svg)\n", reference(), o,
                               {{"chart.svg", svg}, {"unused.svg", svg}});
  REQUIRE(docx);
  auto parts = parts_of(*docx);
  CHECK(parts["word/media/image1.svg"] == svg);  // ASCII part names, as Word wants them
  CHECK(parts.size() == parts_of(*markdown_to_docx("x", reference(), o)).size() + 1);  // the unused one is not there
  CHECK(parts["[Content_Types].xml"].find("<Override PartName=\"/word/media/image1.svg\" ContentType=\"image/svg+xml\" />") !=
        std::string::npos);
  const std::string& doc = parts["word/document.xml"];
  CHECK(doc.find("<asvg:svgBlip") != std::string::npos);
  size_t first = doc.find("r:embed=\""), second = doc.find("r:embed=\"", doc.find("descr=\"再び\""));
  CHECK(doc.substr(first, 20) == doc.substr(second, 20));  // one part for a chart shown twice
  CHECK(doc.find("descr=\"グラフ\"") != std::string::npos);
  // 9070 twips of text width (A4, 25 mm margins) = 5759450 EMU; 680 px is wider.
  CHECK(doc.find("<wp:extent cx=\"5759450\" cy=\"4963290\" />") != std::string::npos);
  CHECK(doc.find("<w:t xml:space=\"preserve\">外部</w:t>") != std::string::npos);
}

}  // namespace kyosei
