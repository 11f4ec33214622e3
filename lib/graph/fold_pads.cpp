#include "graph/fold_pads.h"

#include "graph/network_memo.h"

namespace graph {
namespace {

// The op that reads `pad`'s output, when step 1 of fold_pads.h lets the PAD fold into it; -1
// otherwise. `readers[t]` counts the op inputs that name tensor t.
int FoldTarget(const Network& net, const std::vector<int>& readers, size_t pad) {
  const Op& p = net.ops[pad];
  if (p.inputs.empty() || p.output == net.output) return -1;
  if (readers[static_cast<size_t>(p.output)] != 1) return -1;
  const Shape& in = net.tensor(p.inputs[0]).shape;
  const Shape& out = net.tensor(p.output).shape;
  if (out.c != in.c || out.h != in.h + p.padding.top + p.padding.bottom ||
      out.w != in.w + p.padding.left + p.padding.right) {
    return -1;  // pads channels, or its attributes do not explain its shape
  }
  for (size_t j = pad + 1; j < net.ops.size(); ++j) {
    const Op& c = net.ops[j];
    const bool reads = !c.inputs.empty() && c.inputs[0] == p.output;
    if (!reads) continue;
    const bool conv = c.kind == OpKind::kConv2d || c.kind == OpKind::kDepthwiseConv2d;
    return conv ? static_cast<int>(j) : -1;
  }
  return -1;
}

}  // namespace

bool HasPad(const Network& net) {
  for (const Op& op : net.ops) {
    if (op.kind == OpKind::kPad) return true;
  }
  return false;
}

FoldedPads FoldPads(const Network& net) {
  FoldedPads f;
  f.net = net;
  f.net.ops.clear();
  f.pad_folded.assign(net.ops.size(), false);
  f.folded_op.assign(net.ops.size(), -1);
  std::vector<int> readers(net.tensors.size(), 0);
  for (const Op& op : net.ops) {
    for (int t : op.inputs) ++readers[static_cast<size_t>(t)];
  }
  // Step 1 for every PAD: its consumer gets its input and its padding.
  std::vector<Op> ops = net.ops;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].kind != OpKind::kPad) continue;
    const int target = FoldTarget(net, readers, i);
    if (target < 0) continue;
    Op& c = ops[static_cast<size_t>(target)];
    c.inputs[0] = ops[i].inputs[0];
    c.padding.top += ops[i].padding.top;
    c.padding.bottom += ops[i].padding.bottom;
    c.padding.left += ops[i].padding.left;
    c.padding.right += ops[i].padding.right;
    f.pad_folded[i] = true;
    f.folded_op[i] = target;  // an original index for now; renumbered below
    ++f.folded;
  }
  // Step 3: drop the folded PADs and number the ops that stay.
  std::vector<int> kept(ops.size(), -1);
  for (size_t i = 0; i < ops.size(); ++i) {
    if (f.pad_folded[i]) continue;
    kept[i] = static_cast<int>(f.net.ops.size());
    f.original_op.push_back(static_cast<int>(i));
    f.net.ops.push_back(std::move(ops[i]));
  }
  for (size_t i = 0; i < ops.size(); ++i) {
    f.folded_op[i] = f.pad_folded[i] ? kept[static_cast<size_t>(f.folded_op[i])] : kept[i];
  }
  return f;
}

const FoldedPads& FoldedPadsOf(const Network& net) {
  struct FoldPadsTag {};
  return MemoOnNetwork<FoldPadsTag>(net, FoldPads);
}

}  // namespace graph
