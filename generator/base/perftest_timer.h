// For the *_perftest.cc files: runs fn reps times and prints the mean time
// of one run beside what was measured.
#pragma once
#include <chrono>
#include <cstdio>

namespace kyosei {

template <typename Fn>
void print_time_per_run(const char* what, int reps, Fn&& fn) {
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) fn();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / reps;
  std::printf("%-40s %8.2f ms\n", what, ms);
}

}  // namespace kyosei
