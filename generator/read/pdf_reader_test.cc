#include "read/pdf_reader.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <vector>

namespace kyosei {

namespace {

// A minimal one-page PDF drawing `text` in Helvetica, with an optional
// Title in its Info dictionary. Offsets in the xref table are computed.
std::string tiny_pdf(const std::string& text, const std::string& title, bool locked = false) {
  std::string content = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
      "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  if (!title.empty()) objects.push_back("<< /Title (" + title + ") >>");
  // A standard security handler whose /U matches no password: poppler
  // cannot open it without one, as with a real password-protected file.
  const std::string hex32(64, 'A');
  if (locked) objects.push_back("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + hex32 + "> /U <" + hex32 + "> >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (!title.empty()) pdf += " /Info " + std::to_string(objects.size() - (locked ? 1 : 0)) + " 0 R";
  if (locked)
    pdf += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<00112233445566778899AABBCCDDEEFF> "
           "<00112233445566778899AABBCCDDEEFF>]";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

const Location kFrom{"meeting_sessions.csv", 3, "資料"};

}  // namespace

TEST_CASE("read_pdf reads title, page count and text") {
  MemoryFileSystem fs;
  fs.put("documents/2026/minutes.pdf", tiny_pdf("Hello Kyosei", "Minutes of May"));
  Diagnostics diags;
  auto doc = read_pdf(fs, "2026/minutes.pdf", diags, kFrom);
  REQUIRE(doc);
  CHECK_FALSE(diags.has_errors());
  CHECK(doc->path == "2026/minutes.pdf");
  CHECK(doc->title == "Minutes of May");
  CHECK(doc->pages == 1);
  REQUIRE(doc->page_texts.size() == 1);
  CHECK(doc->first_page_text == "Hello Kyosei");
  CHECK(doc->page_texts[0] == doc->first_page_text);
}

TEST_CASE("read_pdf falls back to the file name for the title") {
  MemoryFileSystem fs;
  fs.put("documents/第1回資料.PDF", tiny_pdf("x", ""));
  Diagnostics diags;
  auto doc = read_pdf(fs, "第1回資料.PDF", diags, kFrom);
  REQUIRE(doc);
  CHECK(doc->title == "第1回資料");
}

TEST_CASE("read_pdf reports a missing file at the referencing place") {
  MemoryFileSystem fs;
  Diagnostics diags;
  CHECK_FALSE(read_pdf(fs, "none.pdf", diags, kFrom));
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.where.file == "meeting_sessions.csv");
  CHECK(d.where.line == 3);
  CHECK(d.where.column == "資料");
  CHECK(d.message == "documents/none.pdf が見つかりません");
}

TEST_CASE("read_pdf reports bytes that are not a PDF") {
  MemoryFileSystem fs;
  fs.put("documents/broken.pdf", "this is not a pdf at all");
  fs.put("documents/truncated.pdf", tiny_pdf("Hello", "").substr(0, 40));
  Diagnostics diags;
  CHECK_FALSE(read_pdf(fs, "broken.pdf", diags, kFrom));
  CHECK_FALSE(read_pdf(fs, "truncated.pdf", diags, kFrom));
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.items()[0].message == "documents/broken.pdf はPDFとして読めません");
  CHECK(diags.items()[1].message.find("documents/truncated.pdf") != std::string::npos);
}

TEST_CASE("read_pdf reports a password-protected file") {
  MemoryFileSystem fs;
  fs.put("documents/locked.pdf", tiny_pdf("Hello", "", true));
  Diagnostics diags;
  CHECK_FALSE(read_pdf(fs, "locked.pdf", diags, kFrom));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message == "documents/locked.pdf はパスワードで保護されているため読めません");
}

TEST_CASE("read_pdf refuses paths that leave documents/") {
  MemoryFileSystem fs;
  fs.put("secret.pdf", tiny_pdf("x", ""));
  Diagnostics diags;
  CHECK_FALSE(read_pdf(fs, "../secret.pdf", diags, kFrom));
  CHECK(diags.has_errors());
  CHECK(is_safe_document_path("2026/a.pdf"));
  CHECK_FALSE(is_safe_document_path("/etc/a.pdf"));
  CHECK_FALSE(is_safe_document_path("a//b.pdf"));
  CHECK_FALSE(is_safe_document_path("a\\..\\b.pdf"));
  CHECK_FALSE(is_safe_document_path(""));
}

TEST_CASE("pdf_for_publication_and_hidden_text is both answers from one child") {
  std::string pdf = tiny_pdf("Hello", "Secret title");
  auto both = pdf_for_publication_and_hidden_text(pdf);
  auto published = pdf_for_publication(pdf);
  REQUIRE(both);
  REQUIRE(published);
  CHECK(both->bytes == *published);
  auto hidden = pdf_hidden_text(*published);
  REQUIRE(hidden);
  REQUIRE(both->hidden_text);
  CHECK(*both->hidden_text == *hidden);
  CHECK(both->hidden_text->find("Secret title") == std::string::npos);  // the Info title is removed
  CHECK_FALSE(pdf_for_publication_and_hidden_text("not a PDF at all"));
  CHECK(pdf_for_publication("not a PDF at all") == std::nullopt);
}

TEST_CASE("read_pdf with a thumbnail width renders page 1 as render_pdf_first_page does, in the same child") {
  MemoryFileSystem fs;
  fs.put("documents/a.pdf", tiny_pdf("Hello Kyosei", "Minutes"));
  Diagnostics diags;
  auto plain = read_pdf(fs, "a.pdf", diags, kFrom);
  auto doc = read_pdf(fs, "a.pdf", diags, kFrom, 150);
  REQUIRE(plain);
  REQUIRE(doc);
  CHECK_FALSE(plain->thumbnail_read);
  CHECK(plain->thumbnail_rgb.empty());
  CHECK(doc->thumbnail_read);
  CHECK(doc->page_texts == plain->page_texts);  // the thumbnail fields do not shift the texts
  CHECK(doc->first_page_text == "Hello Kyosei");
  auto image = render_pdf_first_page(fs, "a.pdf", 150);
  REQUIRE(image);
  CHECK(doc->thumbnail_width == 150);
  CHECK(doc->thumbnail_height == image->height);
  CHECK(doc->thumbnail_rgb == std::string(image->rgb.begin(), image->rgb.end()));
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("read_pdf asked to prepare publication gives what the site's own child would, texts unshifted") {
  MemoryFileSystem fs;
  std::string pdf = tiny_pdf("Hello Kyosei", "Secret title");
  fs.put("documents/a.pdf", pdf);
  Diagnostics diags;
  auto plain = read_pdf(fs, "a.pdf", diags, kFrom);
  auto site = pdf_for_publication_and_hidden_text(pdf);
  REQUIRE(plain);
  REQUIRE(site);
  CHECK_FALSE(plain->publication_read);
  for (int width : {0, 150}) {
    CAPTURE(width);
    auto doc = read_pdf(fs, "a.pdf", diags, kFrom, width, true);
    REQUIRE(doc);
    CHECK(doc->publication_read);
    CHECK(doc->published_ok);
    CHECK(doc->published_bytes == site->bytes);
    CHECK(doc->published_hidden_text == site->hidden_text);
    CHECK(doc->title == plain->title);
    CHECK(doc->page_texts == plain->page_texts);
    CHECK(doc->thumbnail_read == (width > 0));
  }
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("read_pdf asked to prepare publication still reports a broken or locked PDF as reading alone does") {
  MemoryFileSystem fs;
  fs.put("documents/locked.pdf", tiny_pdf("Hello", "", true));
  fs.put("documents/junk.pdf", "%PDF-1.4\nnot really");
  for (const char* name : {"locked.pdf", "junk.pdf"}) {
    CAPTURE(name);
    Diagnostics alone, prepared;
    CHECK_FALSE(read_pdf(fs, name, alone, kFrom, 150));
    CHECK_FALSE(read_pdf(fs, name, prepared, kFrom, 150, true));
    REQUIRE(alone.error_count() == 1);
    REQUIRE(prepared.error_count() == 1);
    CHECK(prepared.items()[0].message == alone.items()[0].message);
  }
}

}  // namespace kyosei
