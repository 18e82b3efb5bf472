// The qpdf half of PDF reading (see pdf_parts.h). Compiled as C++17:
// qpdf 11.3's JSON.hh does not compile as C++20 (std::vector of an
// incomplete type), see CMakeLists.txt.
#include "read/pdf_parts.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>

namespace kyosei {

namespace {

// Every string a reader of the PDF could see besides the page text: the
// document information (Author, Subject, Keywords …), the XMP metadata,
// outlines, annotations (comments, link URLs), form fields and the names,
// descriptions and contents of attachments, one per line. Strings are
// collected from every object of the file, so no part is forgotten.
void collect_strings(QPDFObjectHandle o, std::string& out, int depth) {
  if (depth > 64) return;
  if (o.isString()) {
    out += o.getUTF8Value();
    out += '\n';
  } else if (o.isArray()) {
    for (auto item : o.aitems())
      if (!item.isIndirect()) collect_strings(item, out, depth + 1);
  } else if (o.isDictionary() || o.isStream()) {
    QPDFObjectHandle dict = o.isStream() ? o.getDict() : o;
    for (auto item : dict.ditems()) {
      if (item.second.isName()) {
        out += item.second.getName();  // link targets and actions may be names
        out += '\n';
      }
      if (!item.second.isIndirect()) collect_strings(item.second, out, depth + 1);
    }
    if (o.isStream()) {
      QPDFObjectHandle type = dict.getKey("/Type"), subtype = dict.getKey("/Subtype");
      bool metadata = type.isName() && type.getName() == "/Metadata";
      bool attachment = type.isName() && type.getName() == "/EmbeddedFile";
      bool xml = subtype.isName() && subtype.getName() == "/XML";
      if (metadata || attachment || xml) {
        auto data = o.getStreamData(qpdf_dl_generalized);
        out.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        out += '\n';
      }
    }
  }
}

std::unique_ptr<QPDF> qpdf_open(const std::string& bytes) {
  auto q = std::make_unique<QPDF>();
  q->setSuppressWarnings(true);
  q->processMemoryFile("document.pdf", bytes.data(), bytes.size());
  return q;
}

}  // namespace

std::string pdf_object_strings(const std::string& bytes) {
  auto q = qpdf_open(bytes);
  std::string text;
  for (auto& o : q->getAllObjects()) collect_strings(o, text, 0);
  collect_strings(q->getTrailer(), text, 0);
  return text;
}

// The PDF as published: without document information, XMP metadata
// (anywhere in the file), page-piece data and attachments. Everything else
// is kept and checked by the privacy guard (pdf_hidden_text).
std::string pdf_without_metadata(const std::string& bytes) {
  auto q = qpdf_open(bytes);
  q->getTrailer().removeKey("/Info");
  for (auto& o : q->getAllObjects()) {
    QPDFObjectHandle dict = o.isStream() ? o.getDict() : o;
    if (!dict.isDictionary()) continue;
    for (const char* key : {"/Metadata", "/PieceInfo", "/AF"}) dict.removeKey(key);
  }
  QPDFObjectHandle root = q->getRoot();
  for (const char* key : {"/Metadata", "/PieceInfo", "/AF"}) root.removeKey(key);
  QPDFObjectHandle names = root.getKey("/Names");
  if (names.isDictionary()) names.removeKey("/EmbeddedFiles");
  QPDFWriter w(*q);
  w.setOutputMemory();
  w.setDeterministicID(true);
  w.write();
  auto buffer = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace kyosei
