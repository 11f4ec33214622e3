#include "graph/blocks.h"

#include <algorithm>

namespace graph {
namespace {

bool IsPointwiseConv(const Op& op) {
  return op.kind == OpKind::kConv2d && op.kernel_h == 1 && op.kernel_w == 1 &&
         op.stride_h == 1 && op.stride_w == 1;
}

// Who writes and who reads each tensor.
struct Uses {
  std::vector<int> producer;             // per tensor, the op writing it; -1 for the input
  std::vector<std::vector<int>> readers;  // per tensor, the ops reading it (once each)
  explicit Uses(const Network& net)
      : producer(net.tensors.size(), -1), readers(net.tensors.size()) {
    for (size_t i = 0; i < net.ops.size(); ++i) {
      const Op& op = net.ops[i];
      producer[static_cast<size_t>(op.output)] = static_cast<int>(i);
      for (int t : op.inputs) {
        std::vector<int>& r = readers[static_cast<size_t>(t)];
        if (r.empty() || r.back() != static_cast<int>(i)) r.push_back(static_cast<int>(i));
      }
    }
  }
  // The one op reading tensor `t`, -1 when none or several.
  int OnlyReader(int t) const {
    const std::vector<int>& r = readers[static_cast<size_t>(t)];
    return r.size() == 1 ? r[0] : -1;
  }
};

// The PAD writing op `op`'s data input, when only `op` reads it and it is in no block; else -1.
int PadBefore(const Network& net, const Uses& uses, int op) {
  const int p = uses.producer[static_cast<size_t>(net.ops[static_cast<size_t>(op)].inputs[0])];
  if (p < 0) return -1;
  const Op& pad = net.ops[static_cast<size_t>(p)];
  return pad.kind == OpKind::kPad && pad.block < 0 && uses.OnlyReader(pad.output) == op ? p : -1;
}

// Step 2: the first op of the block anchored at depthwise `d` (a PAD before the expand conv,
// as the zoo files have before every conv, belongs to the block too).
int BlockStart(const Network& net, const Uses& uses, int d) {
  int start = d;
  if (const int pad = PadBefore(net, uses, d); pad >= 0) start = pad;
  const int producer =
      uses.producer[static_cast<size_t>(net.ops[static_cast<size_t>(start)].inputs[0])];
  if (producer < 0) return start;
  const Op& p = net.ops[static_cast<size_t>(producer)];
  const bool expand = IsPointwiseConv(p) && p.block < 0 && p.role != OpRole::kStem &&
                      uses.OnlyReader(p.output) >= 0;
  if (!expand) return start;
  const int pad = PadBefore(net, uses, producer);
  return pad >= 0 ? pad : producer;
}

// Step 3: the last op of the block anchored at depthwise `d`; -1 without a project conv.
int BlockEnd(const Network& net, const Uses& uses, int d) {
  int next = uses.OnlyReader(net.ops[static_cast<size_t>(d)].output);
  if (next >= 0 && net.ops[static_cast<size_t>(next)].kind == OpKind::kPad) {
    next = uses.OnlyReader(net.ops[static_cast<size_t>(next)].output);
  }
  if (next < 0 || !IsPointwiseConv(net.ops[static_cast<size_t>(next)])) return -1;
  // The residual ADD reads the project output alone; an ADD that also reads a later block's
  // output is that block's (this project output is its skip input).
  const int add = uses.OnlyReader(net.ops[static_cast<size_t>(next)].output);
  return add >= 0 && net.ops[static_cast<size_t>(add)].kind == OpKind::kAdd ? add : next;
}

}  // namespace

Network InferBlocks(Network net, int* blocks) {
  int found = 0;
  const bool has_blocks =
      std::any_of(net.ops.begin(), net.ops.end(), [](const Op& op) { return op.block >= 0; });
  if (!has_blocks) {
    const Uses uses(net);
    for (size_t d = 0; d < net.ops.size(); ++d) {
      if (net.ops[d].kind != OpKind::kDepthwiseConv2d || net.ops[d].block >= 0) continue;
      const int end = BlockEnd(net, uses, static_cast<int>(d));
      if (end < 0) continue;
      const int start = BlockStart(net, uses, static_cast<int>(d));
      for (int i = start; i <= end; ++i) {
        Op& op = net.ops[static_cast<size_t>(i)];
        if (op.block < 0) op.block = found;
      }
      ++found;
    }
  }
  if (blocks != nullptr) *blocks = found;
  return net;
}

}  // namespace graph
