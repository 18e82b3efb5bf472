// Compiled as C++17, like read/pdf_parts.cc: qpdf 11.3's headers do not
// compile as C++20. The outline helpers include PointerHolder.hh, which
// asks new code to say it uses std::shared_ptr only (level 4).
#define POINTERHOLDER_TRANSITION 4
#include "write/print/pdf_rewrite.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <map>
#include <memory>
#include <stdexcept>

namespace kyosei {

namespace {

void load(QPDF& pdf, const std::string& bytes) {
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("print.pdf", bytes.data(), bytes.size());
}

void clean_info(QPDF& pdf, const std::string* title) {
  QPDFObjectHandle trailer = pdf.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  info.removeKey("/CreationDate");
  info.removeKey("/ModDate");
  info.removeKey("/Creator");  // chromium's user agent string
  if (title) info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(*title));
}

bool local_link(QPDFObjectHandle annot) {
  if (!annot.isDictionary()) return false;
  QPDFObjectHandle action = annot.getKey("/A");
  if (!action.isDictionary()) return false;
  QPDFObjectHandle uri = action.getKey("/URI");
  return uri.isString() && uri.getStringValue().rfind("file:", 0) == 0;
}

void drop_local_links(QPDF& pdf) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle dict = page.getObjectHandle();
    QPDFObjectHandle annots = dict.getKey("/Annots");
    if (!annots.isArray()) continue;
    QPDFObjectHandle kept = QPDFObjectHandle::newArray();
    for (int i = 0; i < annots.getArrayNItems(); ++i)
      if (!local_link(annots.getArrayItem(i))) kept.appendItem(annots.getArrayItem(i));
    if (kept.getArrayNItems() == 0) dict.removeKey("/Annots");
    else dict.replaceKey("/Annots", kept);
  }
}

// A part has no structure tree (it stays with the whole), so the keys that
// point into it are dropped; their numbers also vary between chromium runs.
void drop_structure_keys(QPDF& pdf) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle dict = page.getObjectHandle();
    dict.removeKey("/StructParents");
    QPDFObjectHandle annots = dict.getKey("/Annots");
    if (!annots.isArray()) continue;
    for (int i = 0; i < annots.getArrayNItems(); ++i)
      if (annots.getArrayItem(i).isDictionary()) annots.getArrayItem(i).removeKey("/StructParent");
  }
}

std::string written(QPDF& pdf) {
  QPDFWriter w(pdf);
  w.setOutputMemory();
  w.setDeterministicID(true);
  w.setObjectStreamMode(qpdf_o_generate);
  w.write();
  auto b = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

}  // namespace

std::string pdf_reproducible(const std::string& bytes) {
  QPDF pdf;
  load(pdf, bytes);
  clean_info(pdf, nullptr);
  drop_local_links(pdf);
  return written(pdf);
}

std::vector<PdfPart> pdf_split_at_outline(const std::string& bytes) {
  QPDF pdf;
  load(pdf, bytes);
  drop_local_links(pdf);
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::map<QPDFObjGen, size_t> index;
  for (size_t i = 0; i < pages.size(); ++i) index[pages[i].getObjectHandle().getObjGen()] = i;
  std::vector<std::pair<size_t, std::string>> starts;
  QPDFOutlineDocumentHelper outlines(pdf);
  for (auto& entry : outlines.getTopLevelOutlines()) {
    QPDFObjectHandle page = entry.getDestPage();
    auto found = page.isNull() ? index.end() : index.find(page.getObjGen());
    if (found == index.end()) continue;
    if (!starts.empty() && found->second <= starts.back().first)
      throw std::runtime_error("outline entries do not start on pages of their own");
    starts.push_back({found->second, entry.getTitle()});
  }
  if (starts.empty()) throw std::runtime_error("the PDF has no outline");
  starts.front().first = 0;
  QPDFObjectHandle lang = pdf.getRoot().getKey("/Lang");
  std::vector<PdfPart> parts;
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? starts[i + 1].first : pages.size();
    QPDF out;
    out.emptyPDF();
    QPDFPageDocumentHelper out_pages(out);
    for (size_t p = starts[i].first; p < end; ++p) out_pages.addPage(pages[p], false);
    drop_structure_keys(out);
    if (lang.isString()) out.getRoot().replaceKey("/Lang", QPDFObjectHandle::newString(lang.getStringValue()));
    clean_info(out, &starts[i].second);
    // The producer is the same as the whole's.
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary() && info.getKey("/Producer").isString())
      out.getTrailer().getKey("/Info").replaceKey("/Producer", info.getKey("/Producer").shallowCopy());
    parts.push_back({starts[i].second, written(out)});
  }
  return parts;
}

}  // namespace kyosei
