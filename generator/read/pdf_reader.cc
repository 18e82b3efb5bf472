#include "read/pdf_reader.h"

#include <algorithm>
#include <climits>
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cstdlib>
#include <functional>
#include <set>

#include "base/sandbox.h"
#include "base/text.h"
#include "read/pdf_parts.h"

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

// --- The child side: poppler and qpdf run only in a sandboxed child
// process (base/sandbox.h), which answers with length-prefixed fields:
// first a status ("ok", "broken", "locked", "memory"), then the task's data.

std::unique_ptr<poppler::document> load(const std::string& bytes) {
  silence_poppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return nullptr;
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
}

std::string status_only(const char* status) {
  std::string out;
  put_field(out, status);
  return out;
}

std::optional<RgbImage> render_first_page(const poppler::document& doc, int width_px);

// The published form of a PDF and the strings of that, as fields: "ok",
// the bytes, the strings' status ("ok" or "broken") and the strings; or
// "broken" alone when qpdf cannot rewrite it.
void put_publication(std::string& out, const std::string& bytes) {
  std::string published, strings;
  bool strings_ok = true;
  try {
    published = pdf_without_metadata(bytes);
    try {
      strings = pdf_object_strings(published);
    } catch (...) {
      strings_ok = false;
      strings.clear();
    }
  } catch (...) {
    put_field(out, "broken");
    return;
  }
  put_field(out, "ok");
  put_field(out, published);
  put_field(out, strings_ok ? "ok" : "broken");
  put_field(out, strings);
}

// pdf-read's argument: the thumbnail's width ("" or "0": none), then
// ",publish" when the PDF's published form is wanted too (put_publication,
// after the thumbnail's fields).
std::string child_read(const std::string& bytes, const std::string& argument) {
  const int thumbnail_width = std::atoi(argument.c_str());
  const bool publish = argument.find(",publish") != std::string::npos;
  auto doc = load(bytes);
  if (!doc) return status_only("broken");
  if (doc->is_locked()) return status_only("locked");
  std::string out;
  put_field(out, "ok");
  put_field(out, trim(utf8_of(doc->get_title())));
  int pages = doc->pages();
  put_field(out, std::to_string(pages));
  std::string first;
  std::vector<std::string> texts;
  std::size_t kept = 0;
  bool dropped = false;
  for (int i = 0; i < pages; ++i) {
    std::string text = page_text(*doc, i);
    if (i == 0) first = text;
    kept += text.size();
    if (kept > kMaxKeptTextBytes && !dropped) {
      dropped = true;
      texts.clear();
    }
    if (!dropped) texts.push_back(std::move(text));
  }
  put_field(out, first);
  put_field(out, dropped ? "1" : "0");
  // Page 1 as a thumbnail: a failure here leaves the text read.
  std::optional<RgbImage> image;
  if (thumbnail_width > 0) {
    try {
      image = render_first_page(*doc, thumbnail_width);
    } catch (...) {
      image.reset();
    }
  }
  put_field(out, image ? "1" : "0");
  if (image) {
    put_field(out, std::to_string(image->width));
    put_field(out, std::to_string(image->height));
    put_field(out, std::string_view(reinterpret_cast<const char*>(image->rgb.data()), image->rgb.size()));
  }
  if (publish) {
    doc.reset();  // poppler's memory is given back before qpdf's is taken
    image.reset();
    put_publication(out, bytes);
  }
  for (const auto& t : texts) put_field(out, t);
  return out;
}

std::string child_pages(const std::string& bytes) {
  auto doc = load(bytes);
  if (!doc || doc->is_locked()) return status_only("broken");
  std::string out;
  put_field(out, "ok");
  for (int i = 0; i < doc->pages(); ++i) put_field(out, page_text(*doc, i));
  return out;
}

std::string child_render(const std::string& bytes, int width_px) {
  auto doc = load(bytes);
  if (!doc || doc->is_locked()) return status_only("broken");
  auto image = render_first_page(*doc, width_px);
  if (!image) return status_only("broken");
  std::string out;
  put_field(out, "ok");
  put_field(out, std::to_string(image->width));
  put_field(out, std::to_string(image->height));
  put_field(out, std::string_view(reinterpret_cast<const char*>(image->rgb.data()), image->rgb.size()));
  return out;
}

std::string child_strings(const std::string& bytes) {
  std::string out;
  put_field(out, "ok");
  put_field(out, pdf_object_strings(bytes));
  return out;
}

std::string child_publish(const std::string& bytes) {
  std::string out;
  put_field(out, "ok");
  put_field(out, pdf_without_metadata(bytes));
  return out;
}

// pdf-publish and pdf-strings of its result in one child (one process per
// PDF instead of two): "ok", the published bytes, then the strings' own
// status ("ok", or "broken" when they could not be read) and the strings.
std::string child_publish_scan(const std::string& bytes) {
  std::string out;
  put_field(out, "ok");
  put_publication(out, bytes);
  return out;
}

std::string run_task(const std::string& task, const std::string& argument, const std::string& bytes) {
  try {
    if (task == "pdf-publish-scan") return child_publish_scan(bytes);
    if (task == "pdf-read") return child_read(bytes, argument);
    if (task == "pdf-pages") return child_pages(bytes);
    if (task == "pdf-render") return child_render(bytes, std::atoi(argument.c_str()));
    if (task == "pdf-strings") return child_strings(bytes);
    if (task == "pdf-publish") return child_publish(bytes);
  } catch (const std::bad_alloc&) {
    return status_only("memory");
  } catch (...) {
  }
  return status_only("broken");
}

// A one-page PDF of our own (a filled square, no fonts, no text) for
// prepare_pdf_library; the xref offsets are those of this text.
constexpr std::string_view kWarmUpPdf =
    "%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n"
    "3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]/Contents 4 0 R/Resources<<>>>>\nendobj\n"
    "4 0 obj\n<</Length 23>>stream\n0 0 1 rg 8 8 56 56 re f\nendstream\nendobj\n"
    "xref\n0 5\n0000000000 65535 f \n0000000009 00000 n \n0000000054 00000 n \n0000000105 00000 n \n"
    "0000000197 00000 n \ntrailer\n<</Size 5/Root 1 0 R>>\nstartxref\n267\n%%EOF\n";

// Runs in a sandbox child, before main(): does the task and exits.
[[maybe_unused]] const bool kIsChild = [] {
  sandbox_child_main([](const std::string& task, const std::string& argument,
                        const std::string& input) { return run_task(task, argument, input); },
                     [] { (void)prepare_pdf_library(); });
  return false;
}();

}  // namespace

bool prepare_pdf_library() {
  // poppler's globals (GlobalParams) live while a document is open, so one
  // stays open; reading and rendering it once also binds the library's
  // functions. Never an input: only kWarmUpPdf.
  static const std::unique_ptr<poppler::document> kept = [] {
    std::unique_ptr<poppler::document> doc;
    try {
      silence_poppler();
      doc.reset(poppler::document::load_from_raw_data(kWarmUpPdf.data(), static_cast<int>(kWarmUpPdf.size())));
      if (doc && !doc->is_locked() && doc->pages() == 1) {
        (void)page_text(*doc, 0);
        (void)render_first_page(*doc, 8);
      } else {
        doc.reset();
      }
    } catch (...) {
      doc.reset();
    }
    return doc;
  }();
  return kept != nullptr;
}

namespace {

// --- The parent side.

SandboxLimits pdf_limits() {
  SandboxLimits limits;
  // KYOSEI_PDF_LIMITS="cpu_seconds,wall_seconds,memory_mb" (tests use small ones).
  if (const char* env = std::getenv("KYOSEI_PDF_LIMITS")) {
    int cpu = 0, wall = 0;
    long mb = 0;
    if (std::sscanf(env, "%d,%d,%ld", &cpu, &wall, &mb) == 3 && cpu > 0 && wall > 0 && mb > 0) {
      limits.cpu_seconds = cpu;
      limits.wall_seconds = wall;
      limits.memory_mb = mb;
    }
  }
  return limits;
}

// The child's answer: status and fields; "timeout" or "failed" when the
// child did not finish.
struct Answer {
  std::string status;
  std::vector<std::string> fields;
};

Answer ask_child(const char* task, const std::string& argument, std::string_view bytes) {
  SandboxResult r = run_sandboxed(task, argument, bytes, pdf_limits());
  Answer a;
  if (r.outcome == SandboxOutcome::TimedOut) {
    a.status = "timeout";
    return a;
  }
  std::string_view in = r.output;
  if (r.outcome != SandboxOutcome::Finished || !get_field(in, a.status)) {
    a.status = "failed";
    return a;
  }
  std::string f;
  while (get_field(in, f)) a.fields.push_back(std::move(f));
  return a;
}

// The fields put_publication wrote, from fields[next] on; next is moved
// past them. nullopt when they say the PDF could not be rewritten (or are
// cut short; next is then past the end).
std::optional<PublishedPdf> take_publication(std::vector<std::string>& fields, size_t& next) {
  if (next >= fields.size() || fields[next] != "ok") {
    next = next < fields.size() && fields[next] == "broken" ? next + 1 : fields.size() + 1;
    return std::nullopt;
  }
  if (next + 4 > fields.size()) {
    next = fields.size() + 1;
    return std::nullopt;
  }
  PublishedPdf out;
  out.bytes = std::move(fields[next + 1]);
  if (fields[next + 2] == "ok") out.hidden_text = std::move(fields[next + 3]);
  next += 4;
  return out;
}

std::optional<std::string> document_bytes(const FileSystem& fs, const std::string& path_under_documents) {
  if (!is_safe_document_path(path_under_documents)) return std::nullopt;
  return fs.read("documents/" + path_under_documents);
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

std::optional<std::string> resolve_document(const FileSystem& fs, const std::string& folder, const std::string& path) {
  const std::string prefix = folder.empty() ? "" : folder + "/";
  auto resolved = fs.resolve(prefix + path);
  if (!resolved || resolved->rfind(prefix, 0) != 0 || resolved->size() == prefix.size()) return std::nullopt;
  return resolved->substr(prefix.size());
}

std::optional<Document> read_pdf(const FileSystem& fs, const std::string& path_under_documents,
                                 Diagnostics& diags, const Location& referenced_from, int thumbnail_width,
                                 bool prepare_publication) {
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
  const std::string width = thumbnail_width > 0 ? std::to_string(thumbnail_width) : "";
  Answer answer = ask_child("pdf-read", prepare_publication ? width + ",publish" : width, *bytes);
  if (prepare_publication && (answer.status == "timeout" || answer.status == "memory" || answer.status == "failed")) {
    // Perhaps only the publishing part failed: read as without it, so the
    // error is the one reading alone gives, and the site publishes the
    // PDF (or says why not) on its own.
    prepare_publication = false;
    answer = ask_child("pdf-read", width, *bytes);
  }
  if (answer.status == "timeout") {
    SandboxLimits l = pdf_limits();
    diags.error(referenced_from,
                shown + " を読むのに時間がかかりすぎるため中止しました（制限 " + std::to_string(l.cpu_seconds) +
                    " 秒）。極端に複雑なPDFか、壊れたPDFです",
                "通常のPDF（印刷機能で「PDFとして保存」し直すと直ることがあります）");
    return std::nullopt;
  }
  if (answer.status == "memory" || answer.status == "failed") {
    diags.error(referenced_from,
                shown + " を読む途中で止まりました（メモリの上限 " + std::to_string(pdf_limits().memory_mb) +
                    " MB を超えたか、PDFが壊れています）",
                "通常のPDF（印刷機能で「PDFとして保存」し直すと直ることがあります）");
    return std::nullopt;
  }
  if (answer.status == "locked") {
    diags.error(referenced_from, shown + " はパスワードで保護されているため読めません",
                "パスワードを解除したPDFファイル");
    return std::nullopt;
  }
  if (answer.status != "ok" || answer.fields.size() < 5 || (answer.fields[4] == "1" && answer.fields.size() < 8)) {
    diags.error(referenced_from, shown + " はPDFとして読めません",
                "壊れていないPDFファイル（PDFとして保存し直してください）");
    return std::nullopt;
  }

  Document out;
  out.path = path_under_documents;
  out.title = answer.fields[0];
  if (out.title.empty() || !is_valid_utf8(out.title)) out.title = title_from_file_name(path_under_documents);
  out.pages = std::atoi(answer.fields[1].c_str());
  out.file_size = bytes->size();
  out.first_page_text = answer.fields[2];
  out.page_texts_dropped = answer.fields[3] == "1";
  size_t texts_from = 5;
  out.thumbnail_read = thumbnail_width > 0;
  if (answer.fields[4] == "1") {
    texts_from = 8;
    int w = std::atoi(answer.fields[5].c_str()), h = std::atoi(answer.fields[6].c_str());
    // The same checks as render_pdf_first_page.
    if (w == thumbnail_width && h >= 1 && answer.fields[7].size() == static_cast<size_t>(w) * h * 3) {
      out.thumbnail_width = w;
      out.thumbnail_height = h;
      out.thumbnail_rgb = std::move(answer.fields[7]);
    }
  }
  if (prepare_publication) {
    auto published = take_publication(answer.fields, texts_from);
    if (texts_from > answer.fields.size()) {
      diags.error(referenced_from, shown + " はPDFとして読めません",
                  "壊れていないPDFファイル（PDFとして保存し直してください）");
      return std::nullopt;
    }
    out.publication_read = true;
    if (published) {
      out.published_ok = true;
      out.published_bytes = std::move(published->bytes);
      out.published_hidden_text = std::move(published->hidden_text);
    }
  }
  for (size_t i = texts_from; i < answer.fields.size(); ++i) out.page_texts.push_back(std::move(answer.fields[i]));
  return out;
}

bool for_each_pdf_page_text(const FileSystem& fs, const std::string& path_under_documents,
                            const std::function<void(int page_number, std::string text)>& fn) {
  auto bytes = document_bytes(fs, path_under_documents);
  if (!bytes) return false;
  Answer answer = ask_child("pdf-pages", "", *bytes);
  if (answer.status != "ok") return false;
  for (size_t i = 0; i < answer.fields.size(); ++i) fn(static_cast<int>(i + 1), std::move(answer.fields[i]));
  return true;
}

std::optional<RgbImage> render_pdf_first_page(const FileSystem& fs, const std::string& path_under_documents,
                                              int width_px) {
  auto bytes = document_bytes(fs, path_under_documents);
  if (!bytes || width_px < 1) return std::nullopt;
  Answer answer = ask_child("pdf-render", std::to_string(width_px), *bytes);
  if (answer.status != "ok" || answer.fields.size() != 3) return std::nullopt;
  RgbImage out;
  out.width = std::atoi(answer.fields[0].c_str());
  out.height = std::atoi(answer.fields[1].c_str());
  if (out.width != width_px || out.height < 1 ||
      answer.fields[2].size() != static_cast<size_t>(out.width) * out.height * 3)
    return std::nullopt;
  out.rgb.assign(answer.fields[2].begin(), answer.fields[2].end());
  return out;
}

std::string pdf_task_in_this_process(const std::string& task, const std::string& argument, const std::string& bytes) {
  return run_task(task, argument, bytes);
}

std::optional<std::string> pdf_hidden_text(std::string_view pdf_bytes) {
  Answer answer = ask_child("pdf-strings", "", pdf_bytes);
  if (answer.status != "ok" || answer.fields.size() != 1) return std::nullopt;
  return answer.fields[0];
}

std::optional<std::string> pdf_for_publication(std::string_view pdf_bytes) {
  Answer answer = ask_child("pdf-publish", "", pdf_bytes);
  if (answer.status != "ok" || answer.fields.size() != 1) return std::nullopt;
  return answer.fields[0];
}

std::optional<PublishedPdf> pdf_for_publication_and_hidden_text(std::string_view pdf_bytes) {
  Answer answer = ask_child("pdf-publish-scan", "", pdf_bytes);
  size_t next = 0;
  if (answer.status != "ok") return std::nullopt;
  auto out = take_publication(answer.fields, next);
  if (next != answer.fields.size()) return std::nullopt;
  return out;
}

namespace {

std::optional<RgbImage> render_first_page(const poppler::document& doc, int width_px) {
  if (doc.pages() < 1 || width_px < 1) return std::nullopt;
  std::unique_ptr<poppler::page> page(doc.create_page(0));
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

}  // namespace

}  // namespace kyosei
