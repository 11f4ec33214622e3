#pragma once
// latency::Model — predicted latency and energy of one network on one board in one deployment
// mode, per op, from the board's coefficients (coefficients.h).
//
// Algorithm, per op (shared reference latency.md §3):
//  1. Classify the CMSIS-NN kernel and count its work and traffic (kernels.h).
//  2. Compute cycles = dispatch + MACs x cycles/MAC of the kernel class (the 1x1 fast path's
//     scalar Cin % 16 columns at their own cost) + im2col gathered elements + outputs x requant
//     + non-MAC elements x their per-element cost.
//  3. Memory cycles by placement:
//     - internal: weight bytes fetched from flash (re-reads hit the D-cache where the board
//       has one and the filter fits) x flash cycles/byte; activations are in SRAM;
//     - external: weights, inputs and im2col scratch fetched from external RAM with the same
//       access pattern (depthwise taps re-read per output pixel) x read cycles/byte, plus one
//       crossing per access (a word split into bus-width accesses, or a D-cache line fill),
//       plus outputs x write cycles/byte;
//     - tinyops (from the tinyops::Plan): the CPU computes from SRAM, reads non-overlaid
//       filters and out-of-SRAM im2col scratch in place, writes outputs straight to external
//       RAM. DMA bytes are single-beat byte transfers: DMA cycles/byte + one crossing each.
//       Part p of an op costs max(its CPU time, the DMA of part p+1) + a fixed per-part
//       cost; exposed at the op start are its quantisation parameters, its overlaid filter and
//       bias, and its part 0 unless the previous op prefetched it (tinyops.md §4).
//       Unpartitioned ops run as in the external mode.
//  4. Every term is linear in the coefficients except the per-part max, so an op's cycles are
//     sum_j a_j * coef_j with the a_j fixed once the binding side of each max is known
//     (OpTerms); calibration (fit.h) uses the same terms.
// Limits: one clock domain (no DVFS), no contention between CPU and DMA on the external bus
// beyond the max(), the D-cache modelled by working-set size only.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "hw/board.h"
#include "placement/placement.h"
#include "latency/coefficients.h"
#include "latency/kernels.h"
#include "tinyops/plan.h"
#include "util/result.h"

namespace latency {

// The deployment mode is placement's: one enum, one spelling of each name.
using Mode = placement::Mode;
using placement::ModeName;
using placement::ParseMode;

using Terms = std::array<double, kNumCoefs>;

/// The runtime whose kernels this model describes (TFLite Micro with CMSIS-NN): the runtime key
/// of the measured power it looks up (data/power/measured.csv).
inline constexpr const char* kRuntime = "tflm-cmsis-nn";

/// An op's cycles as linear terms: cycles = dot(compute + memory + exposed, c) + sum over
/// stages of max(dot(stage.compute + stage.memory, c), dot(stage.dma, c)).
struct Stage {
  Terms compute{};  // CPU arithmetic of the part, incl. the fixed per-part cost
  Terms memory{};   // CPU reads in place / writes of the part to external RAM
  Terms dma{};      // the transfer running meanwhile (the next part, or the next op's part 0)
};
struct OpTerms {
  Terms compute{};  // CPU arithmetic outside stages (the whole op when it has none)
  Terms memory{};   // CPU stalls on flash or external RAM outside stages
  Terms exposed{};  // DMA transfers the CPU waits for, not overlapped
  std::vector<Stage> stages;  // tinyops parts: CPU work per part and the DMA it hides
};

/// The terms of every op of `net`. `plan` is required for Mode::kTinyops and ignored otherwise.
std::vector<OpTerms> BuildTerms(const graph::Network& net, const hw::Board& board, Mode mode,
                                const tinyops::Plan* plan);

double Dot(const Terms& terms, const CoefValues& coefs);

/// d(op cycles)/d(coefs) at `coefs`: the terms with each stage's binding side chosen.
Terms Gradient(const OpTerms& op, const CoefValues& coefs);

/// Per-op prediction, in cycles of the core clock.
struct OpLatency {
  int op = -1;
  KernelClass kernel = KernelClass::kCopy;
  double compute_cycles = 0;   // arithmetic incl. dispatch and per-part fixed costs
  double memory_cycles = 0;    // CPU stalls on flash / external RAM
  double dma_wait_cycles = 0;  // parts where the next part's DMA outlasts the compute
  double exposed_cycles = 0;   // transfers not overlapped with compute
  double total_cycles = 0;
};

struct Estimate {
  std::vector<OpLatency> ops;
  double total_cycles = 0;
  double latency_ms = 0;
  double compute_ms = 0;
  double memory_ms = 0;           // flash/external stalls + DMA waits
  double exposed_ms = 0;
  std::optional<double> energy_mj;  // power x latency; none when no power is known
  std::optional<double> power_mw;
  std::string power_provenance;   // "measured for this design" or "board, <mode> mode"; "" = none
  std::string provenance;         // BoardCoefficients::Provenance()
};

/// Evaluates `terms` (from BuildTerms of the network named `design`) with `coefs` for `board`
/// in `mode`. Energy = the power power::Lookup finds in `coefs.power` (the design's own, else
/// the board's in the mode) x latency; none without a figure.
Estimate Evaluate(const std::vector<OpTerms>& terms, const hw::Board& board, Mode mode,
                  const BoardCoefficients& coefs, const std::string& design);

/// BuildTerms + Evaluate. Fails when the mode needs memory the board lacks, or tinyops has no
/// plan; an infeasible plan (fits = false) is still evaluated (the caller reports the fit).
util::Result<Estimate> Predict(const graph::Network& net, const hw::Board& board, Mode mode,
                               const tinyops::Plan* plan, const BoardCoefficients& coefs);

}  // namespace latency
