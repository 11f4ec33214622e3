#pragma once
// Latency terms: an op's cycles as sums linear in the coefficients (coefficients.h), and the
// building blocks deployment modes assemble them from (placement::DeploymentMode::LatencyTerms).
// The blocks know kernels' work (kernels::OpWork) and a board's memory path; they do not know
// which mode uses them.

#include <array>
#include <cstdint>
#include <vector>

#include "hw/board.h"
#include "kernels/cmsis_nn.h"
#include "latency/coefficients.h"

namespace latency {

using Terms = std::array<double, kNumCoefs>;

/// One part of a partitioned op: it runs `share` of the op's staged work (OpTerms::
/// staged_compute and staged_memory) plus one OpTerms::per_stage, while the DMA moves
/// `dma_bytes` (the next part, or the next op's part 0) at DmaWork's price. Two scalars, not
/// three term vectors: an op has up to hundreds of parts and a sweep prices every one.
struct Stage {
  double share = 0;      // of the staged work, in [0, 1]; an op's shares sum to 1
  double dma_bytes = 0;  // moved by the DMA meanwhile
};

/// An op's cycles as linear terms: cycles = dot(compute + memory + exposed, c) + sum over
/// stages of max(share x dot(staged_compute + staged_memory, c) + dot(per_stage, c),
/// dma_bytes x dot(DmaWork(1), c)).
struct OpTerms {
  Terms compute{};  // CPU arithmetic outside stages (the whole op when it has none)
  Terms memory{};   // CPU stalls on flash or external RAM outside stages
  Terms exposed{};  // DMA transfers the CPU waits for, not overlapped
  Terms staged_compute{};  // arithmetic of all the stages together (split by Stage::share)
  Terms staged_memory{};   // in-place reads / external writes of all the stages together
  Terms per_stage{};       // the fixed cost every stage pays (arithmetic)
  std::vector<Stage> stages;  // partitioned parts: their shares and the DMA each hides
  kernels::KernelClass kernel = kernels::KernelClass::kCopy;  // the kernel that runs the op
  // A second way to run the op (e.g. a TinyOps filter read in place instead of overlaid): each
  // stage's memory plus share x alternative_reads, and exposed minus alternative_unexposed.
  // The op costs the cheaper way at the coefficients (UsesAlternative).
  bool has_alternative = false;
  Terms alternative_reads{};
  Terms alternative_unexposed{};
};

double Dot(const Terms& terms, const CoefValues& coefs);

/// A partitioned op's stage work priced at some coefficients: a stage of share s costs
/// s x compute + fixed arithmetic, s x (memory [+ alternative_reads]) memory, and its DMA
/// dma_bytes x dma_per_byte.
struct StagePrices {
  double compute = 0, memory = 0, alternative_reads = 0, fixed = 0, dma_per_byte = 0;
};
StagePrices PriceStages(const OpTerms& op, const CoefValues& coefs);

/// Whether `op` has an alternative way that is cheaper than its own at `coefs` (a tie keeps its
/// own way), its stages priced at `coefs` as `prices` (PriceStages(op, coefs)).
bool UsesAlternative(const OpTerms& op, const CoefValues& coefs, const StagePrices& prices);

/// d(op cycles)/d(coefs) at `coefs`: the terms of the cheaper way (UsesAlternative) with each
/// stage's binding side chosen.
Terms Gradient(const OpTerms& op, const CoefValues& coefs);
/// The same for the way `alternative` names (false: the op's own way), the stages priced at the
/// coefficients as `prices` (PriceStages).
Terms WayGradient(const OpTerms& op, const StagePrices& prices, bool alternative);

/// into += scale * t.
void AddScaled(Terms* into, const Terms& t, double scale);

/// How the CPU reaches external RAM on a board: through a D-cache of `dcache` bytes (0: none),
/// in accesses of `access_bytes` (a 32-byte line fill behind a D-cache; else one word, split by
/// the FMC into bus-width accesses).
struct MemoryPath {
  int64_t dcache = 0;
  double access_bytes = 4;
};
MemoryPath PathOf(const hw::Board& board);

/// Arithmetic of the whole op (MACs by kernel class, the 1x1 leftover loop, the im2col gather,
/// requantisation, non-MAC elements), without the dispatch.
Terms ComputeWork(const kernels::OpWork& w);

/// `bytes` read by the CPU from external RAM: per-byte memory time plus one crossing per access.
void AddExternalReads(Terms* t, double bytes, const MemoryPath& path);

/// `bytes` copied by a byte-wide single-beat DMA: one external access per byte.
Terms DmaWork(double bytes);

/// Weight, bias and quantisation bytes fetched, re-reads hitting the D-cache where they can.
double WeightFetchBytes(const kernels::OpWork& w, int64_t dcache);
/// im2col scratch in external RAM: the kernel's reads of the buffer at the read price with a
/// crossing per access, the gather's writes into it at the write price (posted like any other
/// CPU write, no read crossing); both hit the D-cache where the buffer fits.
void AddExternalScratch(Terms* t, const kernels::OpWork& w, const MemoryPath& path);

/// Weights fetched from internal flash (wait states); activations in SRAM.
Terms FlashWork(const kernels::OpWork& w, const MemoryPath& path);
/// Everything in external RAM, read by the CPU with the kernel's access pattern; outputs
/// written there.
Terms ExternalWork(const kernels::OpWork& w, const MemoryPath& path);

/// An op run start to end by the CPU: dispatch + its work as compute, `memory` as stalls.
OpTerms SerialOp(const kernels::OpWork& w, const Terms& memory);

}  // namespace latency
