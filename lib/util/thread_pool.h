#pragma once
// A fixed set of worker threads started once and reused, for work that comes in many small
// batches (a search evaluates a few hundred points between two strategy updates): starting
// threads per batch costs more than the batch on small machines.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace util {

class ThreadPool {
 public:
  /// A pool that runs work on `threads` threads in all: the caller of ParallelFor and
  /// threads - 1 workers (none for threads <= 1: everything then runs on the caller).
  explicit ThreadPool(int threads);
  /// Finishes the queued tasks, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  /// Calls fn(i) once for every i in [0, n), on the caller and the workers, and returns when
  /// every call has returned. Indices are handed out one at a time in increasing order, so a
  /// slow index does not hold up the others; fn must be safe to call from several threads.
  void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

  /// Runs `task` on a worker (at once on the caller when the pool has no worker). The future
  /// is ready when it has returned; tasks start in the order they were given.
  std::future<void> Async(std::function<void()> task);

 private:
  void Push(std::function<void()> job);
  void Work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace util
