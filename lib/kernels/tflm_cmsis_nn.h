#pragma once
// `tflm-cmsis-nn`: TFLite Micro with the CMSIS-NN int8 kernels of the version bundled with the
// TinyOps firmware — the paper's runtime, and the default. Kernel choice, work and scratch are
// the rules of cmsis_nn.h.

#include "kernels/runtime.h"

namespace kernels {

class TflmCmsisNn final : public Runtime {
 public:
  std::string_view id() const override { return kDefaultRuntime; }
  std::string_view title() const override {
    return "TFLite Micro + CMSIS-NN (the TinyOps firmware's build; the paper's runtime)";
  }
  RuntimeBuild build() const override { return {"tflm", "cmsis-nn"}; }
  OpWork MeasureOp(const graph::Network& net, const graph::Op& op) const override {
    return kernels::MeasureOp(net, op);
  }
  int64_t ScratchBytes(const graph::Network& net, const graph::Op& op) const override {
    return kernels::ScratchBytes(net, op);
  }
};

}  // namespace kernels
