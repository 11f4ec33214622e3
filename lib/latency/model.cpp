#include "latency/model.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/spellcheck.h"

namespace latency {
namespace {

Terms Sum(const Terms& a, const Terms& b) {
  Terms t;
  for (size_t i = 0; i < t.size(); ++i) t[i] = a[i] + b[i];
  return t;
}

OpLatency EvaluateOp(const OpTerms& op, const CoefValues& c) {
  OpLatency out;
  out.compute_cycles = Dot(op.compute, c);
  out.memory_cycles = Dot(op.memory, c);
  out.exposed_cycles = Dot(op.exposed, c);
  for (const Stage& s : op.stages) {
    const double compute = Dot(s.compute, c);
    const double memory = Dot(s.memory, c);
    const double dma = Dot(s.dma, c);
    out.compute_cycles += compute;
    out.memory_cycles += memory;
    out.dma_wait_cycles += std::max(0.0, dma - compute - memory);
  }
  out.total_cycles =
      out.compute_cycles + out.memory_cycles + out.exposed_cycles + out.dma_wait_cycles;
  return out;
}

}  // namespace

double Dot(const Terms& terms, const CoefValues& coefs) {
  double sum = 0;
  for (size_t i = 0; i < terms.size(); ++i) sum += terms[i] * coefs[i];
  return sum;
}

Terms Gradient(const OpTerms& op, const CoefValues& coefs) {
  Terms g = Sum(Sum(op.compute, op.memory), op.exposed);
  for (const Stage& s : op.stages) {
    const Terms cpu = Sum(s.compute, s.memory);
    g = Sum(g, Dot(cpu, coefs) >= Dot(s.dma, coefs) ? cpu : s.dma);
  }
  return g;
}

Estimate Evaluate(const std::vector<OpTerms>& terms, const hw::Board& board, Mode mode,
                  const BoardCoefficients& coefs, const std::string& design) {
  Estimate e;
  e.ops.reserve(terms.size());
  double compute = 0, memory = 0, exposed = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    OpLatency op = EvaluateOp(terms[i], coefs.value);
    op.op = static_cast<int>(i);
    e.total_cycles += op.total_cycles;
    compute += op.compute_cycles;
    memory += op.memory_cycles + op.dma_wait_cycles;
    exposed += op.exposed_cycles;
    e.ops.push_back(op);
  }
  const double ms_per_cycle = 1e3 / static_cast<double>(board.clock_hz);
  e.latency_ms = e.total_cycles * ms_per_cycle;
  e.compute_ms = compute * ms_per_cycle;
  e.memory_ms = memory * ms_per_cycle;
  e.exposed_ms = exposed * ms_per_cycle;
  const power::Figure figure =
      coefs.power ? power::Lookup(*coefs.power, board.name, kRuntime, ModeName(mode), design)
                  : power::Figure{};
  e.power_mw = figure.mw;
  e.power_provenance = figure.provenance;
  if (e.power_mw) e.energy_mj = *e.power_mw * e.latency_ms / 1e3;
  e.provenance = coefs.Provenance();
  return e;
}

util::Result<Estimate> Predict(const graph::Network& net, const hw::Board& board, Mode mode,
                               const tinyops::Plan* plan, const BoardCoefficients& coefs) {
  if (board.clock_hz <= 0) {
    return util::InputError(fmt::format("board '{}' has no clock frequency", board.name));
  }
  if (mode != Mode::kInternal && board.ExternalRam() == nullptr) {
    return util::InputError(fmt::format("board '{}' has no external RAM for the {} mode",
                                        board.name, ModeName(mode)));
  }
  if (mode == Mode::kTinyops && (plan == nullptr || plan->ops.size() != net.ops.size())) {
    return util::RuntimeError("the tinyops mode needs the network's partition plan");
  }
  const std::vector<OpTerms> terms = BuildTerms(net, board, mode, plan);
  Estimate e = Evaluate(terms, board, mode, coefs, net.name);
  for (size_t i = 0; i < e.ops.size(); ++i) {
    e.ops[i].kernel = Classify(net, net.ops[i]);
  }
  return e;
}

}  // namespace latency
