#pragma once
// The flash a model takes as deployed (issue 14 item 6): the .tflite flatbuffer, not only its
// weights. An imported network's is its file's size (graph::Network::file_bytes). A built
// network's is its data (weights + int32 biases + requantisation parameters, analysis flash
// bytes) plus the flatbuffer overhead of the same model written as TFLite, estimated by a fit
// on the real files in data/models/ (reference models/README.md; the data are printed by
// tests/placement/zoo_layouts_test.cpp FlatbufferOverheadData):
//   overhead = kFlatbufferBaseBytes + kFlatbufferPerOpBytes x ops
//              + kFlatbufferPerChannelBytes x output channels of CONV / DEPTHWISE / FC ops.
// The constants below are a first estimate. The least-squares fit on the 15 distinct files
// (proxyless r064 duplicates r144) gives 5,235 + 424 x ops + 15.6 x channels, within 2.2 % of
// the MCUNet, proxyless and ResNet-8 files (the conv families dse builds) and off on the
// FC-only AD model (+490 %), KWS (-20 %) and the MLPerf VWW file (-34 %); the constants below
// give 6-10 % less than the files on the conv families. Updating them to the fit moves the
// golden fronts (tests/golden/), so it goes with a regeneration.
// The per-channel term is the per-channel quantisation TFLite stores for each filter and bias
// (a float32 scale and an int64 zero point, 12 B each) beyond the 8 B of multiplier and shift
// dse counts as requantisation data; the per-op term is the operator table, the activation
// tensors, their quantisation and names. The runtime's code is apart: the board's
// [flash] reserved_bytes (102,400 B on the built-in boards: the seed's "approximately 100KB"
// of framework code).

#include <cstdint>

#include "graph/network.h"

namespace placement {

inline constexpr int64_t kFlatbufferBaseBytes = 1000;
inline constexpr int64_t kFlatbufferPerOpBytes = 300;
inline constexpr int64_t kFlatbufferPerChannelBytes = 16;

struct ModelFlash {
  int64_t data_bytes = 0;      // weights + biases + requantisation (analysis flash bytes)
  int64_t overhead_bytes = 0;  // flatbuffer structure: file - data, or the estimate above
  bool from_file = false;      // the total is an imported file's size
  int64_t total_bytes() const { return data_bytes + overhead_bytes; }
};

/// The flatbuffer overhead estimate of `net` (the formula above).
int64_t FlatbufferOverheadBytes(const graph::Network& net);

/// `net`'s model as deployed, given its data bytes: file_bytes when it has one, else data plus
/// the overhead estimate.
ModelFlash DeployedModel(const graph::Network& net, int64_t data_bytes);

}  // namespace placement
