#include "cli/batch_commands.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <optional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <tuple>
#include <toml++/toml.h>

#include "base/parallel.h"
#include "base/sandbox.h"
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

// Builds one municipality in this process as `kyosei build` would, with
// stdout and stderr going to log for the time of the build; returns the
// exit status.
int build_one(const std::string& folder, const std::string& out, const CommonOptions& opt, const std::string& log) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
  int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (saved_out < 0 || saved_err < 0 || fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
    return kExitInternal;
  close(fd);
  int rc = kExitInternal;
  try {
    rc = run_build(folder, out, "", opt);
  } catch (const std::exception& e) {
    std::cerr << "内部エラー: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "内部エラー\n";
  }
  std::cout.clear();
  std::cerr.clear();
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  if (dup2(saved_out, STDOUT_FILENO) < 0 || dup2(saved_err, STDERR_FILENO) < 0) rc = kExitInternal;
  close(saved_out);
  close(saved_err);
  return rc;
}

// A worker: a fork of this process that builds the municipalities it is
// sent (their index, on `request`), one after the other, and answers each
// with its exit status (on `answer`). One worker per job, not one process
// per municipality: its memory, its PDF zygote and the caches of pure
// functions (word breaks, folding) serve every build it makes, instead of
// being made again and faulted in for each of 1,741 builds. A build that
// crashes ends only its worker: the parent sees the answer missing, marks
// that municipality failed and starts another worker.
struct Worker {
  pid_t pid = -1;
  int request = -1, answer = -1;  // this process's ends
  std::optional<size_t> entry;    // the municipality it is building
  std::string log;
};

// Before the fork, this process has started no thread and read only the
// 団体コード of each municipality, so the worker starts as clean as a new
// program; its PDF zygote is forked at once, before any input is read, so
// no municipality's data is ever in a PDF child's memory.
std::optional<Worker> start_worker(const std::string& parent, const std::string& out, const std::string& logs,
                                   const std::vector<BatchEntry>& entries, const CommonOptions& opt,
                                   const std::vector<Worker>& others) {
  int to_worker[2], from_worker[2];
  if (pipe2(to_worker, O_CLOEXEC) != 0) return std::nullopt;
  if (pipe2(from_worker, O_CLOEXEC) != 0) {
    close(to_worker[0]);
    close(to_worker[1]);
    return std::nullopt;
  }
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    close(to_worker[1]);
    close(from_worker[0]);
    // The other workers' pipes: held here, they would keep a worker the
    // parent has let go waiting for a request forever.
    for (const Worker& o : others) {
      close(o.request);
      close(o.answer);
    }
    sandbox_start_early();
    uint64_t i = 0;
    while (read(to_worker[0], &i, sizeof i) == static_cast<ssize_t>(sizeof i) && i < entries.size()) {
      const BatchEntry& e = entries[i];
      int32_t rc = build_one(parent + "/" + e.folder, out + "/" + e.folder, opt, logs + "/" + std::to_string(i) + ".log");
      if (write(from_worker[1], &rc, sizeof rc) != static_cast<ssize_t>(sizeof rc)) break;
    }
    std::exit(kExitOk);  // runs the exit handlers (the PDF zygote is stopped)
  }
  close(to_worker[0]);
  close(from_worker[1]);
  if (pid < 0) {
    close(to_worker[1]);
    close(from_worker[0]);
    return std::nullopt;
  }
  Worker w;
  w.pid = pid;
  w.request = to_worker[1];
  w.answer = from_worker[0];
  return w;
}

void stop_worker(Worker& w, int* wstatus = nullptr) {
  if (w.request >= 0) close(w.request);
  if (w.answer >= 0) close(w.answer);
  w.request = w.answer = -1;
  int status = 0;
  while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (wstatus) *wstatus = status;
  w.pid = -1;
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

  // A worker that has died makes writing its next request fail with
  // EPIPE (handled below) instead of killing this process.
  std::signal(SIGPIPE, SIG_IGN);
  warm_up_before_forks();
  const bool terminal = Progress::stderr_is_terminal() && !opt.quiet;
  Progress bar(entries.size(), terminal, std::chrono::milliseconds(0));
  const size_t jobs = static_cast<size_t>(opt.jobs > 0 ? opt.jobs : default_jobs());
  std::vector<int> status(entries.size(), -1);
  size_t next = 0, finished = 0;
  const std::vector<size_t> order = start_order(parent, entries);
  std::vector<Worker> workers;

  // What is said when a municipality has finished (rc), or its worker
  // ended while building it (ended, with the worker's wait status).
  auto finish = [&](size_t entry, const std::string& log, int rc, bool ended, int wstatus) {
    const BatchEntry& e = entries[entry];
    status[entry] = rc;
    ++finished;
    std::string text = read_log(log);
    fs::remove(log, ec);
    if (rc != kExitOk) {
      std::string what = ended && WIFSIGNALED(wstatus)
                             ? "異常終了しました（シグナル " + std::to_string(WTERMSIG(wstatus)) + "）"
                             : "作れませんでした（終了コード " + std::to_string(rc) + "）";
      if (!text.empty() && text.back() == '\n') text.pop_back();
      bar.message(text + (text.empty() ? "" : "\n") + parent + "/" + e.folder + ": " + label(e) + " は" + what);
    } else if (!terminal && !opt.quiet) {
      std::cout << "[" << finished << "/" << entries.size() << "] " << label(e) << " 完成\n" << std::flush;
    }
    bar.done(label(e));
  };

  while (next < entries.size() || !workers.empty()) {
    // Every idle worker gets the next municipality; workers are started
    // while there are fewer than jobs and work is left.
    for (size_t k = 0; next < entries.size(); ++k) {
      if (k == workers.size()) {
        if (workers.size() >= jobs) break;
        auto w = start_worker(parent, out, logs, entries, each, workers);
        if (!w) {
          if (!workers.empty()) break;  // the running ones take the rest
          const size_t i = order[next++];
          status[i] = kExitInternal;
          ++finished;
          bar.message(parent + "/" + entries[i].folder + ": kyosei build を起動できませんでした");
          bar.done(label(entries[i]));
          --k;
          continue;
        }
        workers.push_back(std::move(*w));
      }
      Worker& w = workers[k];
      if (w.entry) continue;
      const size_t i = order[next++];
      w.entry = i;
      w.log = logs + "/" + std::to_string(i) + ".log";
      uint64_t index = i;
      if (write(w.request, &index, sizeof index) != static_cast<ssize_t>(sizeof index)) {
        int wstatus = 0;
        stop_worker(w, &wstatus);
        finish(i, w.log, kExitInternal, true, wstatus);
        workers.erase(workers.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
      }
    }
    // No work left: idle workers are let go.
    if (next >= entries.size())
      for (size_t k = workers.size(); k-- > 0;)
        if (!workers[k].entry) {
          stop_worker(workers[k]);
          workers.erase(workers.begin() + static_cast<std::ptrdiff_t>(k));
        }
    if (workers.empty()) continue;
    std::vector<pollfd> fds;
    for (const Worker& w : workers) fds.push_back({w.answer, POLLIN, 0});
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (size_t k = workers.size(); k-- > 0;) {
      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Worker& w = workers[k];
      int32_t rc = 0;
      ssize_t n;
      do n = read(w.answer, &rc, sizeof rc);
      while (n < 0 && errno == EINTR);
      if (n == static_cast<ssize_t>(sizeof rc) && w.entry) {
        const size_t entry = *w.entry;
        w.entry.reset();
        finish(entry, w.log, rc, false, 0);
        continue;
      }
      // The worker ended (a crash during a build, or killed): its
      // municipality failed, the others go on in a new worker.
      int wstatus = 0;
      stop_worker(w, &wstatus);
      if (w.entry) finish(*w.entry, w.log, WIFEXITED(wstatus) && WEXITSTATUS(wstatus) != kExitOk ? WEXITSTATUS(wstatus) : kExitInternal, true, wstatus);
      workers.erase(workers.begin() + static_cast<std::ptrdiff_t>(k));
    }
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
