#include "base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace kyosei {

TEST_CASE("Background: beside the caller with jobs > 1, in wait() with --jobs 1") {
  const std::thread::id caller = std::this_thread::get_id();
  for (int jobs : {1, 2}) {
    INFO("jobs " << jobs);
    int runs = 0;
    std::thread::id where;
    Background b(jobs, [&] {
      ++runs;
      where = std::this_thread::get_id();
    });
    b.wait();
    b.wait();  // once only
    CHECK(runs == 1);
    CHECK((where == caller) == (jobs == 1));
  }
}

TEST_CASE("Background: wait() re-throws; left without wait(), its thread is still joined") {
  for (int jobs : {1, 2}) {
    Background b(jobs, [] { throw std::runtime_error("壊れたPDF"); });
    CHECK_THROWS_WITH_AS(b.wait(), "壊れたPDF", std::runtime_error);
  }
  std::atomic<bool> finished{false};
  {
    Background b(2, [&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      finished = true;
    });
  }
  CHECK(finished);
}

}  // namespace kyosei
