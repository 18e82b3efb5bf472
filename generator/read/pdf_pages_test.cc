// for_each_pdf_page_text, render_pdf_first_page and the limit on kept
// text (pdf_reader.h), on PDFs made here in memory.
#include <doctest/doctest.h>

#include <cstdio>
#include <vector>

#include "read/pdf_reader.h"

namespace kyosei {

namespace {

// A PDF of US-letter pages, each showing one line of Helvetica text.
std::string pages_pdf(const std::vector<std::string>& lines) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (const auto& line : lines) {
    // Each "\n" in a line starts a new text line (operator ').
    std::string shown = "(";
    for (char c : line) shown += c == '\n' ? std::string(") Tj T* (") : std::string(1, c);
    std::string content = "BT /F1 6 Tf 7 TL 20 760 Td " + shown + ") Tj ET 0 0 1 rg 72 72 200 100 re f";
    size_t page = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(page + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    kids += std::to_string(page) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(lines.size()) + " >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

const Location kFrom{"meeting_sessions.csv", 3, "資料"};

}  // namespace

TEST_CASE("for_each_pdf_page_text gives every page in order") {
  MemoryFileSystem fs;
  fs.put("documents/a.pdf", pages_pdf({"first page", "second page", "third page"}));
  std::vector<std::pair<int, std::string>> seen;
  CHECK(for_each_pdf_page_text(fs, "a.pdf", [&](int n, std::string text) { seen.push_back({n, text}); }));
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == std::pair<int, std::string>{1, "first page"});
  CHECK(seen[2] == std::pair<int, std::string>{3, "third page"});
  CHECK_FALSE(for_each_pdf_page_text(fs, "missing.pdf", [](int, std::string) {}));
  CHECK_FALSE(for_each_pdf_page_text(fs, "../a.pdf", [](int, std::string) {}));
  fs.put("documents/broken.pdf", "%PDF-1.4 not really");
  CHECK_FALSE(for_each_pdf_page_text(fs, "broken.pdf", [](int, std::string) {}));
}

TEST_CASE("read_pdf keeps the page texts of a small PDF and drops those of a big one") {
  MemoryFileSystem fs;
  fs.put("documents/small.pdf", pages_pdf({"one", "two"}));
  std::vector<std::string> long_lines;
  std::string filler;
  for (int line = 0; line < 90; ++line) filler += "\n" + std::string(100, 'x');
  for (int i = 0; i < 40; ++i) long_lines.push_back("PAGE" + std::to_string(i + 1) + filler);  // ~360 KB of text
  fs.put("documents/big.pdf", pages_pdf(long_lines));
  Diagnostics diags;
  auto small = read_pdf(fs, "small.pdf", diags, kFrom);
  REQUIRE(small);
  CHECK_FALSE(small->page_texts_dropped);
  CHECK(small->page_texts.size() == 2);
  CHECK(small->file_size == fs.read("documents/small.pdf")->size());
  auto big = read_pdf(fs, "big.pdf", diags, kFrom);
  REQUIRE(big);
  CHECK(big->pages == 40);
  CHECK(big->page_texts_dropped);
  CHECK(big->page_texts.empty());
  CHECK(big->first_page_text.rfind("PAGE1\n", 0) == 0);
  int pages = 0;
  CHECK(for_each_pdf_page_text(fs, "big.pdf", [&](int n, std::string text) {
    ++pages;
    CHECK(text.rfind("PAGE" + std::to_string(n) + "\n", 0) == 0);
  }));
  CHECK(pages == 40);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("render_pdf_first_page draws page 1 at the width asked, the same every time") {
  MemoryFileSystem fs;
  fs.put("documents/a.pdf", pages_pdf({"thumbnail", "page two"}));
  auto a = render_pdf_first_page(fs, "a.pdf", 150);
  REQUIRE(a);
  CHECK(a->width == 150);
  CHECK(a->height >= 193);  // 150 * 792 / 612 = 194
  CHECK(a->height <= 195);
  CHECK(a->rgb.size() == static_cast<size_t>(a->width * a->height * 3));
  // White paper with a blue box near the bottom left (72,72 .. 272,172 pt).
  auto pixel = [&](int x, int y) {
    const unsigned char* p = &a->rgb[(static_cast<size_t>(y) * a->width + x) * 3];
    return std::vector<int>{p[0], p[1], p[2]};
  };
  CHECK(pixel(2, 2) == std::vector<int>{255, 255, 255});
  CHECK(pixel(40, a->height - 30) == std::vector<int>{0, 0, 255});
  auto b = render_pdf_first_page(fs, "a.pdf", 150);
  REQUIRE(b);
  CHECK(a->rgb == b->rgb);
  CHECK_FALSE(render_pdf_first_page(fs, "missing.pdf", 150));
}

}  // namespace kyosei
