#pragma once
// Per-stage search spaces (Once-for-All style): a space file with kind = "stages" gives fixed
// blocks, then elastic stages whose depth, kernel and expand ratio are chosen per point from
// given sets, an optional final block (ProxylessNAS-based spaces), a resolution set and a width.
//
// A point is written in the OFA/DyNAS-T 20-slot encoding, 5 stages x 4 slots:
//   SPACE:d=D1,...,D5:k=K1,...,K20:e=E1,...,E20:r=RES[:last=kKeE]
// Slots past a stage's depth are ignored (0 allowed there); the canonical form writes them 0.
// SPACE may name the space file's family at another width: `mcunet-ofa-w0.6` is the space
// `mcunet-ofa-w1.0` (or any file of family `mcunet-ofa`) built at width 0.6.
//
// For search the space is a list of named dimensions with finite choice sets (Dimensions()):
// "d1".."d5", "k1".."k20", "e1".."e20", "r", and "last_k", "last_e" when the space has a final
// block. A vector of choice indices (one per dimension, in that order) maps to a point with
// FromChoices() and back with ToChoices(); every index vector is a valid point.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "searchspace/space.h"
#include "util/result.h"

namespace searchspace {

inline constexpr int kStages = 5;
inline constexpr int kSlotsPerStage = 4;
inline constexpr int kSlots = kStages * kSlotsPerStage;

/// One point of a per-stage space. Kernels and expands of ignored slots are 0.
struct Point {
  const Space* space = nullptr;  // the space file the point belongs to
  double width = 1.0;            // width multiplier (the file's, or the one in SPACE's name)
  std::array<int, kStages> depths{};
  std::array<int, kSlots> kernels{};
  std::array<int, kSlots> expands{};
  int resolution = 0;
  int last_kernel = 0, last_expand = 0;  // 0 when the space has no final block
  /// "ofa-mbv3-w1.0:d=...:k=...:e=...:r=224", canonical.
  std::string ToString() const;
  /// The space token of the point string: the file's name, or its family at this width.
  std::string SpaceName() const;
};

/// Parses a point of `space` at `width`; `text` is the part after "SPACE:" and `label` the whole
/// string for messages. Errors (wrong slot count, a choice outside the space) name the nearest
/// valid point.
util::Result<Point> ParsePoint(const Space& space, double width, std::string_view text,
                               const std::string& label);

/// The fixed block table (kind "fixed", channels already scaled) the point stands for; its name
/// is the canonical point string.
Space Expand(const Point& point);

/// Builds the deployed network of a point.
util::Result<graph::Network> BuildPoint(const Point& point);

/// The family of a per-stage space's name: "ofa-mbv3" for "ofa-mbv3-w1.0" (the name itself
/// when it carries no "-wX" suffix).
std::string Family(const std::string& space_name);

/// A search dimension: its name and its choices (as integers: depth, kernel, expand, pixels).
struct Dimension {
  std::string name;
  std::vector<int> choices;
};

/// The dimensions of a per-stage space, in the order FromChoices() takes them.
std::vector<Dimension> Dimensions(const Space& space);
/// The point with choice indices `index` (one per dimension; each < its choices' size).
Point FromChoices(const Space& space, double width, const std::vector<int>& index);
/// The choice indices of a point (ignored slots get index 0).
std::vector<int> ToChoices(const Point& point);

}  // namespace searchspace
