#pragma once
// explore reproduce_fairness — the paper's question asked fairly (issue 14 item 3): does the
// TinyOps design space still beat the internal one when the internal one uses its best SRAM
// layout (placement/sram_layout.h: tflm, tinyengine, x-cube-ai)? And under which layout do
// the paper's internal baselines (the claims' baseline variants, e.g. mcunet-in2 on the
// 256 KiB F469, mcunet-in3 on the 320 KiB F746) fit?
//
// Steps of BuildFairness: 1. sweep the internal mode over `spaces` on every board once per
// layout (the runtime's kernels and latency unchanged, only the memory layout differs:
// placement::WithLayout); 2. per board, the most accurate feasible internal design of each
// layout and the most accurate feasible TinyOps design of `tinyops_front` (ties: the faster);
// TinyOps beats the internal space when its top-1 is higher than that of every layout's best;
// 3. each claim's baseline placed internally on its board under every layout. Nothing prints.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "explore/candidate.h"
#include "explore/evaluate.h"
#include "explore/reproduce.h"

namespace explore {

/// The most accurate feasible internal design of one board under one layout.
struct LayoutBest {
  std::string layout;
  std::optional<Candidate> best;  // nullopt when no design fits internally
  int feasible = 0;               // internal designs that fit under this layout
};

struct FairnessRow {
  std::string board;
  std::vector<LayoutBest> internal;  // one per layout, in registry order
  std::optional<Candidate> tinyops;  // the most accurate feasible TinyOps design
  std::string best_layout;           // the layout whose best internal design is most accurate
  bool tinyops_beats = false;        // TinyOps top-1 > every layout's best internal top-1
};

/// A claim's internal baseline on its board under one layout.
struct LayoutFit {
  std::string layout;
  int64_t sram_bytes = 0;  // internal SRAM needed, runtime reserve included
  bool fits = false;       // every internal constraint (SRAM and flash) met
  bool sram_fits = false;  // the SRAM constraint alone met
};

struct BaselineFits {
  std::string variant, board;
  int64_t board_sram_bytes = 0;
  std::vector<LayoutFit> layouts;
};

struct FairnessReport {
  std::vector<FairnessRow> boards;
  std::vector<BaselineFits> baselines;
};

struct FairnessInputs {
  std::vector<const searchspace::Space*> spaces;  // the internal design space
  std::vector<hw::Board> boards;
  const kernels::Runtime* runtime = nullptr;      // nullptr: the default runtime
  std::vector<Claim> claims;                      // their baselines are placed per layout
  std::vector<Candidate> tinyops_front;           // TinyOps candidates (any boards)
};

/// Steps 1-3. Errors are the sweep's or an unknown baseline variant or board.
util::Result<FairnessReport> BuildFairness(const FairnessInputs& in, const Models& models);

/// Text: one line per board and layout, then one line per baseline.
std::string FairnessText(const FairnessReport& report);
/// JSON: {"boards": [...], "baselines": [...]}.
nlohmann::json FairnessJson(const FairnessReport& report);

}  // namespace explore
