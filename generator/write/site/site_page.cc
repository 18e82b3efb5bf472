#include "write/site/site_page.h"

#include "base/file_names.h"

#include <algorithm>

#include "read/pdf_reader.h"

namespace kyosei {

namespace {

bool is_slug_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string hex_byte(unsigned char c) {
  static const char digits[] = "0123456789ABCDEF";
  return {digits[c >> 4], digits[c & 15]};
}

std::vector<std::string_view> folders_of(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0, slash;
  while ((slash = path.find('/', start)) != std::string_view::npos) {
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

std::string root_prefix(std::string_view page_path) {
  std::string out;
  for (size_t i = 0; i < folders_of(page_path).size(); ++i) out += "../";
  return out;
}

std::string relative_link(std::string_view from_page, std::string_view to) {
  // A fragment is an id: no "/" or "." after the "#"; otherwise the "#" is
  // part of a file name ("資料 #1.pdf") and is percent-encoded with it.
  std::string_view fragment;
  if (auto hash = to.rfind('#'); hash != std::string_view::npos &&
                                 to.find_first_of("/.", hash) == std::string_view::npos) {
    fragment = to.substr(hash);
    to = to.substr(0, hash);
  }
  auto from_dirs = folders_of(from_page);
  auto to_dirs = folders_of(to);
  size_t common = 0;
  while (common < from_dirs.size() && common < to_dirs.size() && from_dirs[common] == to_dirs[common]) ++common;
  std::string out;
  for (size_t i = common; i < from_dirs.size(); ++i) out += "../";
  std::string rest;
  for (size_t i = common; i < to_dirs.size(); ++i) rest += std::string(to_dirs[i]) + "/";
  auto last_slash = to.rfind('/');
  rest += std::string(last_slash == std::string_view::npos ? to : to.substr(last_slash + 1));
  out += url_encode_path(rest);
  return out + std::string(fragment);
}

std::string url_encode_path(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (is_slug_char(c) || c == '.' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += "%" + hex_byte(c);
  }
  return out;
}

std::string page_slug(std::string_view id) {
  std::string out;
  for (unsigned char c : id) {
    if (is_slug_char(c))
      out += static_cast<char>(c);
    else
      out += "~" + hex_byte(c);
  }
  return out;
}

// fit_path: a long ID or PDF name is shortened to NAME_MAX (base/file_names.h).
std::string service_page_path(std::string_view service_id) { return "services/" + fit_file_name(page_slug(service_id) + ".html"); }
std::string meeting_page_path(std::string_view meeting_id) { return "meetings/" + fit_file_name(page_slug(meeting_id) + ".html"); }
std::string document_file_path(std::string_view path_under_documents) {
  return "documents/" + fit_path(path_under_documents);
}
std::string document_page_path(std::string_view path_under_documents) {
  return "documents/" + fit_path(std::string(path_under_documents) + ".html");
}
std::string document_thumbnail_path(std::string_view path_under_documents) {
  return "documents/" + fit_path(std::string(path_under_documents) + ".png");
}
std::string area_page_path(std::string_view area_id) { return "areas/" + fit_file_name(page_slug(area_id) + ".html"); }

bool is_published_document(const Dataset& ds, const std::string& path) {
  if (!is_safe_document_path(path) || !ds.find_document(path)) return false;
  bool referenced = false;
  for (const auto& s : ds.sessions) {
    if (std::find(s.documents.begin(), s.documents.end(), path) == s.documents.end()) continue;
    const Meeting* m = ds.find_meeting(s.meeting_id);
    if (!m || m->confidential) return false;
    referenced = true;
  }
  return referenced;
}

std::size_t document_size(const SiteContext& ctx, const std::string& path) {
  const Document* doc = ctx.ds.find_document(path);
  if (doc && doc->file_size) return doc->file_size;
  auto bytes = ctx.inputs.read("documents/" + path);
  return bytes ? bytes->size() : 0;
}

}  // namespace kyosei
