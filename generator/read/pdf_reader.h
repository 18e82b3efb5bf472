// Reads a PDF under documents/ (会議資料・議事録) with poppler-cpp: its title,
// page count and the text of every page, for the public site and search.
//
// The bytes come through the FileSystem interface, so tests run on a
// MemoryFileSystem. Problems are reported, never thrown, at the place that
// referenced the file (e.g. meeting_sessions.csv line 12 column 資料) with
// the file named in the message:
//
//   documents/2026/第1回資料.pdf が見つかりません
//   documents/2026/第1回資料.pdf はPDFとして読めません
//   documents/2026/第1回資料.pdf はパスワードで保護されているため読めません
//
// poppler's own stderr chatter about damaged files is silenced.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"

namespace kyosei {

// True when path stays inside documents/: relative, no ".." segment, no
// empty segment, no backslash, colon or control character. Writers that copy
// documents rely on this before building an output path from it.
bool is_safe_document_path(std::string_view path);

// The file a session's PDF path really is, relative to `folder` ("documents"
// inside an inputs folder; "" when fs is rooted at a folder of PDFs, as for
// import --documents-from): "." segments and symbolic links resolved, so
// "./a.pdf" and a link to a.pdf are both "a.pdf". nullopt when the path or
// a link leads out of the folder. The one rule for the build's documents
// check and for what import copies.
std::optional<std::string> resolve_document(const FileSystem& fs, const std::string& folder, const std::string& path);

// Reads documents/<path_under_documents>. On failure reports an error at
// referenced_from and returns nullopt. Document::title is the PDF Title
// when it has one, else the file name without ".pdf". Page texts are in
// reading order, trailing white space trimmed.
// thumbnail_width > 0: page 1 is also rendered that wide, in the same
// child process (Document::thumbnail_*), for the site's thumbnails.
// prepare_publication: the same child also makes what
// pdf_for_publication_and_hidden_text would (Document::publication_read and
// published_*), one process per PDF instead of two. When that child does
// not finish, the PDF is read again without it (the site then publishes it
// on its own), so what is reported is what reading alone reports.
std::optional<Document> read_pdf(const FileSystem& fs, const std::string& path_under_documents,
                                 Diagnostics& diags, const Location& referenced_from, int thumbnail_width = 0,
                                 bool prepare_publication = false);

// The width of the site's document thumbnails (write/site/site_documents.cc).
inline constexpr int kDocumentThumbnailWidth = 150;

// A PDF whose page texts add up to more than this keeps only
// first_page_text; page_texts is left empty and page_texts_dropped set,
// so a 政令市 with dozens of long PDFs does not hold all of them at once.
inline constexpr std::size_t kMaxKeptTextBytes = 256 * 1024;

// Opens documents/<path_under_documents> again and calls fn(page_number,
// text) for each page in order (page_number from 1; text trimmed as in
// read_pdf), holding one page's text at a time. False, without calling fn,
// when the file cannot be read or opened (read_pdf has reported why).
bool for_each_pdf_page_text(const FileSystem& fs, const std::string& path_under_documents,
                            const std::function<void(int page_number, std::string text)>& fn);

// Every string of a PDF besides its page text (document information, XMP,
// outlines, annotations and link URLs, form fields, attachments), one per
// line, for the privacy guard; nullopt when the PDF cannot be read.
std::optional<std::string> pdf_hidden_text(std::string_view pdf_bytes);

// The PDF as it is published: document information, XMP metadata and
// attachments removed (qpdf, deterministic output); nullopt when qpdf
// cannot read it.
std::optional<std::string> pdf_for_publication(std::string_view pdf_bytes);

// Both of the above in one child process, as the site needs them: the
// published PDF (nullopt when qpdf cannot read it, as pdf_for_publication)
// and pdf_hidden_text of the published bytes (hidden_text nullopt when
// those cannot be read).
struct PublishedPdf {
  std::string bytes;
  std::optional<std::string> hidden_text;
};
std::optional<PublishedPdf> pdf_for_publication_and_hidden_text(std::string_view pdf_bytes);

// Every function here that opens a PDF does it in a child process
// (base/sandbox.h) limited in CPU time, wall time and memory, so a hostile
// PDF (nested form XObjects, a compressed 1 GB stream) becomes an error on
// that file. Limits: 20 s CPU, 60 s, 2048 MB; the environment variable
// KYOSEI_PDF_LIMITS="cpu,wall,MB" changes them.

// Makes the PDF library's global state once in this process and keeps it:
// every child forked from here then starts with it instead of making it
// for each PDF. The PDF zygote calls it before it serves, and build-all
// before it forks its builds. Reads only a PDF of kyosei's own, never an
// input, and starts no thread. false when poppler could not read even that.
bool prepare_pdf_library();

// For the fuzz target only: what the child would answer to task
// ("pdf-read", "pdf-pages", "pdf-render", "pdf-strings", "pdf-publish", "pdf-publish-scan"),
// computed in this process without limits.
std::string pdf_task_in_this_process(const std::string& task, const std::string& argument, const std::string& bytes);

// Pixels, 3 bytes (R, G, B) per pixel, row after row.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;
};

// Page 1 of documents/<path_under_documents> rendered width_px wide (height
// in proportion) on white, antialiased. nullopt when the file cannot be
// opened or has no page. The same PDF and fonts give the same pixels.
std::optional<RgbImage> render_pdf_first_page(const FileSystem& fs, const std::string& path_under_documents,
                                              int width_px);

}  // namespace kyosei
