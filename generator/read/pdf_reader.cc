#include "read/pdf_reader.h"

#include <algorithm>
#include <climits>
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
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

std::string page_text(const poppler::document& doc, int index) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return "";
  return trim(utf8_of(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
}

// A PDF opened from its bytes; poppler reads the buffer in place, so the
// bytes live as long as the document.
struct OpenPdf {
  std::string bytes;
  std::unique_ptr<poppler::document> doc;
};

std::optional<OpenPdf> open_pdf(const FileSystem& fs, const std::string& path_under_documents) {
  silence_poppler();
  if (!is_safe_document_path(path_under_documents)) return std::nullopt;
  auto bytes = fs.read("documents/" + path_under_documents);
  if (!bytes || bytes->size() > static_cast<size_t>(INT_MAX)) return std::nullopt;
  OpenPdf pdf{std::move(*bytes), nullptr};
  pdf.doc.reset(poppler::document::load_from_raw_data(pdf.bytes.data(), static_cast<int>(pdf.bytes.size())));
  if (!pdf.doc || pdf.doc->is_locked()) return std::nullopt;
  return pdf;
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
  out.file_size = bytes->size();
  std::size_t kept = 0;
  for (int i = 0; i < out.pages; ++i) {
    std::string text = page_text(*doc, i);
    if (i == 0) out.first_page_text = text;
    kept += text.size();
    if (kept > kMaxKeptTextBytes && !out.page_texts_dropped) {
      out.page_texts_dropped = true;
      out.page_texts.clear();
      out.page_texts.shrink_to_fit();
    }
    if (!out.page_texts_dropped) out.page_texts.push_back(std::move(text));
  }
  return out;
}

bool for_each_pdf_page_text(const FileSystem& fs, const std::string& path_under_documents,
                            const std::function<void(int page_number, std::string text)>& fn) {
  auto pdf = open_pdf(fs, path_under_documents);
  if (!pdf) return false;
  for (int i = 0; i < pdf->doc->pages(); ++i) fn(i + 1, page_text(*pdf->doc, i));
  return true;
}

std::optional<RgbImage> render_pdf_first_page(const FileSystem& fs, const std::string& path_under_documents,
                                              int width_px) {
  auto pdf = open_pdf(fs, path_under_documents);
  if (!pdf || pdf->doc->pages() < 1 || width_px < 1) return std::nullopt;
  std::unique_ptr<poppler::page> page(pdf->doc->create_page(0));
  if (!page) return std::nullopt;
  poppler::rectf box = page->page_rect();
  auto o = page->orientation();
  double width_pt = (o == poppler::page::landscape || o == poppler::page::seascape) ? box.height() : box.width();
  if (width_pt <= 0) return std::nullopt;
  double dpi = 72.0 * width_px / width_pt;

  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_paper_color(0xffffffff);
  renderer.set_image_format(poppler::image::format_bgr24);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() < 1 || img.height() < 1 || img.format() != poppler::image::format_bgr24)
    return std::nullopt;

  // Crop or pad to exactly width_px (the rounding of dpi may add a column).
  RgbImage out;
  out.width = width_px;
  out.height = img.height();
  out.rgb.assign(static_cast<size_t>(out.width) * out.height * 3, 0xff);
  const char* data = img.const_data();
  int copy_width = std::min(width_px, img.width());
  for (int y = 0; y < out.height; ++y) {
    const unsigned char* row = reinterpret_cast<const unsigned char*>(data + static_cast<size_t>(y) * img.bytes_per_row());
    unsigned char* dst = out.rgb.data() + static_cast<size_t>(y) * out.width * 3;
    for (int x = 0; x < copy_width; ++x) {
      dst[x * 3 + 0] = row[x * 3 + 2];
      dst[x * 3 + 1] = row[x * 3 + 1];
      dst[x * 3 + 2] = row[x * 3 + 0];
    }
  }
  return out;
}

}  // namespace kyosei
