#include "latency/model.h"

#include <algorithm>
#include <cmath>

#include "latency/interval.h"

namespace latency {
namespace {

OpLatency EvaluateOp(const OpTerms& op, const CoefValues& c, const StagePrices& p,
                     bool alternative) {
  OpLatency out;
  out.kernel = op.kernel;
  out.compute_cycles = Dot(op.compute, c);
  out.memory_cycles = Dot(op.memory, c);
  out.exposed_cycles = Dot(op.exposed, c);
  if (alternative) out.exposed_cycles -= Dot(op.alternative_unexposed, c);
  if (op.stages.empty()) {
    out.total_cycles = out.compute_cycles + out.memory_cycles + out.exposed_cycles;
    return out;
  }
  const double memory_per_share = p.memory + (alternative ? p.alternative_reads : 0);
  for (const Stage& s : op.stages) {
    const double compute = s.share * p.compute + p.fixed;
    const double memory = s.share * memory_per_share;
    const double dma = s.dma_bytes * p.dma_per_byte;
    out.compute_cycles += compute;
    out.memory_cycles += memory;
    out.dma_wait_cycles += std::max(0.0, dma - compute - memory);
  }
  out.total_cycles =
      out.compute_cycles + out.memory_cycles + out.exposed_cycles + out.dma_wait_cycles;
  return out;
}

}  // namespace

Estimate Evaluate(const std::vector<OpTerms>& terms, double clock_hz,
                  const BoardCoefficients& coefs) {
  Estimate e;
  e.ops.reserve(terms.size());
  double compute = 0, memory = 0, exposed = 0;
  Terms gradient{};
  for (size_t i = 0; i < terms.size(); ++i) {
    const StagePrices prices = PriceStages(terms[i], coefs.value);
    const bool alternative = UsesAlternative(terms[i], coefs.value, prices);
    AddScaled(&gradient, WayGradient(terms[i], prices, alternative), 1.0);
    OpLatency op = EvaluateOp(terms[i], coefs.value, prices, alternative);
    op.op = static_cast<int>(i);
    e.total_cycles += op.total_cycles;
    compute += op.compute_cycles;
    memory += op.memory_cycles + op.dma_wait_cycles;
    exposed += op.exposed_cycles;
    e.ops.push_back(op);
  }
  const double ms_per_cycle = 1e3 / clock_hz;
  e.latency_ms = e.total_cycles * ms_per_cycle;
  e.compute_ms = compute * ms_per_cycle;
  e.memory_ms = memory * ms_per_cycle;
  e.exposed_ms = exposed * ms_per_cycle;
  e.provenance = coefs.Provenance();
  for (int j = 0; j < kNumCoefs; ++j) gradient[j] *= coefs.value[j];
  const double sigma = IntervalLogSigma(gradient, coefs);
  e.latency_ms_low = e.latency_ms * std::exp(-kInterval80Z * sigma);
  e.latency_ms_high = e.latency_ms * std::exp(kInterval80Z * sigma);
  e.calibration_rows = coefs.calibration_rows;
  return e;
}

double TotalCycles(const std::vector<OpTerms>& terms, const BoardCoefficients& coefs) {
  double cycles = 0;
  for (const OpTerms& op : terms) {
    const StagePrices prices = PriceStages(op, coefs.value);
    cycles += EvaluateOp(op, coefs.value, prices, UsesAlternative(op, coefs.value, prices))
                  .total_cycles;
  }
  return cycles;
}

}  // namespace latency
