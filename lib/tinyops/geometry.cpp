#include "tinyops/geometry.h"

#include <algorithm>

#include "tinyops/kernels.h"

namespace tinyops::detail {
namespace {

SplitRule RuleOf(graph::OpKind kind) {
  switch (kind) {
    case graph::OpKind::kConv2d:
    case graph::OpKind::kDepthwiseConv2d: return SplitRule::kConv;
    case graph::OpKind::kAveragePool: return SplitRule::kPool;
    case graph::OpKind::kPad:
    case graph::OpKind::kAdd:
    case graph::OpKind::kMul:
    case graph::OpKind::kHardSwish: return SplitRule::kRows;
    default: return SplitRule::kNone;
  }
}

}  // namespace

NetGeometry Describe(const graph::Network& net) {
  NetGeometry geo;
  geo.activation_bits = net.activation_bits;
  geo.ops.reserve(net.ops.size());
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const graph::Op& op = net.ops[i];
    const graph::Shape& in = net.input_shape(op);
    OpGeometry g;
    g.rule = RuleOf(op.kind);
    g.window = {in.h, op.kernel_h, op.stride_h, op.padding.top, net.output_shape(op).h};
    if (g.rule == SplitRule::kRows) {
      g.window.pad_top = op.kind == graph::OpKind::kPad ? op.padding.top : 0;
      g.pad_bottom = op.kind == graph::OpKind::kPad ? op.padding.bottom : 0;
    }
    g.row_elements = int64_t{in.w} * in.c;
    geo.ops.push_back(g);
    if (const int64_t rf = ReceptiveFieldBytes(net, op); rf > geo.rf_bytes) {
      geo.rf_bytes = rf;
      geo.rf_op = static_cast<int>(i);
    }
    if (const int64_t bias = 4 * int64_t{ConvOutChannels(net, op)}; bias > geo.bmax_bytes) {
      geo.bmax_bytes = bias;
      geo.bmax_op = static_cast<int>(i);
    }
  }
  return geo;
}

void Split(const OpGeometry& g, int pf, std::vector<RowPart>* parts) {
  switch (g.rule) {
    case SplitRule::kConv: SplitConv(g.window, pf, parts); return;
    case SplitRule::kPool: SplitPool(g.window, pf, parts); return;
    case SplitRule::kRows: SplitRows(g.window.in_h, g.window.pad_top, g.pad_bottom, pf, parts); return;
    case SplitRule::kNone: parts->clear(); return;
  }
}

int MaxRows(const std::vector<RowPart>& parts) {
  int rows = 0;
  for (const RowPart& p : parts) rows = std::max(rows, p.in_rows());
  return rows;
}

}  // namespace tinyops::detail
