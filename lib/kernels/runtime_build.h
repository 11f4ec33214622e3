#pragma once
// What a runtime is built from: the code that runs the graph (an interpreter, or the executor or
// generated code that takes its place) and the kernel library its ops call. A deployment mode
// that patches one of them is feasible only under a runtime built from those: TinyOps patches
// TFLM's interpreter (AllocateTensors, Invoke) and CMSIS-NN's kernels, so it needs "tflm" +
// "cmsis-nn" (placement::RequireRuntimeBuild).

#include <string>
#include <vector>

namespace kernels {

struct RuntimeBuild {
  std::string interpreter;  // one of InterpreterNames(): "tflm", "tinyengine", "microtvm-aot", ...
  std::string kernels;      // one of KernelLibraryNames(): "cmsis-nn", "reference", ...
  bool operator==(const RuntimeBuild&) const = default;
};

/// The interpreter names a runtime file may give, in listing order.
const std::vector<std::string>& InterpreterNames();
/// The kernel library names a runtime file may give, in listing order.
const std::vector<std::string>& KernelLibraryNames();

/// The build in words, e.g. "the TFLM interpreter and the CMSIS-NN kernels", "TinyEngine's
/// generated code and TinyEngine's kernels"; a name outside the lists is quoted as it is.
std::string BuildText(const RuntimeBuild& build);

}  // namespace kernels
