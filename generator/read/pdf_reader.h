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
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"

namespace kyosei {

// True when path stays inside documents/: relative, no ".." segment, no
// empty segment, no backslash, colon or control character. Writers that copy
// documents rely on this before building an output path from it.
bool is_safe_document_path(std::string_view path);

// Reads documents/<path_under_documents>. On failure reports an error at
// referenced_from and returns nullopt. Document::title is the PDF Title
// when it has one, else the file name without ".pdf". Page texts are in
// reading order, trailing white space trimmed.
std::optional<Document> read_pdf(const FileSystem& fs, const std::string& path_under_documents,
                                 Diagnostics& diags, const Location& referenced_from);

}  // namespace kyosei
