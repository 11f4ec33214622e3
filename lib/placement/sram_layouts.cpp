// The SRAM-layout registry. Adding a layout: implement placement::SramLayout in its own file
// with a Make...Layout factory (declared in sram_layout.h) and add one line to AddBuiltins.

#include "placement/sram_layout.h"
#include "util/registry.h"

namespace placement {
namespace {

void AddBuiltins(util::Registry<SramLayout>* registry) {
  (void)registry->Register(MakeTflmLayout());
  (void)registry->Register(MakeTinyEngineLayout());
  (void)registry->Register(MakeXCubeAiLayout());
}

util::Registry<SramLayout>& Instance() {
  static util::Registry<SramLayout>* registry = [] {
    auto* r = new util::Registry<SramLayout>("SRAM layout", "layouts");
    AddBuiltins(r);
    return r;
  }();
  return *registry;
}

class LayoutOverride final : public kernels::Runtime {
 public:
  LayoutOverride(const kernels::Runtime& base, std::string layout)
      : base_(base), layout_(std::move(layout)) {}
  std::string_view id() const override { return base_.id(); }
  std::string_view title() const override { return base_.title(); }
  kernels::OpWork MeasureOp(const graph::Network& net, const graph::Op& op) const override {
    return base_.MeasureOp(net, op);
  }
  int64_t ScratchBytes(const graph::Network& net, const graph::Op& op) const override {
    return base_.ScratchBytes(net, op);
  }
  std::string_view arena_layout() const override { return layout_; }
  kernels::RuntimeBuild build() const override { return base_.build(); }

 private:
  const kernels::Runtime& base_;
  std::string layout_;
};

}  // namespace

std::unique_ptr<kernels::Runtime> WithLayout(const kernels::Runtime& base, std::string layout) {
  return std::make_unique<LayoutOverride>(base, std::move(layout));
}

RuntimeCode TinyEngineCode() {
  return {37'253, "TinyEngine README flash (H743, mcunet-vww0/1/2) minus the model data, mean",
          true};
}

RuntimeCode XCubeAiCode() {
  return {56'368, "TinyEngine README X-CUBE-AI 7.3 flash (H743, mcunet-vww0/1/2) minus the "
          "model data, mean", true};
}

std::vector<const SramLayout*> SramLayouts() { return Instance().All(); }

std::vector<std::string> SramLayoutIds() { return Instance().Ids(); }

util::Result<const SramLayout*> FindSramLayout(std::string_view id) {
  return Instance().Lookup(id);
}

const SramLayout& LayoutOf(const kernels::Runtime& runtime) {
  if (const SramLayout* layout = Instance().Find(runtime.arena_layout())) return *layout;
  return *Instance().Find("tflm");
}

}  // namespace placement
