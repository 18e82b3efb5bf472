#include "write/common/output_folder.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>

#include "base/file_system.h"
#include "base/parallel.h"
#include "base/sha256.h"
#include "base/text.h"

namespace fs = std::filesystem;

namespace kyosei {

namespace {

constexpr const char* kLegacyMarker = "kyosei\n";  // before the manifest

bool is_own_control_file(const std::string& rel) {
  return rel == OutputFolder::kMarker || rel == OutputFolder::kLock;
}

// Every non-folder entry under root (symlinks not followed), as sorted
// relative paths with their type.
std::vector<std::pair<std::string, fs::file_status>> entries_under(const std::string& root) {
  std::vector<std::pair<std::string, fs::file_status>> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::file_status st = it->symlink_status(ec);
    if (fs::is_directory(st)) continue;
    // Lexical: fs::relative would resolve both paths on disk for every file.
    std::string rel = it->path().lexically_relative(root).generic_string();
    if (!is_own_control_file(rel)) out.emplace_back(rel, st);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// sha256sum's escaping: a name with a backslash or a line break is written
// with them escaped and the line starts with a backslash.
std::string manifest_line(const std::string& hash, const std::string& path) {
  if (path.find_first_of("\\\n\r") == std::string::npos) return hash + "  " + path + "\n";
  std::string escaped;
  for (char c : path) escaped += c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
  return "\\" + hash + "  " + escaped + "\n";
}

mode_t folder_mode() {
  mode_t m = umask(0);
  umask(m);
  return 0777 & ~m;
}

// Files in the existing target that the swap would lose: not in the
// manifest, or changed since. Each with the reason.
std::vector<std::pair<std::string, std::string>> foreign_files(const std::string& target, int jobs) {
  std::vector<std::pair<std::string, std::string>> out;
  auto marker = read_file(target + "/" + OutputFolder::kMarker);
  if (!marker || *marker == kLegacyMarker) return out;  // written before manifests: trusted
  auto manifest = parse_output_manifest(*marker);
  std::map<std::string, std::string> known;
  if (manifest)
    for (auto& [path, hash] : *manifest) known[path] = hash;
  // Hashed on --jobs threads: a 政令市's output is hundreds of MB.
  auto entries = entries_under(target);
  std::vector<const char*> why(entries.size(), nullptr);
  parallel_for(entries.size(), jobs, [&](size_t i) {
    const auto& [rel, st] = entries[i];
    auto it = known.find(rel);
    if (it == known.end() || !fs::is_regular_file(st)) {
      why[i] = "kyosei が書いていないファイルです";
      return;
    }
    auto bytes = read_file(target + "/" + rel);
    if (!bytes || sha256_hex(*bytes) != it->second) why[i] = "kyosei が前回書いた後に変更されています";
  });
  for (size_t i = 0; i < entries.size(); ++i)
    if (why[i]) out.emplace_back(entries[i].first, why[i]);
  return out;
}

// "<name>.del-XXXXXX": a temporary folder being removed. No build uses such
// a folder, so any left by a kill is removed by the next build.
fs::path deleting_name(const fs::path& temp) {
  std::string name = temp.filename().string();
  size_t at = name.rfind(".tmp-");
  if (at == std::string::npos) return {};
  return temp.parent_path() / (name.substr(0, at) + ".del-" + name.substr(at + 5));
}

// Renames a temporary folder out of the way in one step, then removes it:
// a kill at any moment leaves either the whole folder (lock and manifest
// still inside, so the next build knows it) or a ".del-" folder.
void remove_temp_folder(const fs::path& folder) {
  std::error_code ec;
  fs::path doomed = deleting_name(folder);
  if (doomed.empty() || ::rename(folder.c_str(), doomed.c_str()) != 0) doomed = folder;
  fs::remove_all(doomed, ec);
}

// Removes "<name>.tmp-*" folders beside the target that no running build
// holds (left by a run that was killed) and "<name>.del-*" folders.
void remove_stale_temp_folders(const fs::path& parent, const std::string& name) {
  std::error_code ec;
  const std::string prefix = name + ".tmp-", deleting = name + ".del-";
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    std::string entry = e.path().filename().string();
    if (entry.size() != prefix.size() + 6) continue;
    bool temp = entry.compare(0, prefix.size(), prefix) == 0;
    if (!temp && entry.compare(0, deleting.size(), deleting) != 0) continue;
    if (!e.is_directory(ec) || e.is_symlink(ec)) continue;
    if (!temp) {
      fs::remove_all(e.path(), ec);
      continue;
    }
    std::string lock = (e.path() / OutputFolder::kLock).string();
    int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      // No lock: an old output left by a swap (it has a manifest), or a
      // folder made by mkdtemp and not yet locked. An empty one is removed
      // at once (rmdir removes only an empty folder; a build whose folder
      // goes this way makes another), since its maker may have been killed.
      if (::rmdir(e.path().c_str()) == 0) continue;
      struct stat st {};
      bool has_marker = fs::exists(e.path() / OutputFolder::kMarker, ec);
      bool old = ::stat(e.path().c_str(), &st) == 0 && st.st_mtime + 10 < time(nullptr);
      if (has_marker || old) remove_temp_folder(e.path());
      continue;
    }
    bool free = flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    if (free) remove_temp_folder(e.path());
  }
}

std::string backup_name(const fs::path& parent, const std::string& name) {
  time_t now = time(nullptr);
  struct tm tm {};
  localtime_r(&now, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  std::string base = (parent / (name + ".退避-" + buf)).string(), candidate = base;
  std::error_code ec;
  for (int n = 2; fs::exists(candidate, ec); ++n) candidate = base + "-" + std::to_string(n);
  return candidate;
}

bool inside(const fs::path& folder, const fs::path& root) {
  auto f = folder.begin(), r = root.begin();
  for (; r != root.end(); ++r, ++f) {
    if (r->empty()) continue;  // a trailing separator
    if (f == folder.end() || *f != *r) return false;
  }
  return true;
}

}  // namespace

std::string output_manifest(const std::string& root, int jobs, const WriteJournal* journal) {
  auto entries = entries_under(root);
  std::vector<std::string> lines(entries.size());
  parallel_for(entries.size(), jobs, [&](size_t i) {
    const std::string path = root + "/" + entries[i].first;
    if (journal && fs::is_regular_file(entries[i].second)) {
      struct stat st {};
      auto known = journal->find(path);
      if (known && ::lstat(path.c_str(), &st) == 0 && static_cast<unsigned long long>(st.st_size) == known->size &&
          static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec == known->mtime_ns) {
        lines[i] = manifest_line(known->sha256, entries[i].first);
        return;
      }
    }
    auto bytes = read_file(path);
    lines[i] = manifest_line(sha256_hex(bytes ? *bytes : std::string()), entries[i].first);
  });
  std::string out;
  for (const auto& line : lines) out += line;
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_output_manifest(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    bool escaped = line[0] == '\\';
    if (escaped) line.erase(0, 1);
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0) return std::nullopt;
    std::string hash = line.substr(0, 64), path = line.substr(66);
    if (hash.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    if (escaped) {
      std::string raw;
      for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size()) {
          char c = path[++i];
          raw += c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
          raw += path[i];
        }
      }
      path = raw;
    }
    out.emplace_back(path, hash);
  }
  return out;
}

bool OutputFolder::refuse_inside(const std::string& target, const std::string& folder, const std::string& what,
                                 Diagnostics& diags) {
  std::error_code ec;
  fs::path t = fs::weakly_canonical(fs::absolute(target, ec), ec);
  fs::path f = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  if (t.empty() || f.empty() || !inside(f, t)) return false;
  diags.error({folder}, what + "が出力フォルダ「" + target + "」の中にあります。出力フォルダは作り直されるため、" + what +
                            "が消えてしまいます",
              "出力フォルダの外にある" + what + "（例: kyosei build 令和8年度 -o out）");
  return true;
}

std::unique_ptr<OutputFolder> OutputFolder::open(const std::string& target_in, Diagnostics& diags,
                                                 OutputFolderOptions options) {
  std::string target = target_in;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  std::error_code ec;
  fs::path parent = fs::absolute(target, ec).parent_path();
  std::string name = fs::path(target).filename().string();
  if (fs::is_directory(parent, ec)) remove_stale_temp_folders(parent, name);
  if (fs::exists(fs::symlink_status(target, ec))) {
    bool is_dir = fs::is_directory(fs::symlink_status(target, ec));
    bool empty = is_dir && fs::directory_iterator(target, ec) == fs::directory_iterator();
    if (!is_dir || (!empty && !fs::exists(fs::path(target) / kMarker, ec))) {
      diags.error({target}, "出力先が kyosei の出力フォルダではないため、上書きしません",
                  "空のフォルダ、まだないフォルダ、または以前 kyosei が出力したフォルダ（-o で指定）");
      return nullptr;
    }
    if (!options.backup_foreign) {
      auto foreign = foreign_files(target, options.jobs);
      for (const auto& [rel, why] : foreign)
        diags.error({target + "/" + rel}, why + "。出力フォルダを作り直すと失われるため、上書きしません",
                    "このファイルを出力フォルダの外へ移す、または --backup を付けて「" + name +
                        ".退避-日時」フォルダへ移す");
      if (!foreign.empty()) return nullptr;
    }
  }
  fs::create_directories(parent, ec);
  std::string pattern;
  int fd = -1;
  // Another build's clean-up removes a folder that is still empty; then
  // the lock cannot be made in it (ENOENT) and another folder is made.
  for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
    pattern = (parent / (name + ".tmp-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) {
      diags.error({target}, "一時フォルダを作れません（書き込み権限を確認してください）", "書き込みできるフォルダ");
      return nullptr;
    }
    // mkdtemp makes 0700 whatever the umask; the output follows the umask.
    ::chmod(pattern.c_str(), folder_mode());
    fd = ::open((pattern + "/" + kLock).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 && errno != ENOENT) break;
  }
  if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 || !write_file(pattern + "/" + kMarker, kLegacyMarker)) {
    if (fd >= 0) ::close(fd);
    remove_temp_folder(pattern);
    diags.error({target}, "一時フォルダに書き込めません（書き込み権限と空き容量を確認してください）", "書き込みできるフォルダ");
    return nullptr;
  }
  return std::unique_ptr<OutputFolder>(new OutputFolder(target, pattern, fd, options));
}

bool OutputFolder::commit(Diagnostics& diags) {
  std::error_code ec;
  set_write_journal(nullptr);  // everything is written
  if (!write_file(temp_ + "/" + kMarker, output_manifest(temp_, options_.jobs, journal_.get()))) {
    diags.error({target_}, "出力フォルダの目録（" + std::string(kMarker) + "）を書けません（空き容量を確認してください）",
                "書き込みできるフォルダ");
    return false;
  }
  bool exists = fs::exists(fs::symlink_status(target_, ec));
  if (exists) {
    // Files changed or added since open() are caught here too.
    auto foreign = foreign_files(target_, options_.jobs);
    if (!foreign.empty() && !options_.backup_foreign) {
      for (const auto& [rel, why] : foreign)
        diags.error({target_ + "/" + rel}, why + "（作成中に置かれました）。上書きしません", "出力フォルダの外へ移す");
      return false;
    }
    if (!foreign.empty()) {
      fs::path parent = fs::absolute(target_, ec).parent_path();
      backup_ = backup_name(parent, fs::path(target_).filename().string());
      for (const auto& [rel, why] : foreign) {
        fs::path to = fs::path(backup_) / rel;
        fs::create_directories(to.parent_path(), ec);
        if (::rename((target_ + "/" + rel).c_str(), to.c_str()) != 0) {
          diags.error({target_ + "/" + rel}, "退避フォルダ「" + backup_ + "」へ移せません", "書き込みできるフォルダ");
          return false;
        }
        moved_.push_back(rel);
      }
    }
    // Swap both folders in one step; the old output lands at temp_ and is removed.
    if (renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
      diags.error({target_}, "出力フォルダを入れ替えられません", "書き込みできるフォルダ");
      return false;
    }
  } else if (rename(temp_.c_str(), target_.c_str()) != 0) {
    diags.error({target_}, "出力フォルダを作れません", "書き込みできるフォルダ");
    return false;
  }
  committed_ = true;
  ::unlink((target_ + "/" + kLock).c_str());
  ::close(lock_fd_);
  lock_fd_ = -1;
  remove_temp_folder(temp_);  // the previous output, now at temp_
  return true;
}

Diagnostics OutputFolder::about_target(const Diagnostics& diags) const {
  const std::string temp_name = fs::path(temp_).filename().string();
  const std::string target_name = fs::path(target_).filename().string();
  auto in_target = [&](std::string s) {
    replace_all(s, temp_, target_);            // the absolute path the writers were given
    replace_all(s, temp_name, target_name);  // and its name alone
    return s;
  };
  Diagnostics out;
  for (Diagnostic d : diags.items()) {
    d.where.file = in_target(d.where.file);
    d.message = in_target(d.message);
    d.expected = in_target(d.expected);
    out.add(std::move(d));
  }
  return out;
}

OutputFolder::OutputFolder(std::string target, std::string temp, int lock_fd, OutputFolderOptions options)
    : target_(std::move(target)), temp_(std::move(temp)), lock_fd_(lock_fd), options_(options),
      journal_(std::make_unique<WriteJournal>()) {
  set_write_journal(journal_.get());
}

OutputFolder::~OutputFolder() {
  set_write_journal(nullptr);
  if (lock_fd_ >= 0) ::close(lock_fd_);
  if (committed_) return;
  remove_temp_folder(temp_);
}

}  // namespace kyosei
