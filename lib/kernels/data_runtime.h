#pragma once
// Runtimes described by data files (data/runtimes/ID.toml): a vendor or third-party runtime
// modelled as TFLite Micro + CMSIS-NN (tflm-cmsis-nn) with a cycle factor per op group, fitted to
// public measurements. Kernel choice and scratch are CMSIS-NN's; the latency model charges an op
// its CMSIS-NN work and traffic times the factor of its group (DataRuntime::MeasureOp), so every
// deployment mode, the calibration and the evaluation see the factor through one seam.
//
// File format:
//   id = "x-cube-ai-7.3"                 # the --runtime id; the file is named ID.toml
//   title = "STM32Cube.AI / X-CUBE-AI 7.3"
//   source = "where the runtime and its factors come from"
//   arena_layout = "x-cube-ai"           # "tflm", "tinyengine" or "x-cube-ai"
//   interpreter = "x-cube-ai"            # what runs the graph (runtime_build.h InterpreterNames)
//   kernels = "x-cube-ai"                # its kernel library (runtime_build.h KernelLibraryNames)
//   build_source = "why those two"       # optional: where the build is documented
//   fitted_rows = 12                     # public rows the factors were fitted to (0: none)
//   [factors]                            # cycles relative to tflm-cmsis-nn, per op group
//   conv1x1 = 0.55                       # every group is required, each in (0, 100]
//   conv = 0.6
//   depthwise = 0.5
//   fully_connected = 0.9
//   other = 0.8
//   [prior]                              # optional: the factors before any row of the runtime
//   conv1x1 = 0.75                       # every group is required, each in (0, 100]
//   conv = 0.77
//   depthwise = 0.75
//   fully_connected = 0.78
//   other = 0.76
//   log_spread = 0.5                     # 1-sigma spread of each log factor, in [0.01, 3]
//   source = "how the prior was derived" # kernel structure or published figures, never the
//                                        # rows the factors are judged on
// The prior predicts the runtime where a fit has no row of it (a board left out, a user's own
// data) and is the target `dse runtimes fit` shrinks the factors toward (explore/runtime_fit.h).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/cmsis_nn.h"
#include "kernels/runtime.h"
#include "util/result.h"

namespace kernels {

/// The op groups a data runtime has a factor for: CMSIS-NN kernel classes merged where the
/// public data cannot tell them apart (the MLPerf Tiny nets have 3x3 depthwise only and few
/// non-MAC ops; the MCUNet rows are three per runtime).
enum class OpGroup { kConv1x1, kConv, kDepthwise, kFullyConnected, kOther };
inline constexpr int kNumOpGroups = 5;

std::string_view OpGroupName(OpGroup group);  // "conv1x1", "conv", "depthwise", ...
const std::vector<std::string>& OpGroupNames();
/// conv1x1_fast -> conv1x1; conv_im2col -> conv; dw_* -> depthwise; fully_connected; the rest
/// (elementwise, pool, pad, softmax, copy) -> other.
OpGroup GroupOf(KernelClass kernel);

using GroupFactors = std::array<double, kNumOpGroups>;

/// What is known of a runtime's factors before any measurement of it: factors from its kernels'
/// structure or from published figures on other boards and models (`source` says which), and
/// the spread of each log factor around them.
struct RuntimePrior {
  GroupFactors factors{1, 1, 1, 1, 1};
  double log_spread = 0.5;
  std::string source;
};

struct RuntimeSpec {
  std::string file;
  std::string id, title, source;
  std::string arena_layout = "tflm";
  RuntimeBuild build;       // interpreter and kernels (both required in the file)
  std::string build_source;  // "" when the file gives none
  int fitted_rows = 0;
  GroupFactors factors{1, 1, 1, 1, 1};
  std::optional<RuntimePrior> prior;  // none: shrink toward the single best factor, factor 1
};

/// Reads a runtime file; `file` names it in errors ("file:line: what is wrong"): missing or
/// unknown keys (with the nearest valid one), a factor outside (0, 100], an unknown layout,
/// interpreter or kernels (with the nearest valid one), a [prior] key that is not an op group (the message names the groups).
util::Result<RuntimeSpec> ParseRuntimeSpec(const std::string& file, std::string_view text);

/// The file text of `spec` (the format above), with `comment` lines ("# ...") at its top.
std::string FormatRuntimeSpec(const RuntimeSpec& spec, const std::string& comment);

/// A runtime read from a data file.
class DataRuntime final : public Runtime {
 public:
  explicit DataRuntime(RuntimeSpec spec) : spec_(std::move(spec)) {}
  std::string_view id() const override { return spec_.id; }
  std::string_view title() const override { return spec_.title; }
  std::string_view source() const override { return spec_.source; }
  int fitted_rows() const override { return spec_.fitted_rows; }
  std::string_view arena_layout() const override { return spec_.arena_layout; }
  std::string_view coefficient_runtime() const override { return kDefaultRuntime; }
  RuntimeBuild build() const override { return spec_.build; }
  /// CMSIS-NN's work of `op` with every count the latency model charges per element or byte
  /// (MACs, gathered, output and other elements, bytes read, scratch traffic) times the factor
  /// of the op's group; tensor sizes and working sets are CMSIS-NN's, unchanged.
  OpWork MeasureOp(const graph::Network& net, const graph::Op& op) const override;
  int64_t ScratchBytes(const graph::Network& net, const graph::Op& op) const override;
  const RuntimeSpec& spec() const { return spec_; }

 private:
  RuntimeSpec spec_;
};

/// Work of an op scaled by `factor` as DataRuntime::MeasureOp does.
OpWork ScaleWork(const OpWork& work, double factor);

/// Reads every *.toml of `dir` (sorted by name) and registers each as a DataRuntime. A missing
/// directory registers nothing; an invalid file, a file named other than its id, or an id
/// already registered is an input error. Registering the same directory twice is a no-op.
util::Status RegisterRuntimeDirectory(const std::string& dir);

}  // namespace kernels
