#include "explore/latency_text.h"

#include <fmt/format.h>

#include "analysis/cost.h"
#include "explore/report_json.h"
#include "explore/texts.h"
#include "latency/interval.h"

namespace explore {
namespace {

std::string PerOpText(const graph::Network& net, const latency::Estimate& e,
                      const hw::Board& board) {
  std::string out = fmt::format("{:>4} {:<17} {:<14} {:>11} {:>13} {:>13} {:>11} {:>11}\n", "#",
                                "kind", "kernel", "MACs", "cycles", "compute_ms", "mem/DMA_ms",
                                "exposed_ms");
  for (const latency::OpLatency& op : e.ops) {
    const graph::Op& g = net.ops[static_cast<size_t>(op.op)];
    out += fmt::format("{:>4} {:<17} {:<14} {:>11} {:>13.0f} {:>13.3f} {:>11.3f} {:>11.3f}\n",
                       op.op, graph::OpKindName(g.kind), kernels::KernelClassName(op.kernel),
                       analysis::CountOp(net, g).macs, op.total_cycles,
                       CyclesToMs(op.compute_cycles, board),
                       CyclesToMs(op.memory_cycles + op.dma_wait_cycles, board),
                       CyclesToMs(op.exposed_cycles, board));
  }
  return out;
}

}  // namespace

std::string LatencyText(const graph::Network& net, const Evaluation& evaluation,
                        const hw::Board& board, const std::string& mode,
                        const std::vector<Candidate>& modes, bool per_op) {
  const latency::Estimate& e = *evaluation.estimate;
  const PowerFigure& power = evaluation.power;
  std::string out = fmt::format(
      "  latency on {} ({})  {:>10.1f} ms predicted  (compute {:.1f}, memory/DMA wait {:.1f}, "
      "exposed transfers {:.1f})\n  latency provenance   {} ({})\n",
      board.name, mode, e.latency_ms, e.compute_ms, e.memory_ms, e.exposed_ms, e.provenance,
      latency::IntervalText(e.latency_ms_low, e.latency_ms_high));
  // Energy = measured power x latency, so its 80 % interval is power x latency's (as the JSON's
  // energy_mj_low/high).
  out += power.mw ? fmt::format("  energy per inference {:>10.1f} mJ predicted  (80 %: {:.1f}–{:.1f} "
                                "mJ; at {:g} mW, {})\n", *power.mw * e.latency_ms / 1e3,
                                *power.mw * e.latency_ms_low / 1e3,
                                *power.mw * e.latency_ms_high / 1e3, *power.mw, power.provenance)
                  : std::string("  energy per inference unknown (no power measured)\n");
  if (!modes.empty()) out += ModesText(board.name, modes);
  if (per_op) out += PerOpText(net, e, board);
  return out;
}

}  // namespace explore
