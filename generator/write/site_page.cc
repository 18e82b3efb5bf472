#include "write/site_page.h"

#include <algorithm>

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
  std::string_view fragment;
  if (auto hash = to.find('#'); hash != std::string_view::npos) {
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

std::string service_page_path(std::string_view service_id) { return "services/" + page_slug(service_id) + ".html"; }
std::string meeting_page_path(std::string_view meeting_id) { return "meetings/" + page_slug(meeting_id) + ".html"; }
std::string document_file_path(std::string_view path_under_documents) {
  return "documents/" + std::string(path_under_documents);
}

}  // namespace kyosei
