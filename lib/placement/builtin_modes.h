#pragma once
// The built-in deployment modes of the paper (§IV), registered by mode_registry.cpp:
//  * internal: weights in internal flash (after the runtime code), activations at their peak
//    plus the largest kernel scratch (im2col) in internal SRAM (after the runtime state);
//  * external: weights and the whole tensor arena in external RAM, read in place by the CPU;
//    the model is stored in external flash / SD card (or internal flash when there is none);
//  * tinyops (tinyops_mode.h): as external, plus the seven TinyOps SRAM buffers.

#include "placement/mode.h"

namespace placement {

class InternalMode final : public DeploymentMode {
 public:
  std::string_view id() const override { return "internal"; }
  std::string_view title() const override {
    return "weights in internal flash, tensors and scratch in internal SRAM";
  }
  Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
            const Deployment& deployment) const override;
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(const graph::Network& net,
                                                           const kernels::Runtime& runtime,
                                                           const hw::Board& board,
                                                           const Fit& fit) const override;
};

class ExternalMode final : public DeploymentMode {
 public:
  std::string_view id() const override { return "external"; }
  std::string_view title() const override {
    return "weights and tensors in external RAM, read in place by the CPU";
  }
  Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
            const Deployment& deployment) const override;
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(const graph::Network& net,
                                                           const kernels::Runtime& runtime,
                                                           const hw::Board& board,
                                                           const Fit& fit) const override;
};

}  // namespace placement
