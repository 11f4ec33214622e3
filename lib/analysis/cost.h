#pragma once
// analysis — exact counts of a graph::Network: MACs, parameters, deployed bytes, per op and in
// total, and the MAC share per op class (paper Fig. 6). Counting conventions are those of
// the paper (reference: architectures.md §2):
//  * MACs: conv  = Ho*Wo*Cout*(Cin/groups)*kh*kw, linear = in*out; nothing else counts.
//  * params: every trained parameter — weights, biases, batch-norm gamma and beta.
//  * deployed bytes (int8 TFLite after batch-norm folding): weights at weight_bits each, an int32
//    bias per output channel of every conv/linear, and for conv and depthwise a per-channel
//    int32 requantisation multiplier and int32 shift (linear: one per tensor).

#include <cstdint>
#include <string>
#include <vector>

#include "graph/network.h"

namespace analysis {

struct OpCost {
  int64_t macs = 0;
  int64_t params = 0;             // as the paper counts them (BN gamma/beta included)
  int64_t weight_bytes = 0;       // the weights alone, at weight_bits
  int64_t bias_bytes = 0;         // int32 per output channel
  int64_t quant_param_bytes = 0;  // requantisation multipliers and shifts
  int64_t flash_bytes() const { return weight_bytes + bias_bytes + quant_param_bytes; }
};

OpCost CountOp(const graph::Network& net, const graph::Op& op);

struct Totals {
  int64_t macs = 0;
  int64_t params = 0;
  int64_t weight_bytes = 0;
  int64_t flash_bytes = 0;  // weights + biases + quantisation parameters
};

Totals CountNetwork(const graph::Network& net);

// The op class for MAC shares: "stem", "conv1x1", "conv_kxk", "dw3x3", "dw5x5", "dw7x7"
// (any k: "dw<k>x<k>"), "se", "fc" (classifier and hidden linear layers), or "other".
std::string OpClass(const graph::Op& op);

struct ClassShare {
  std::string op_class;
  int64_t macs = 0;
  double share = 0;  // macs / total macs
};

// MAC share per op class, largest first.
std::vector<ClassShare> MacShares(const graph::Network& net);

// Share of MACs in depthwise convolutions (all kernel sizes), 0..1.
double DepthwiseShare(const graph::Network& net);

// Bytes of one activation tensor: ceil(elements * bits / 8), bits = the tensor's element_bits
// when set, else the network's activation_bits.
int64_t TensorBytes(const graph::Network& net, int tensor);

}  // namespace analysis
