// Turning (space, width, resolution) into the deployed graph::Network.

#include <cmath>

#include <fmt/format.h>

#include "graph/builder.h"
#include "searchspace/space.h"

namespace searchspace {
namespace {

using graph::Activation;
using graph::Builder;
using graph::ConvSpec;

// torchvision _make_divisible(v, 8): nearest multiple of 8 (halves up), at least 8, and not
// below 0.9 v.
int MakeDivisible8(double v) {
  int rounded = std::max(8, static_cast<int>(v + 4) / 8 * 8);
  if (rounded < 0.9 * v) rounded += 8;
  return rounded;
}

int CeilTo(double v, int divisor) {
  // The epsilon keeps products like 0.55 * 400 = 220.00000000000003 from rounding up a step.
  return static_cast<int>(std::ceil(v / divisor - 1e-9)) * divisor;
}

Activation Pick(const std::string& name, Activation fallback) {
  if (name.empty()) return fallback;
  if (name == "relu") return Activation::kRelu;
  if (name == "hswish") return Activation::kHardSwish;
  return Activation::kRelu6;
}

struct Scaled {
  const Space& space;
  double width;
  int Channels(int c) const { return ScaleWidth(c, width, space.width_rule); }
  int Head(int c) const { return space.head.scale ? Channels(c) : c; }
};

// One inverted-residual block: [expand 1x1] -> depthwise kxk -> [SE] -> project 1x1 [-> add].
int AddBlock(Builder& b, const Scaled& s, const BlockSpec& spec, int in_channels, int out_base,
             int stride, bool residual, int x) {
  const Activation act = Pick(spec.activation, s.space.activation);
  const int out = s.Channels(out_base);
  const int expanded = s.space.expand_rule == ExpandRule::kRatio && spec.expanded == 0
                           ? static_cast<int>(std::lround(in_channels * spec.expand))
                           : ScaleWidth(spec.expanded, s.width, s.space.width_rule);
  const int block_input = x;
  if (expanded != in_channels) {
    x = b.Conv(x, ConvSpec{expanded, 1, 1, act, false, true});
  }
  x = b.DepthwiseConv(x, ConvSpec{expanded, spec.kernel, stride, act, false, true});
  if (spec.squeeze_excite) {
    // torchvision SElayer: squeeze = _make_divisible(expanded // 4, 8), both 1x1 convs with bias.
    b.set_role(graph::OpRole::kSqueezeExcite);
    const int squeeze = MakeDivisible8(expanded / 4);
    int gate = b.GlobalAveragePool(x);
    gate = b.Conv(gate, ConvSpec{squeeze, 1, 1, Activation::kRelu, true, false});
    gate = b.Conv(gate, ConvSpec{expanded, 1, 1, Activation::kHardSigmoid, true, false});
    x = b.Mul(x, gate);
    b.set_role(graph::OpRole::kBody);
  }
  x = b.Conv(x, ConvSpec{out, 1, 1, Activation::kNone, false, true});
  if (residual) x = b.Add(x, block_input);
  return x;
}

bool HasResidual(const BlockSpec& spec, int in_base, int out_base, int stride) {
  if (spec.residual == "yes") return true;
  if (spec.residual == "no") return false;
  return stride == 1 && in_base == out_base;
}

int AddHead(Builder& b, const Scaled& s, int last_out, int x) {
  const HeadSpec& head = s.space.head;
  const Activation act = Pick(head.activation, s.space.activation);
  b.set_role(graph::OpRole::kHead);
  b.set_block(-1);
  if (head.feature_mix > 0 || head.feature_mix_per_last > 0) {
    const int mix = head.feature_mix > 0 ? s.Head(head.feature_mix)
                                         : head.feature_mix_per_last * last_out;
    x = b.Conv(x, ConvSpec{mix, 1, 1, act, false, true});
  }
  x = b.GlobalAveragePool(x);
  if (head.post_pool_conv > 0) {
    x = b.Conv(x, ConvSpec{s.Head(head.post_pool_conv), 1, 1, act, false, true});
  }
  if (head.hidden_linear > 0) {
    x = b.FullyConnected(x, s.Head(head.hidden_linear), act, true);
  }
  b.set_role(graph::OpRole::kClassifier);
  if (head.classifier == "linear") return b.FullyConnected(x, head.classes, Activation::kNone, true);
  x = b.Conv(x, ConvSpec{head.classes, 1, 1, Activation::kNone, true, false});
  b.set_role(graph::OpRole::kHead);
  return b.Reshape(x, {1, 1, head.classes});
}

}  // namespace

int ScaleWidth(int c, double w, WidthRule rule) {
  const double v = c * w;
  switch (rule) {
    case WidthRule::kCeil4: return std::max(4, CeilTo(v, 4));
    case WidthRule::kCeil8: return std::max(8, CeilTo(v, 8));
    case WidthRule::kMd8: return MakeDivisible8(v);
    case WidthRule::kNone: return std::max(1, static_cast<int>(std::lround(v)));
  }
  return c;
}

std::string Variant::name() const {
  if (!point.empty()) return point;
  if (fixed) return space;
  return fmt::format("{}-w{:.2f}-r{:03d}", space, width, resolution);
}

int MinResolution(const Space& space) {
  int total_stride = space.stem.stride;
  for (const BlockSpec& b : space.blocks) total_stride *= b.stride;
  // With SAME padding every layer keeps at least one row, so any resolution >= 1 works
  // arithmetically; a net is only meaningful when its last stage keeps >= 1 real input row
  // per stride step, i.e. resolution >= total stride.
  return total_stride;
}

util::Result<graph::Network> Build(const Space& space, double width, int resolution) {
  if (space.staged()) {
    return util::InputError(fmt::format(
        "'{}' is a per-stage space: give a point, {}:d=D1,...,D5:k=K1,...,K20:e=E1,...,E20:r=RES",
        space.name, space.name));
  }
  if (!(width > 0 && width <= 4)) {
    return util::InputError(fmt::format("width {:g} is out of range: must be in (0, 4]", width));
  }
  if (resolution < MinResolution(space) || resolution > 1024) {
    return util::InputError(fmt::format(
        "resolution {} is out of range for '{}': must be between {} (its total stride) and 1024",
        resolution, space.name, MinResolution(space)));
  }
  const Scaled s{space, width};
  const std::string name = Variant{space.name, width, resolution, space.fixed, ""}.name();
  Builder b(name, resolution);
  b.set_role(graph::OpRole::kStem);
  const StemSpec& stem = space.stem;
  int channels = s.Channels(stem.out);
  int x = b.Conv(b.input(), ConvSpec{channels, stem.kernel, stem.stride,
                                     Pick(stem.activation, space.activation), false, true});
  b.set_role(graph::OpRole::kBody);
  int block_index = 0;
  for (const BlockSpec& spec : space.blocks) {
    for (int r = 0; r < spec.repeat; ++r) {
      const int in_base = r == 0 ? spec.in : spec.out;
      const int stride = r == 0 ? spec.stride : 1;
      b.set_block(block_index++);
      x = AddBlock(b, s, spec, channels, spec.out, stride,
                   HasResidual(spec, in_base, spec.out, stride), x);
      channels = s.Channels(spec.out);
    }
  }
  x = AddHead(b, s, channels, x);
  return b.Finish(x, space.activation_bits, space.weight_bits);
}

}  // namespace searchspace
