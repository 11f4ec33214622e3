// The term building blocks (terms.h): compute by kernel class, flash and external-RAM traffic,
// DMA transfers.

#include "latency/terms.h"

#include <algorithm>

namespace latency {
namespace {

using kernels::KernelClass;
using kernels::OpWork;

Coef MacCoef(const OpWork& w) {
  switch (w.kernel) {
    case KernelClass::kConv1x1Fast: return kConv1x1CyclesPerMac;
    case KernelClass::kConvIm2col: return kConvIm2colCyclesPerMac;
    case KernelClass::kDw3x3Fast: return kDw3x3CyclesPerMac;
    case KernelClass::kFullyConnected: return kFcCyclesPerMac;
    default: return w.kernel_size <= 5 ? kDwK5CyclesPerMac : kDwK7CyclesPerMac;
  }
}

Terms Sum(const Terms& a, const Terms& b) {
  Terms t;
  for (size_t i = 0; i < t.size(); ++i) t[i] = a[i] + b[i];
  return t;
}

}  // namespace

double Dot(const Terms& terms, const CoefValues& coefs) {
  double sum = 0;
  for (size_t i = 0; i < terms.size(); ++i) sum += terms[i] * coefs[i];
  return sum;
}

StagePrices PriceStages(const OpTerms& op, const CoefValues& coefs) {
  if (op.stages.empty()) return {};  // nothing is staged (and an alternative needs stages)
  return {Dot(op.staged_compute, coefs), Dot(op.staged_memory, coefs),
          op.has_alternative ? Dot(op.alternative_reads, coefs) : 0.0, Dot(op.per_stage, coefs),
          Dot(DmaWork(1.0), coefs)};
}

Terms WayGradient(const OpTerms& op, const StagePrices& p, bool alternative) {
  Terms g = Sum(Sum(op.compute, op.memory), op.exposed);
  if (alternative) AddScaled(&g, op.alternative_unexposed, -1.0);
  if (op.stages.empty()) return g;
  // Each stage adds the terms of its binding side; the CPU sides are multiples of the staged
  // work, so the shares and DMA bytes are summed first and the terms scaled once.
  const double cpu_per_share = p.compute + p.memory + (alternative ? p.alternative_reads : 0);
  double cpu_share = 0, cpu_stages = 0, dma_bytes = 0;
  for (const Stage& s : op.stages) {
    if (s.share * cpu_per_share + p.fixed >= s.dma_bytes * p.dma_per_byte) {
      cpu_share += s.share;
      ++cpu_stages;
    } else {
      dma_bytes += s.dma_bytes;
    }
  }
  AddScaled(&g, op.staged_compute, cpu_share);
  AddScaled(&g, op.staged_memory, cpu_share);
  if (alternative) AddScaled(&g, op.alternative_reads, cpu_share);
  AddScaled(&g, op.per_stage, cpu_stages);
  AddScaled(&g, DmaWork(dma_bytes), 1.0);
  return g;
}

bool UsesAlternative(const OpTerms& op, const CoefValues& coefs, const StagePrices& p) {
  if (!op.has_alternative) return false;
  // Both ways in one pass: they differ by the reads added to each stage's CPU side and the
  // transfer no longer exposed.
  double own = 0, alt = -Dot(op.alternative_unexposed, coefs);
  for (const Stage& s : op.stages) {
    const double cpu = s.share * (p.compute + p.memory) + p.fixed;
    const double dma = s.dma_bytes * p.dma_per_byte;
    own += std::max(cpu, dma);
    alt += std::max(cpu + s.share * p.alternative_reads, dma);
  }
  return alt < own;
}

Terms Gradient(const OpTerms& op, const CoefValues& coefs) {
  const StagePrices prices = PriceStages(op, coefs);
  return WayGradient(op, prices, UsesAlternative(op, coefs, prices));
}

void AddScaled(Terms* into, const Terms& t, double scale) {
  for (size_t i = 0; i < into->size(); ++i) (*into)[i] += scale * t[i];
}

Terms ComputeWork(const OpWork& w) {
  Terms t{};
  if (w.macs > 0) t[MacCoef(w)] = static_cast<double>(w.macs - w.leftover_macs);
  t[kConv1x1LeftoverCyclesPerMac] = static_cast<double>(w.leftover_macs);
  t[kIm2colCyclesPerElement] = static_cast<double>(w.gathered_elements);
  t[kRequantCyclesPerOutput] = static_cast<double>(w.output_elements);
  const bool pool_like = w.kernel == KernelClass::kPool || w.kernel == KernelClass::kPad;
  t[pool_like ? kPoolCyclesPerElement : kElementwiseCyclesPerElement] +=
      static_cast<double>(w.other_elements);
  return t;
}

MemoryPath PathOf(const hw::Board& board) {
  MemoryPath path;
  path.dcache = board.dcache_bytes;
  const hw::ExternalMemory* ram = board.ExternalRam();
  const double bus_bytes = ram == nullptr ? 4.0 : std::max(1, ram->bus_width_bits / 8);
  path.access_bytes = board.dcache_bytes > 0 ? 32.0 : std::min(4.0, bus_bytes);
  return path;
}

void AddExternalReads(Terms* t, double bytes, const MemoryPath& path) {
  (*t)[kExtReadCyclesPerByte] += bytes;
  (*t)[kExtAccessCycles] += bytes / path.access_bytes;
}

Terms DmaWork(double bytes) {
  Terms t{};
  t[kDmaCyclesPerByte] = bytes;
  t[kExtAccessCycles] = bytes;
  return t;
}

double WeightFetchBytes(const OpWork& w, int64_t dcache) {
  return static_cast<double>(kernels::CachedBytes(w.weight_read_bytes, w.weight_bytes,
                                                  w.weight_footprint_bytes, dcache) +
                             w.bias_bytes + w.quant_bytes);
}

void AddExternalScratch(Terms* t, const OpWork& w, const MemoryPath& path) {
  const int64_t writes = std::min(w.scratch_write_bytes, w.scratch_bytes);
  const auto cached = [&](int64_t bytes) {
    return static_cast<double>(kernels::CachedBytes(bytes, w.scratch_footprint_bytes,
                                                    w.scratch_footprint_bytes, path.dcache));
  };
  AddExternalReads(t, cached(w.scratch_bytes - writes), path);
  (*t)[kExtWriteCyclesPerByte] += cached(writes);
}

Terms FlashWork(const OpWork& w, const MemoryPath& path) {
  Terms t{};
  t[kFlashCyclesPerByte] = WeightFetchBytes(w, path.dcache);
  return t;
}

Terms ExternalWork(const OpWork& w, const MemoryPath& path) {
  const int64_t dcache = path.dcache;
  Terms t{};
  AddExternalReads(&t,
                   WeightFetchBytes(w, dcache) +
                       static_cast<double>(kernels::CachedBytes(
                           w.input_read_bytes, w.input_bytes, w.input_footprint_bytes, dcache)),
                   path);
  AddExternalScratch(&t, w, path);
  t[kExtWriteCyclesPerByte] += static_cast<double>(w.output_bytes);
  return t;
}

OpTerms SerialOp(const OpWork& w, const Terms& memory) {
  OpTerms op;
  op.kernel = w.kernel;
  op.compute = ComputeWork(w);
  op.compute[kDispatchCycles] = 1;
  op.memory = memory;
  return op;
}

}  // namespace latency
