#include "placement/builtin_modes.h"

#include "placement/memory_checks.h"

namespace placement {

Fit InternalMode::Place(const graph::Network&, const Footprint& footprint,
                        const hw::Board& board, const Deployment&) const {
  Fit fit;
  fit.mode = std::string(id());
  CheckInternal(footprint, board, &fit);
  fit.fits = fit.violations.empty();
  return fit;
}

util::Result<std::vector<latency::OpTerms>> InternalMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit&) const {
  const latency::MemoryPath path = latency::PathOf(board);
  std::vector<latency::OpTerms> out;
  out.reserve(net.ops.size());
  for (const graph::Op& op : net.ops) {
    const kernels::OpWork w = runtime.MeasureOp(net, op);
    out.push_back(latency::SerialOp(w, latency::FlashWork(w, path)));
  }
  return out;
}

Fit ExternalMode::Place(const graph::Network&, const Footprint& footprint,
                        const hw::Board& board, const Deployment&) const {
  Fit fit;
  fit.mode = std::string(id());
  CheckExternalRam(footprint, board, 0, &fit);
  fit.sram_bytes = board.sram.reserved_bytes;
  fit.fits = fit.violations.empty();
  return fit;
}

util::Result<std::vector<latency::OpTerms>> ExternalMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit&) const {
  if (auto ok = RequireExternalRam(board, id()); !ok) return ok.error();
  const latency::MemoryPath path = latency::PathOf(board);
  std::vector<latency::OpTerms> out;
  out.reserve(net.ops.size());
  for (const graph::Op& op : net.ops) {
    const kernels::OpWork w = runtime.MeasureOp(net, op);
    out.push_back(latency::SerialOp(w, latency::ExternalWork(w, path)));
  }
  return out;
}

}  // namespace placement
