#include "util/thread_pool.h"

#include <atomic>
#include <memory>

namespace util {

ThreadPool::ThreadPool(int threads) {
  for (int t = 1; t < threads; ++t) workers_.emplace_back([this] { Work(); });
}

ThreadPool::~ThreadPool() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void ThreadPool::Push(std::function<void()> job) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void ThreadPool::Work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

void ThreadPool::ParallelFor(size_t n, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  if (workers_.empty() || n == 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  // Shared with the helpers, which may still hold it after the last index has been handed out.
  struct State {
    std::atomic<size_t> next{0};
    std::mutex mutex;
    std::condition_variable finished;
    size_t done = 0;  // guarded by mutex
  };
  auto state = std::make_shared<State>();
  const std::function<void(size_t)>* body = &fn;
  const size_t total = n;
  const auto drain = [state, body, total] {
    size_t mine = 0;
    for (size_t i = state->next.fetch_add(1); i < total; i = state->next.fetch_add(1)) {
      (*body)(i);
      ++mine;
    }
    if (mine == 0) return;  // every index was taken: fn may already be gone
    const std::lock_guard<std::mutex> lock(state->mutex);
    state->done += mine;
    if (state->done == total) state->finished.notify_all();
  };
  const size_t helpers = std::min(workers_.size(), n - 1);
  for (size_t h = 0; h < helpers; ++h) Push(drain);
  drain();
  std::unique_lock<std::mutex> lock(state->mutex);
  state->finished.wait(lock, [&] { return state->done == total; });
}

std::future<void> ThreadPool::Async(std::function<void()> task) {
  auto packaged = std::make_shared<std::packaged_task<void()>>(std::move(task));
  std::future<void> result = packaged->get_future();
  if (workers_.empty()) {
    (*packaged)();
    return result;
  }
  Push([packaged] { (*packaged)(); });
  return result;
}

}  // namespace util
