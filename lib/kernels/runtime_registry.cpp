// The runtime registry and the built-in runtimes. Adding a runtime: implement kernels::Runtime
// in its own file and add one line to AddBuiltins.

#include <fmt/format.h>

#include "kernels/runtime.h"
#include "kernels/tflm_cmsis_nn.h"
#include "util/registry.h"

namespace kernels {
namespace {

void AddBuiltins(util::Registry<Runtime>* registry) {
  (void)registry->Register(std::make_unique<TflmCmsisNn>());
}

util::Registry<Runtime>& Instance() {
  static util::Registry<Runtime>* registry = [] {
    auto* r = new util::Registry<Runtime>("runtime", "runtimes");
    AddBuiltins(r);
    return r;
  }();
  return *registry;
}

}  // namespace

util::Status RegisterRuntime(std::unique_ptr<Runtime> runtime) {
  return Instance().Register(std::move(runtime));
}

std::vector<const Runtime*> Runtimes() { return Instance().All(); }

util::Result<const Runtime*> FindRuntime(std::string_view id) { return Instance().Lookup(id); }

const Runtime& DefaultRuntime() { return *Instance().Find(kDefaultRuntime); }

}  // namespace kernels
