#pragma once
// The flash a model takes as deployed (issue 14 item 6): the .tflite flatbuffer, not only its
// weights. An imported network's is its file's size (graph::Network::file_bytes). A built
// network's is its data (weights + int32 biases + requantisation parameters, analysis flash
// bytes) plus the flatbuffer overhead of the same model written as TFLite, fitted (least
// squares) on the real files of the conv families dse builds: the ten MCUNet zoo files and the
// MLPerf Tiny ResNet-8 in data/models/ (reference models/README.md; the data are printed by
// tests/placement/zoo_layouts_test.cpp FlatbufferOverheadData):
//   overhead = kFlatbufferBaseBytes + kFlatbufferPerOpBytes x ops
//              + kFlatbufferPerChannelBytes x output channels of CONV / DEPTHWISE / FC ops.
// Leave-one-out over those 11 files (zoo_layouts_test FlatbufferFitLeaveOneOut): mean |error|
// of the file size 0.35 %, worst 3.3 % (ResNet-8); the previous constants (1,000 + 300 x ops
// + 16 x channels) were 6-10 % low. All ops count, PADs included: the zoo files (MIT's
// converter) carry an explicit PAD before every conv, a built network has none, and the TF
// converter writes none for 'same' padding, so a built network is costed by its own ops.
// (Weighted ops instead fit the files as well, 0.30 %, but charge every built conv its
// PAD's entry: ~+4 % flash on the seed's Table III nets, which then miss the F469's 1 MiB
// although the seed ran them there.) Off the conv families the fit is worse (the FC-only
// MLPerf AD file, KWS, the MLPerf VWW
// file: see the test). The per-channel term is the per-channel quantisation TFLite stores for
// each filter and bias (a float32 scale and an int64 zero point) beyond the 8 B of multiplier
// and shift dse counts as requantisation data; the per-op term is the operator table, the
// activation tensors, their quantisation and names. The runtime's code is apart
// (sram_layout.h RuntimeCode; for TFLM the board's [flash] reserved_bytes, 102,400 B on the
// built-in boards: the seed's "approximately 100KB" of framework code).

#include <cstdint>

#include "graph/network.h"

namespace placement {

inline constexpr int64_t kFlatbufferBaseBytes = 4'405;
inline constexpr int64_t kFlatbufferPerOpBytes = 404;
inline constexpr int64_t kFlatbufferPerChannelBytes = 16;

struct ModelFlash {
  int64_t data_bytes = 0;      // weights + biases + requantisation (analysis flash bytes)
  int64_t overhead_bytes = 0;  // flatbuffer structure: file - data, or the estimate above
  bool from_file = false;      // the total is an imported file's size
  bool generated = false;      // compiled to C by a code-generating runtime: data only
  int64_t total_bytes() const { return data_bytes + overhead_bytes; }
};

/// The flatbuffer overhead estimate of `net` (the formula above).
int64_t FlatbufferOverheadBytes(const graph::Network& net);

/// `net`'s model as deployed, given its data bytes: file_bytes when it has one, else data plus
/// the overhead estimate.
ModelFlash DeployedModel(const graph::Network& net, int64_t data_bytes);

/// A model compiled to C (TinyEngine, X-CUBE-AI): its data only, no flatbuffer (the
/// generated code is the runtime's code figure, sram_layout.h RuntimeCode).
ModelFlash GeneratedModel(int64_t data_bytes);

}  // namespace placement
