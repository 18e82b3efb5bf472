#include "cli/batch_commands.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <tuple>
#include <toml++/toml.h>

#include "base/parallel.h"
#include "cli/progress.h"
#include "cli/warm_up.h"
#include "write/print/pdf_print.h"

namespace fs = std::filesystem;

namespace kyosei {

namespace {

std::optional<int> whole_number(const std::string& s) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(s);
}

// 団体コード of a municipality folder, as municipality.toml writes it (a
// string, or a number that lost its leading zero); "" when unreadable.
std::string code_of(const fs::path& folder) {
  try {
    toml::table t = toml::parse_file((folder / "municipality.toml").string());
    if (auto s = t["code"].value<std::string>()) return *s;
    if (auto i = t["code"].value<int64_t>()) {
      std::string c = std::to_string(*i);
      while (c.size() < 6) c = "0" + c;
      return c;
    }
  } catch (const std::exception&) {
  }
  return "";
}

// The shard a 団体コード belongs to (0-based): its first five digits (the
// code without the check digit) modulo count.
int shard_of(const std::string& code, int count) {
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoi(code.substr(0, 5)) % count;
}

struct Child {
  size_t entry;
  std::string log;
};

// Builds one municipality in a child process, a fork of this one, with
// stdout and stderr to log; returns its pid, or -1. A fork is not a fresh
// start of the program: the libraries are already linked (~13 ms saved per
// municipality), and this process has started no thread and read only the
// 団体コード of each municipality, so the child starts as clean as a new one.
pid_t fork_build(const std::string& folder, const std::string& out, const CommonOptions& opt, const std::string& log) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid != 0) return pid;
  int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0) _exit(kExitInternal);
  close(fd);
  int rc = kExitInternal;
  try {
    rc = run_build(folder, out, "", opt);
  } catch (const std::exception& e) {
    std::cerr << "内部エラー: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "内部エラー\n";
  }
  std::cout.flush();
  std::cerr.flush();
  std::exit(rc);  // runs the exit handlers of this build (its PDF zygote is stopped)
}

// The bytes of a municipality's inputs: how long its build takes, roughly.
std::uintmax_t input_bytes(const fs::path& folder) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

// The order builds are started in: biggest inputs first, so that a 政令市
// does not start last and leave the other jobs idle at the end (outputs and
// the final list of failures do not depend on it).
std::vector<size_t> start_order(const std::string& parent, const std::vector<BatchEntry>& entries) {
  std::vector<std::uintmax_t> bytes;
  for (const auto& e : entries) bytes.push_back(input_bytes(fs::path(parent) / e.folder));
  std::vector<size_t> order(entries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bytes[a] > bytes[b]; });
  return order;
}

std::string read_log(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string label(const BatchEntry& e) { return (e.code.empty() ? std::string("団体コード不明") : e.code) + " " + e.folder; }

}  // namespace

std::optional<Shard> parse_shard(const std::string& text) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto k = whole_number(text.substr(0, slash)), n = whole_number(text.substr(slash + 1));
  if (!k || !n || *n < 1 || *n > 100000 || *k < 1 || *k > *n) return std::nullopt;
  return Shard{*k, *n};
}

std::vector<BatchEntry> batch_entries(const std::string& parent, const Shard& shard) {
  std::vector<BatchEntry> out;
  std::error_code ec;
  for (const auto& d : fs::directory_iterator(parent, ec)) {
    if (!d.is_directory(ec) || !fs::exists(d.path() / "municipality.toml", ec)) continue;
    BatchEntry e{d.path().filename().string(), code_of(d.path())};
    if (shard_of(e.code, shard.count) == shard.index - 1) out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(),
            [](const BatchEntry& a, const BatchEntry& b) { return std::tie(a.code, a.folder) < std::tie(b.code, b.folder); });
  return out;
}

int run_build_all(const std::string& parent_in, const std::string& out_in, const Shard& shard, const CommonOptions& opt) {
  std::string parent = parent_in, out = out_in;
  while (parent.size() > 1 && parent.back() == '/') parent.pop_back();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) {
    std::cerr << "フォルダ「" << parent << "」がありません。団体ごとの入力フォルダを並べたフォルダを指定してください。\n";
    return kExitInvalidInput;
  }
  if (opt.pdf && !pdf_printer_available()) {
    std::cerr << pdf_printer_missing() << "\n";
    return kExitInvalidInput;
  }
  std::vector<BatchEntry> entries = batch_entries(parent, shard);
  if (entries.empty()) {
    std::cerr << "「" << parent << "」に団体の入力フォルダ（municipality.toml のあるフォルダ）がありません"
              << (shard.count > 1 ? "（--shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + " の分）" : "")
              << "。\n";
    return kExitInvalidInput;
  }
  fs::create_directories(out, ec);
  if (!fs::is_directory(out, ec)) {
    std::cerr << "出力フォルダ「" << out << "」を作れません。\n";
    return kExitInternal;
  }
  std::string logs = (fs::temp_directory_path(ec) / "kyosei-build-all-XXXXXX").string();
  if (!mkdtemp(logs.data())) {
    std::cerr << "作業用の一時フォルダを作れません。\n";
    return kExitInternal;
  }

  // Each municipality as `kyosei build -q --jobs 1` with the batch's other
  // options; the batch's parallelism is one municipality per job.
  CommonOptions each = opt;
  each.quiet = true;
  each.jobs = 1;
  each.backup = false;

  warm_up_before_forks();
  const bool terminal = Progress::stderr_is_terminal() && !opt.quiet;
  Progress bar(entries.size(), terminal, std::chrono::milliseconds(0));
  const size_t jobs = static_cast<size_t>(opt.jobs > 0 ? opt.jobs : default_jobs());
  std::map<pid_t, Child> running;
  std::vector<int> status(entries.size(), -1);
  size_t next = 0, finished = 0;
  const std::vector<size_t> order = start_order(parent, entries);
  while (next < entries.size() || !running.empty()) {
    while (next < entries.size() && running.size() < jobs) {
      const size_t i = order[next];
      const BatchEntry& e = entries[i];
      std::string log = logs + "/" + std::to_string(i) + ".log";
      pid_t pid = fork_build(parent + "/" + e.folder, out + "/" + e.folder, each, log);
      if (pid < 0) {
        status[i] = kExitInternal;
        bar.message(parent + "/" + e.folder + ": kyosei build を起動できませんでした");
        ++finished;
      } else {
        running[pid] = {i, log};
      }
      ++next;
    }
    if (running.empty()) continue;
    int wstatus = 0;
    pid_t pid = waitpid(-1, &wstatus, 0);
    if (pid < 0) break;
    auto it = running.find(pid);
    if (it == running.end()) continue;
    const Child child = it->second;
    running.erase(it);
    const BatchEntry& e = entries[child.entry];
    int rc = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : kExitInternal;
    status[child.entry] = rc;
    ++finished;
    std::string text = read_log(child.log);
    fs::remove(child.log, ec);
    if (rc != kExitOk) {
      std::string what = WIFSIGNALED(wstatus) ? "異常終了しました（シグナル " + std::to_string(WTERMSIG(wstatus)) + "）"
                                              : "作れませんでした（終了コード " + std::to_string(rc) + "）";
      if (!text.empty() && text.back() == '\n') text.pop_back();
      bar.message(text + (text.empty() ? "" : "\n") + parent + "/" + e.folder + ": " + label(e) + " は" + what);
    } else if (!terminal && !opt.quiet) {
      std::cout << "[" << finished << "/" << entries.size() << "] " << label(e) << " 完成\n" << std::flush;
    }
    bar.done(label(e));
  }
  bar.finish();
  fs::remove_all(logs, ec);

  std::vector<size_t> failed;
  for (size_t i = 0; i < entries.size(); ++i)
    if (status[i] != kExitOk) failed.push_back(i);
  if (!failed.empty()) {
    std::cerr << entries.size() << " 団体のうち " << failed.size() << " 団体を作れませんでした（ほかの団体の結果は "
              << out << "/ にあります。作れなかった団体の前回の出力はそのままです）:\n";
    for (size_t i : failed)
      std::cerr << "  " << label(entries[i]) << "（" << parent << "/" << entries[i].folder << "、"
                << (status[i] == kExitInvalidInput ? "入力の誤り" : "内部エラー") << "）\n";
    return kExitInvalidInput;
  }
  if (!opt.quiet)
    std::cout << entries.size() << " 団体すべてを作りました。結果は " << out << "/<フォルダ名>/ にあります。\n";
  return kExitOk;
}

}  // namespace kyosei
