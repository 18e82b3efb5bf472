// A progress bar on stderr for work that takes more than a moment:
//
//   [##########----------] 12/24  政令市A（131008）
//
// Shown only when stderr is a terminal (never in logs, pipes or tests) and
// only once the work has taken longer than `delay` — a small town's build
// finishes before anything is drawn. done() may be called from any thread.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace kyosei {

class Progress {
 public:
  Progress(std::size_t total, bool enabled, std::chrono::milliseconds delay = std::chrono::milliseconds(1500));
  ~Progress() { finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One more piece is done; `what` names it.
  void done(const std::string& what);
  // Prints a line (or lines) to stderr above the bar.
  void message(const std::string& text);
  // Clears the bar (when one was drawn).
  void finish();

  // Whether stderr is a terminal.
  static bool stderr_is_terminal();

 private:
  void draw(const std::string& what);
  std::mutex mutex_;
  std::size_t total_, count_ = 0;
  std::string last_;
  bool enabled_, drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::milliseconds delay_;
};

// kyosei build's progress: one step per output writer.
class BuildProgress : public Progress {
 public:
  BuildProgress(std::size_t writers, bool quiet) : Progress(writers, !quiet && stderr_is_terminal()) {}
};

}  // namespace kyosei
