#pragma once
// The TinyOps mode (paper §IV-B, shared reference tinyops.md): weights and tensors in external
// RAM as in the external mode, plus the firmware's 37,240 B execution state there; internal
// SRAM holds only the seven TinyOps buffers, which must fit the SRAM budget
// (tinyops::Partitioner). Latency: partitioned ops run part by part with the next part's DMA
// hidden behind the compute (tinyops_terms.cpp); unpartitioned ops run as in the external mode.
// TinyOps is a TFLM + CMSIS-NN mode: it patches TFLM's interpreter (AllocateTensors, Invoke) and
// CMSIS-NN's kernels (tinyops.md §1.1, §3, §4), so under a runtime built from anything else
// (Runtime::build) the placement does not fit, with a "runtime" violation; the plan is still
// made (and costed by LatencyTerms), its buffer sizing following the CMSIS-NN kernels.

#include "placement/mode.h"
#include "tinyops/plan.h"

namespace placement {

/// Bytes of the TinyOps execution state (partition records) kept in external RAM: the F4
/// Release map's partitioned_exec_state (tinyops.md §2.2).
inline constexpr int64_t kTinyopsExecStateBytes = 37'240;

/// The kernels' work of every op of one network under one runtime (Runtime::MeasureOp), kept
/// with a placed fit and shared by the alternatives made from it: their network and runtime
/// are the placed one's, only the plan differs. `runtime` null: not measured yet.
struct OpWorks {
  const kernels::Runtime* runtime = nullptr;
  std::vector<kernels::OpWork> works;
};

/// The plan a TinyOps Fit holds, and the op works its latency terms were built from.
class TinyopsModePlan final : public ModePlan {
 public:
  explicit TinyopsModePlan(tinyops::Plan plan,
                           std::shared_ptr<OpWorks> works = std::make_shared<OpWorks>())
      : plan_(std::move(plan)), works_(std::move(works)) {}
  const tinyops::Plan& plan() const { return plan_; }
  /// The works of `net`'s ops under `runtime`, measured on the first call for them.
  const std::vector<kernels::OpWork>& Works(const graph::Network& net,
                                            const kernels::Runtime& runtime) const;
  const std::shared_ptr<OpWorks>& shared_works() const { return works_; }

 private:
  tinyops::Plan plan_;
  std::shared_ptr<OpWorks> works_;  // never null
};

/// The TinyOps plan of `fit`, nullptr when the fit is not from the TinyOps mode.
const tinyops::Plan* TinyopsPlan(const Fit& fit);

class TinyopsMode final : public DeploymentMode {
 public:
  std::string_view id() const override { return "tinyops"; }
  std::string_view title() const override {
    return "external RAM + H-partitioning and DMA double-buffering into an SRAM budget";
  }
  Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
            const Deployment& deployment) const override;
  /// The static configurations of tinyops::Partitioner::Alternatives, each placed as Place
  /// places the firmware's (the same external RAM and budget checks).
  std::vector<Fit> Alternatives(const graph::Network& net, const Footprint& footprint,
                                const hw::Board& board, const Deployment& deployment,
                                const Fit& placed) const override;
  /// "PF 19", "PF 19, input buffers 12,345 B" (raised), "the firmware's first fit: PF 13".
  std::string ConfigurationName(const Fit& fit) const override;
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(const graph::Network& net,
                                                           const kernels::Runtime& runtime,
                                                           const hw::Board& board,
                                                           const Fit& fit) const override;
};

/// The terms of every op run from `plan` (tinyops_terms.cpp), given each op's work. Contract:
/// plan.ops and works have one entry per op of the network.
std::vector<latency::OpTerms> TinyopsTerms(const std::vector<kernels::OpWork>& works,
                                           const tinyops::Plan& plan,
                                           const latency::MemoryPath& path);

}  // namespace placement
