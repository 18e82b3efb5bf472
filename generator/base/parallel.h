// A small fixed pool for independent pieces of one build: run f(0) … f(n-1)
// on up to `jobs` threads. Each f(i) writes only its own slot of the
// caller's results, so what is written afterwards does not depend on which
// thread ran what; with jobs <= 1 everything runs in order on the caller's
// thread (`kyosei build --jobs 1`, the reference the tests compare with).
//
//   std::vector<std::string> pages(n);
//   parallel_for(n, jobs, [&](size_t i) { pages[i] = render(i); });
//
// An exception thrown by f is re-thrown by parallel_for after every
// thread has stopped (the first one, by index).
#pragma once
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace kyosei {

// The number of threads to use when none is given: the machine's cores
// (at least 1).
int default_jobs();

// `order`, when not empty, is the sequence in which indices are started
// (the biggest pieces first keeps both cores busy to the end).
void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& f,
                  const std::vector<std::size_t>& order = {});

// One piece of work beside the caller's: with jobs > 1, f starts at once on
// a thread of its own; with jobs <= 1 it runs in wait(), on the caller's
// thread, where one step after the other would run it. wait() returns when
// f has finished and re-throws what f threw. A Background left without
// wait() (the caller threw) still waits for its thread, and drops what f
// threw.
//
//   Background pdfs(jobs, [&] { read_documents(...); });
//   ... other steps ...
//   pdfs.wait();
class Background {
 public:
  Background(int jobs, std::function<void()> f);
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  void wait();

 private:
  void run();
  std::function<void()> f_;
  std::thread thread_;
  std::exception_ptr failed_;
  bool ran_ = false;
};

}  // namespace kyosei
