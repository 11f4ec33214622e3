#pragma once
// searchspace — model families as data: a block table at width 1.0, a width-scaling rule and a
// width x resolution grid, read from searchspaces/*.toml, and the builder that turns
// (space, width, resolution) into a graph::Network.

#include <string>
#include <vector>

#include "graph/network.h"
#include "util/result.h"

namespace searchspace {

// How a width-1.0 channel count c becomes the channel count at width w.
enum class WidthRule {
  kCeil4,  // ceil(c*w / 4) * 4 — TinyOps' MobileNetV3 and ProxylessNAS
  kCeil8,  // ceil(c*w / 8) * 8 — MIT's released scaled ProxylessNAS
  kMd8,    // torchvision _make_divisible(c*w, 8): nearest multiple of 8, >= 8, >= 0.9*c*w
  kNone,   // round(c*w) — for fixed nets at w = 1
};

// How a block's expanded (depthwise) width is obtained.
enum class ExpandRule {
  kRatio,     // round(scaled input * expand ratio) — ProxylessNASNets, MNASNet
  kAbsolute,  // the width rule applied to the block's absolute expanded width — torchvision
};

struct StemSpec {
  int out = 0;
  int kernel = 3;
  int stride = 2;
  std::string activation;  // "" = the space's default
};

// One inverted-residual block (or a stage of `repeat` blocks; the first carries the stride).
struct BlockSpec {
  int line = 0;  // source line, for error messages
  int in = 0;
  int out = 0;
  int kernel = 3;
  int stride = 1;
  double expand = 0;   // expand ratio (ExpandRule::kRatio)
  int expanded = 0;    // absolute expanded width (ExpandRule::kAbsolute, or explicit mid)
  int repeat = 1;
  std::string residual;    // "auto" (stride 1 and base in == out), "yes", "no"
  bool squeeze_excite = false;
  std::string activation;  // "" = the space's default
};

struct HeadSpec {
  int feature_mix = 0;             // 1x1 conv before pooling (0: none)
  int feature_mix_per_last = 0;    // or: feature mix = this x the scaled last block width
  int post_pool_conv = 0;          // 1x1 conv + BN after pooling (TinyOps mbv3 final_conv)
  int hidden_linear = 0;           // linear layer with bias after pooling (torchvision MBv3)
  bool scale = true;               // whether the width rule applies to the head widths
  int classes = 1000;
  std::string classifier = "conv1x1";  // "conv1x1" (+ RESHAPE, TinyOps TFLite) or "linear"
  std::string activation;          // "" = the space's default
};

// One elastic stage of a per-stage space (kind = "stages"): its depth, kernel and expand ratio
// are chosen per point from the given sets (see stages.h).
struct StageChoices {
  int line = 0;               // source line, for error messages
  int out = 0;                // output channels at width 1
  int stride = 1;             // stride of the stage's first block
  bool squeeze_excite = false;
  std::string activation;     // "" = the space's default
  double width = 1.0;         // per-stage width multiplier, on top of the space's width
  std::vector<int> depths, kernels, expands;
};

// The ProxylessNAS-based spaces' final block: kernel and expand ratio chosen per point.
struct LastChoices {
  int line = 0;
  int out = 0;                // 0: the space has no such block
  std::string activation;
  std::vector<int> kernels, expands;
};

struct Space {
  std::string file;         // where it was read from
  std::string name;         // family name, prefix of variant names
  std::string description;
  std::string source;       // where the definition comes from
  bool fixed = false;       // a reference net with one width and resolution
  WidthRule width_rule = WidthRule::kCeil4;
  ExpandRule expand_rule = ExpandRule::kRatio;
  graph::Activation activation = graph::Activation::kRelu6;
  int activation_bits = 8;
  int weight_bits = 8;
  std::vector<double> widths;      // default grid
  std::vector<int> resolutions;    // default grid (fixed nets: their one resolution)
  StemSpec stem;
  std::vector<BlockSpec> blocks;
  HeadSpec head;
  // Per-stage spaces (kind = "stages"): `blocks` are the fixed blocks before the stages, `width`
  // the space's width multiplier, `resolutions` its resolution set. Empty `stages` otherwise.
  double width = 1.0;
  std::vector<StageChoices> stages;
  LastChoices last;
  bool staged() const { return !stages.empty(); }
};

// One point of a space. Width and resolution need not be grid points.
struct Variant {
  std::string space;
  double width = 1.0;
  int resolution = 224;
  bool fixed = false;        // a fixed reference net: its name is the space's name
  std::string point;         // a per-stage space's point, canonical ("" for grid variants)
  std::string name() const;  // "mbv3-w0.75-r128"; a fixed net's own name ("mcunet-in3")
};

// Scales channel count c by width w under `rule`.
int ScaleWidth(int c, double w, WidthRule rule);

// Reads and validates a space file's text. `file` is used in error messages only.
util::Result<Space> ParseSpace(const std::string& file, std::string_view text);
// Reads a space from disk.
util::Result<Space> LoadSpace(const std::string& path);

// Builds the deployed network of one variant. Errors for a width or resolution the
// architecture cannot take (width outside (0, 4], resolution below the total stride).
util::Result<graph::Network> Build(const Space& space, double width, int resolution);

// Smallest input resolution the network accepts: every layer keeps >= 1 row.
int MinResolution(const Space& space);

}  // namespace searchspace
