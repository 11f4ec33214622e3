#include "util/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace {

TEST(ThreadPool, ParallelForCallsEveryIndexOnce) {
  for (int threads : {1, 2, 4}) {
    util::ThreadPool pool(threads);
    for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{1000}}) {
      std::vector<std::atomic<int>> calls(n);
      pool.ParallelFor(n, [&](size_t i) { ++calls[i]; });
      for (size_t i = 0; i < n; ++i) EXPECT_EQ(calls[i].load(), 1) << threads << " threads, n " << n;
    }
  }
}

TEST(ThreadPool, AsyncRunsOnWorkerWhileParallelForRuns) {
  util::ThreadPool pool(2);
  std::atomic<int> ran{0};
  std::future<void> done = pool.Async([&] { ran = 1; });
  std::atomic<int64_t> sum{0};
  pool.ParallelFor(100, [&](size_t i) { sum += static_cast<int64_t>(i); });
  done.get();
  EXPECT_EQ(ran.load(), 1);
  EXPECT_EQ(sum.load(), 4950);  // 0 + 1 + ... + 99
}

TEST(ThreadPool, AsyncWithoutWorkersRunsAtOnce) {
  util::ThreadPool pool(1);
  int ran = 0;
  std::future<void> done = pool.Async([&] { ran = 1; });
  EXPECT_EQ(ran, 1);  // already run on the caller
  done.get();
}

}  // namespace
