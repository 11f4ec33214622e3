#pragma once
// latency::Model — predicted latency of one network on one board in one deployment mode, per
// op, from the board's coefficients (coefficients.h). The mode assembles the terms (terms.h);
// energy is the evaluation path's (power is data keyed by board, runtime and mode).
//
// Algorithm, per op (shared reference latency.md §3):
//  1. The runtime picks the kernel and counts its work and traffic (kernels/runtime.h).
//  2. Compute cycles = dispatch + MACs x cycles/MAC of the kernel class (the 1x1 fast path's
//     scalar Cin % 16 columns at their own cost) + im2col gathered elements + outputs x requant
//     + non-MAC elements x their per-element cost.
//  3. Memory cycles by placement (each the LatencyTerms of a placement::DeploymentMode):
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

#include <optional>
#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "latency/terms.h"

namespace latency {

/// Per-op prediction, in cycles of the core clock.
struct OpLatency {
  int op = -1;
  kernels::KernelClass kernel = kernels::KernelClass::kCopy;
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
  std::string provenance;         // BoardCoefficients::Provenance()
  // The 80 % interval (interval.h): wider for prior-only boards than for calibrated ones.
  double latency_ms_low = 0;
  double latency_ms_high = 0;
  int calibration_rows = 0;       // the board's own rows the coefficients were fitted on
};

/// Evaluates the terms of every op (from a deployment mode's LatencyTerms) with `coefs` at a
/// core clock of `clock_hz` (> 0).
Estimate Evaluate(const std::vector<OpTerms>& terms, double clock_hz,
                  const BoardCoefficients& coefs);

/// Evaluate(terms, clock_hz, coefs).total_cycles alone (no per-op breakdown, no interval): for
/// comparing configurations of one design, which only needs their totals.
double TotalCycles(const std::vector<OpTerms>& terms, const BoardCoefficients& coefs);

}  // namespace latency
