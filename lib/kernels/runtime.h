#pragma once
// kernels::Runtime — the software that runs a network on a core: which kernel each op runs,
// the work and memory traffic of that kernel, and the scratch bytes it requests (design.md
// "Runtime"). The latency model and the deployment modes ask the runtime; they never decide a
// kernel themselves.
//
// Runtimes are registered once, by id, in a process-wide registry (runtime_registry.cpp lists
// the built-in ones; a test or plug-in adds its own with RegisterRuntime). Ids are what
// `--runtime`, the measurement CSV and the database use. `tflm-cmsis-nn` (TFLite Micro with the
// CMSIS-NN kernels bundled with the TinyOps firmware, the paper's runtime) is the default.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "kernels/cmsis_nn.h"
#include "kernels/runtime_build.h"
#include "util/result.h"

namespace kernels {

/// The runtime every command uses unless told otherwise: the paper's.
inline constexpr std::string_view kDefaultRuntime = "tflm-cmsis-nn";

class Runtime {
 public:
  virtual ~Runtime() = default;
  /// Stable id, e.g. "tflm-cmsis-nn": lower case, digits, '-' and '.'.
  virtual std::string_view id() const = 0;
  /// One line for `dse runtimes list`-style listings.
  virtual std::string_view title() const = 0;
  /// The kernel that runs `op` and its work and traffic (OpWork::kernel names the class).
  virtual OpWork MeasureOp(const graph::Network& net, const graph::Op& op) const = 0;
  /// Bytes of scratch the kernel for `op` requests from the arena, 0 when none.
  virtual int64_t ScratchBytes(const graph::Network& net, const graph::Op& op) const = 0;
  /// How the runtime lays out activations in SRAM: "tflm" (TFLM arena: greedy planner, 16-byte
  /// alignment, persistent tail), "tinyengine" (in-place depthwise) or "x-cube-ai". Memory
  /// planning picks its layout by this name, so a runtime described by a data file needs no code.
  virtual std::string_view arena_layout() const { return "tflm"; }
  /// What the runtime is built from (its interpreter and kernel library, runtime_build.h): a
  /// deployment mode that patches one of them checks it. Every runtime says it.
  virtual RuntimeBuild build() const = 0;
  /// Where the runtime's model comes from ("" for a built-in one), for listings.
  virtual std::string_view source() const { return ""; }
  /// Published rows its description was fitted to (0 for a built-in one), for listings.
  virtual int fitted_rows() const { return 0; }
  /// The runtime whose calibrated latency coefficients this one's predictions start from: its
  /// own id, or tflm-cmsis-nn for a data-file runtime (its factors are relative to that one).
  virtual std::string_view coefficient_runtime() const { return id(); }
};

/// Adds `runtime` to the registry. Fails when its id is already registered.
util::Status RegisterRuntime(std::unique_ptr<Runtime> runtime);

/// Every registered runtime, built-in ones first, in registration order.
std::vector<const Runtime*> Runtimes();

/// The runtime with `id`; an unknown id is an input error naming the nearest registered one.
util::Result<const Runtime*> FindRuntime(std::string_view id);

/// The default runtime (kDefaultRuntime); never null.
const Runtime& DefaultRuntime();

}  // namespace kernels
