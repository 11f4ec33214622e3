// Issue 13 item 7: predicted latency never falls when width or resolution rises, in any mode, on
// any built-in board, over every space's default grid, with the shipped coefficients
// (data/latency/coefficients.toml). Neighbouring grid points are compared where both fit the
// board in the mode (an infeasible point has no latency); a tolerance of 0.1 % covers rounding.

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <utility>

#include "explore/evaluate.h"
#include "latency/support.h"
#include "placement/mode.h"

namespace {

using latency_testing::Boards;

const latency::CoefficientFile& Shipped() {
  static const latency::CoefficientFile file = [] {
    auto loaded = latency::LoadCoefficients(std::string(DSE_SOURCE_DIR) +
                                            "/data/latency/coefficients.toml");
    EXPECT_TRUE(loaded.ok());
    return loaded.ok() ? std::move(loaded).value() : latency::CoefficientFile{};
  }();
  return file;
}

using Grid = std::map<std::pair<double, int>, double>;  // (width, resolution) -> latency ms

// Latency of every feasible grid point of `space` on `board` in `mode`.
Grid Latencies(const hw::Board& board, const std::string& mode,
               const std::vector<explore::VariantFacts>& facts) {
  const latency::BoardCoefficients coefs = latency::CoefficientsFor(board, Shipped());
  const explore::Target target{&board, nullptr, &coefs,
                               {mode, 0, true, &testing_support::DefaultBudgets()}, nullptr};
  Grid out;
  for (const explore::VariantFacts& f : facts) {
    auto e = explore::EvaluatePoint(f, target);
    EXPECT_TRUE(e.ok());
    if (e.ok() && e->candidate.latency_ms) {
      out[{f.variant.width, f.variant.resolution}] = *e->candidate.latency_ms;
    }
  }
  return out;
}

TEST(Monotone, LatencyNeverFallsWithWidthOrResolution) {
  int compared = 0;
  int tinyops_falls = 0;
  std::map<std::string, int> falls_per_board;
  for (const searchspace::Space& space : testing_support::BuiltinCatalog().spaces()) {
    if (space.fixed) continue;
    std::vector<explore::VariantFacts> facts;
    for (double w : space.widths) {
      for (int r : space.resolutions) {
        auto net = searchspace::Build(space, w, r);
        if (!net) continue;
        explore::VariantFacts f = explore::FactsOf(std::move(net).value());
        f.variant = {space.name, w, r, false};
        facts.push_back(std::move(f));
      }
    }
    for (const hw::Board& board : Boards().boards()) {
      for (const std::string& mode : placement::ModeIds()) {
        const Grid grid = Latencies(board, mode, facts);
        for (const auto& [key, ms] : grid) {
          const auto [w, r] = key;
          for (const auto& [other, other_ms] : grid) {
            const bool next_r = other.first == w && other.second > r;
            const bool next_w = other.second == r && other.first > w;
            if (!next_r && !next_w) continue;
            ++compared;
            if (mode == "tinyops") {  // known violations, counted below
              const int fell = other_ms < ms * 0.999 ? 1 : 0;
              tinyops_falls += fell;
              falls_per_board[board.name] += fell;
              continue;
            }
            EXPECT_GE(other_ms, ms * 0.999)
                << space.name << " " << board.name << " " << mode << ": w" << w << " r" << r
                << " " << ms << " ms > w" << other.first << " r" << other.second << " "
                << other_ms << " ms";
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 1000);
  // TinyOps falls at 121 neighbouring pairs (f469 8, f746 47, h743 39, m467 2, u585 25;
  // 2026-11-30, refitted coefficients; 91 before the refit and the ten new boards). Cause, e.g.
  // mbv3 r48 on the f469 (`dse partition`, `dse show --mode tinyops --per-op`): w0.15 80.6 ms,
  // w0.20 76.0 ms. Every op keeps the same partition factor; the difference is op 58 (the 1x1
  // classifier conv). Its 192,000 B filter at w0.15 fits the 230,320 B filter buffer, so the
  // plan DMAs it to SRAM (tinyops/plan_ops.cpp: filter_overlaid = filter bytes < buffer, a size
  // rule, not a price comparison): 36.1 ms, 32.3 ms of it exposed byte-wide DMA at 16.7 cycles/B.
  // At w0.20 its 256,000 B filter no longer fits and is read in place from external RAM at
  // 3.3 cycles/B plus crossings: 15.8 ms. A weight used once (1x1 spatial) costs more to DMA than
  // to read in place, so a wider net whose filter misses the buffer gets the cheaper plan. The
  // model follows TinyOps's rule (overlay whatever fits); this is an effect of that discrete
  // choice, not a pricing bug. A price-aware overlay choice in the partitioner would remove it.
  // The bound keeps it from growing unnoticed; internal and external are held strictly above.
  std::printf("tinyops: latency falls at %d neighbouring grid pairs\n", tinyops_falls);
  for (const auto& [name, n] : falls_per_board) {
    if (n > 0) std::printf("  %s %d\n", name.c_str(), n);
  }
  EXPECT_LE(tinyops_falls, 121);
}

}  // namespace
