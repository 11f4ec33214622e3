#pragma once
// explore latency_text — the latency part of `dse show` and `dse analyze --board` as text: the
// predicted latency with its split, provenance and interval, the energy with its interval (power
// x latency's), every mode's figures
// (when no mode was asked for) and, per op, cycles and times. Nothing here prints.

#include <string>
#include <vector>

#include "explore/evaluate.h"
#include "hw/board.h"

namespace explore {

/// The text of `evaluation` (its estimate present) of `net` on `board` in `mode`; `modes` (one
/// candidate per mode, empty when a mode was asked for) adds ModesText; `per_op` adds the
/// per-op table (cycles, compute, memory/DMA wait and exposed transfer times in ms).
std::string LatencyText(const graph::Network& net, const Evaluation& evaluation,
                        const hw::Board& board, const std::string& mode,
                        const std::vector<Candidate>& modes, bool per_op);

}  // namespace explore
