// The qpdf half of the print path (see pdf_print.h): chromium's PDF made
// reproducible, and split into parts. Both throw std::exception on bytes
// qpdf cannot read.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

// The PDF without creation and modification dates or creator string,
// without links to local files (file: URLs would name the temporary
// output folder), with an /ID computed from the content.
std::string pdf_reproducible(const std::string& bytes);

struct PdfPart {
  std::string title;  // the outline entry it starts at
  std::string bytes;  // reproducible, as above
};

// The PDF cut before each page a top-level outline entry points to; the
// pages before the first entry go with the first part.
std::vector<PdfPart> pdf_split_at_outline(const std::string& bytes);

}  // namespace kyosei
