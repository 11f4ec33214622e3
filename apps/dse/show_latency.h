#pragma once
// The latency part of `dse show`: with --board and --mode, predicted latency, energy and
// provenance, and per op the cycles, compute, memory/DMA and exposed-transfer times.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "explore/evaluate.h"

namespace dse_app {


struct LatencyOptions {
  std::string board;    // empty: no latency
  std::string mode;     // empty: explore::DefaultMode of the board (ResolveLatency)
  std::string budget;   // empty: the board's default TinyOps budget
  bool filter_growth = true;  // TinyOps: give the unused budget to the filter buffer
  std::string runtime;  // --runtime id (app.h AddRuntimeOption)
  bool every_mode = false;  // no --mode given: also list every mode (ResolveLatency)
};

/// Adds --board, --mode, --budget and --runtime to `show`.
void AddLatencyOptions(CLI::App* show, LatencyOptions* options);

/// Checks --board, --mode and --budget before anything is printed (exit 2) and, with no --mode,
/// fills in tinyops, or internal (with a note) on a board without external RAM; the latency is
/// predicted in deploy::ChoosePredictionMode's pick (another, said, if the runtime cannot).
LatencyOptions ResolveLatency(LatencyOptions options);

/// Adds latency_ms, latency_provenance, energy_mj (when known) and, with per_op, per-op
/// latency fields to `out` (the show JSON). Does nothing without --board.
void AddLatencyJson(const explore::VariantFacts& facts, const LatencyOptions& options, bool per_op,
                    nlohmann::json* out);

/// Prints the latency summary and, with per_op, the per-op latency table.
void PrintLatency(const explore::VariantFacts& facts, const LatencyOptions& options, bool per_op);

}  // namespace dse_app
