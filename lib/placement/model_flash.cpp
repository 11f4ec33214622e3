#include "placement/model_flash.h"

namespace placement {

int64_t FlatbufferOverheadBytes(const graph::Network& net) {
  int64_t channels = 0;
  for (const graph::Op& op : net.ops) {
    if (op.kind == graph::OpKind::kConv2d || op.kind == graph::OpKind::kDepthwiseConv2d ||
        op.kind == graph::OpKind::kFullyConnected) {
      channels += net.output_shape(op).c;
    }
  }
  return kFlatbufferBaseBytes + kFlatbufferPerOpBytes * static_cast<int64_t>(net.ops.size()) +
         kFlatbufferPerChannelBytes * channels;
}

ModelFlash DeployedModel(const graph::Network& net, int64_t data_bytes) {
  if (net.file_bytes > 0) return {data_bytes, net.file_bytes - data_bytes, true};
  return {data_bytes, FlatbufferOverheadBytes(net), false};
}

ModelFlash GeneratedModel(int64_t data_bytes) { return {data_bytes, 0, false, true}; }

}  // namespace placement
