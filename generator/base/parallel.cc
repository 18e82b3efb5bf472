#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

namespace kyosei {

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& f,
                  const std::vector<std::size_t>& order) {
  auto index_at = [&](std::size_t k) { return order.empty() ? k : order[k]; };
  const std::size_t count = order.empty() ? n : order.size();
  std::size_t threads = std::min<std::size_t>(jobs < 1 ? 1 : static_cast<std::size_t>(jobs), count);
  if (threads <= 1) {
    for (std::size_t k = 0; k < count; ++k) f(index_at(k));
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n);
  auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < count;) {
      std::size_t i = index_at(k);
      try {
        f(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

Background::Background(int jobs, std::function<void()> f) : f_(std::move(f)) {
  if (jobs > 1) thread_ = std::thread([this] { run(); });
}

Background::~Background() {
  if (thread_.joinable()) thread_.join();
}

void Background::run() {
  try {
    f_();
  } catch (...) {
    failed_ = std::current_exception();
  }
}

void Background::wait() {
  if (thread_.joinable()) thread_.join();
  else if (!ran_) run();
  ran_ = true;
  if (std::exception_ptr e = std::exchange(failed_, nullptr)) std::rethrow_exception(e);
}

}  // namespace kyosei
