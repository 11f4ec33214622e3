#pragma once
// explore reproduce_fairness — the paper's question asked fairly (issue 14 item 3): does the
// TinyOps design space still beat the internal one when the internal one uses its best SRAM
// layout (placement/sram_layout.h: tflm, tinyengine, x-cube-ai) and its best schedule (the
// internal-memory modes: internal and the opt-in patch, reorder, pex)? And under which layout
// and schedule do the paper's internal baselines (the claims' baseline variants, e.g.
// mcunet-in2 on the 256 KiB F469, mcunet-in3 on the 320 KiB F746) fit?
//
// Steps of BuildFairness: 1. sweep the internal-memory modes (InternalSpaceModes) over `spaces`
// on every board once per layout (the runtime's kernels unchanged, only the memory layout
// differs: placement::WithLayout; each schedule's latency overhead counted by its mode);
// 2. per board, the most accurate feasible design of each layout over those modes and the most
// accurate feasible TinyOps design of `tinyops_front` (ties: the faster); TinyOps beats the
// internal space when its top-1 is higher than that of every layout's best; 3. each claim's
// baseline placed on its board under every layout and internal-memory mode. Nothing prints.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "explore/candidate.h"
#include "explore/evaluate.h"
#include "explore/reproduce.h"

namespace explore {

/// The modes of the internal design space: "internal", then the opt-in schedules.
std::vector<std::string> InternalSpaceModes();

/// The most accurate feasible internal design of one board under one layout, any schedule.
struct LayoutBest {
  std::string layout;
  std::optional<Candidate> best;  // nullopt when no design fits internally; its mode = schedule
  int feasible = 0;               // designs that fit in at least one internal-memory mode
};

struct FairnessRow {
  std::string board;
  std::vector<LayoutBest> internal;  // one per layout, in registry order
  std::optional<Candidate> tinyops;  // the most accurate feasible TinyOps design
  std::string best_layout;           // the layout whose best internal design is most accurate
  bool tinyops_beats = false;        // TinyOps top-1 > every layout's best internal top-1
};

/// A claim's internal baseline on its board under one layout and internal-memory mode.
struct LayoutFit {
  std::string layout;
  std::string mode;        // "internal" or an opt-in schedule
  int64_t sram_bytes = 0;  // predicted internal SRAM needed, runtime reserve included
  bool fits = false;       // every internal constraint (SRAM and flash) met
  bool sram_fits = false;  // the SRAM constraint alone met
};

struct BaselineFits {
  std::string variant, board;
  int64_t board_sram_bytes = 0;
  std::vector<LayoutFit> layouts;  // layout-major, modes in InternalSpaceModes order
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

/// Text: one line per board and layout, then per baseline one line per layout.
std::string FairnessText(const FairnessReport& report);
/// JSON: {"boards": [...], "baselines": [...]}.
nlohmann::json FairnessJson(const FairnessReport& report);

}  // namespace explore
