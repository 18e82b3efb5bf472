#include "read/pdf_reader.h"

#include <climits>
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "base/text.h"

namespace kyosei {

namespace {

// poppler prints parse warnings to stderr; our diagnostics say it better.
void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler() {
  static const bool done = [] {
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
    return true;
  }();
  (void)done;
}

std::string utf8_of(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  std::string out(bytes.begin(), bytes.end());
  // Some producers end strings with NUL; they would only confuse HTML.
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

// "2026/第1回資料.pdf" -> "第1回資料".
std::string title_from_file_name(const std::string& path) {
  auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() > 4) {
    std::string ext = name.substr(name.size() - 4);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (ext == ".pdf") name.resize(name.size() - 4);
  }
  return name;
}

}  // namespace

bool is_safe_document_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg == "..") return false;
    start = end + 1;
  }
  return true;
}

std::optional<Document> read_pdf(const FileSystem& fs, const std::string& path_under_documents,
                                 Diagnostics& diags, const Location& referenced_from) {
  silence_poppler();
  const std::string shown = "documents/" + path_under_documents;
  if (!is_safe_document_path(path_under_documents)) {
    diags.error(referenced_from, "「" + path_under_documents + "」は documents/ フォルダの外を指しています",
                "documents/ からの相対パス（例: 2026/第1回資料.pdf）");
    return std::nullopt;
  }
  auto bytes = fs.read(shown);
  if (!bytes) {
    diags.error(referenced_from, shown + " が見つかりません",
                "documents/ フォルダに置いたPDFのパス（例: 2026/第1回資料.pdf）");
    return std::nullopt;
  }
  // poppler reads the buffer in place: `bytes` outlives `doc` in this scope.
  std::unique_ptr<poppler::document> doc;
  if (bytes->size() <= static_cast<size_t>(INT_MAX))
    doc.reset(poppler::document::load_from_raw_data(bytes->data(), static_cast<int>(bytes->size())));
  if (!doc) {
    diags.error(referenced_from, shown + " はPDFとして読めません",
                "壊れていないPDFファイル（PDFとして保存し直してください）");
    return std::nullopt;
  }
  if (doc->is_locked()) {
    diags.error(referenced_from, shown + " はパスワードで保護されているため読めません",
                "パスワードを解除したPDFファイル");
    return std::nullopt;
  }

  Document out;
  out.path = path_under_documents;
  out.title = trim(utf8_of(doc->get_title()));
  if (out.title.empty() || !is_valid_utf8(out.title)) out.title = title_from_file_name(path_under_documents);
  out.pages = doc->pages();
  for (int i = 0; i < out.pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text;
    if (page) text = trim(utf8_of(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
    out.page_texts.push_back(std::move(text));
  }
  if (!out.page_texts.empty()) out.first_page_text = out.page_texts.front();
  return out;
}

}  // namespace kyosei
