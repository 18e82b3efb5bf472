#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace kyosei {

Progress::Progress(std::size_t total, bool enabled, std::chrono::milliseconds delay)
    : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()), delay_(delay) {}

bool Progress::stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

void Progress::done(const std::string& what) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++count_;
  if (!enabled_ || std::chrono::steady_clock::now() - start_ < delay_) return;
  draw(what);
}

void Progress::message(const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  std::fprintf(stderr, "%s\n", text.c_str());
  if (drawn_) draw(last_);
  std::fflush(stderr);
}

void Progress::draw(const std::string& what) {
  last_ = what;
  constexpr std::size_t kWidth = 20;
  std::size_t filled = total_ ? count_ * kWidth / total_ : kWidth;
  std::string bar(filled, '#');
  bar += std::string(kWidth - filled, '-');
  // \r and "erase to end of line": the bar is redrawn in place.
  std::fprintf(stderr, "\r\033[K[%s] %zu/%zu  %s", bar.c_str(), count_, total_, what.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace kyosei
