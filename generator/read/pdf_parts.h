// PDF parts besides the page text, read and rewritten with qpdf. Called
// only inside the sandboxed child of pdf_reader.cc; both throw on a file
// qpdf cannot read.
#pragma once
#include <string>

namespace kyosei {

// Every string of every object, one per line, with the decoded XMP
// metadata and attachment streams (see pdf_reader.h pdf_hidden_text).
std::string pdf_object_strings(const std::string& bytes);

// The file without document information, XMP metadata, page-piece data
// and attachments, written deterministically.
std::string pdf_without_metadata(const std::string& bytes);

}  // namespace kyosei
