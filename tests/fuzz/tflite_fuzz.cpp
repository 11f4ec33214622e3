// libFuzzer target: the TFLite reader and importer on arbitrary bytes, then the analyses that
// run on every imported network. Build and run with scripts/fuzz.sh tflite SECONDS.
//
// Properties checked beyond "no crash, no sanitizer report": an import either fails with an
// input error carrying a message, or yields a network whose ops only read tensors produced
// earlier (the graph::Network invariant every later pass relies on).

#include <cstdint>
#include <cstdlib>
#include <span>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "tflite/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto result = tflite::ImportBytes(std::span<const uint8_t>(data, size), "fuzz");
  if (!result.ok()) {
    if (result.error().message.empty()) std::abort();
    return 0;
  }
  const graph::Network& net = result->network;
  std::vector<bool> ready(net.tensors.size(), false);
  ready[static_cast<size_t>(net.input)] = true;
  for (const graph::Op& op : net.ops) {
    if (op.inputs.empty()) std::abort();
    for (int in : op.inputs) {
      if (in < 0 || static_cast<size_t>(in) >= ready.size() || !ready[static_cast<size_t>(in)]) {
        std::abort();
      }
    }
    ready[static_cast<size_t>(op.output)] = true;
  }
  (void)analysis::CountNetwork(net);
  (void)analysis::ComputePeak(net);
  (void)analysis::MacShares(net);
  return 0;
}
