// Points of per-stage spaces: the point string (parse, canonical form, nearest valid point),
// the block table a point stands for, and the space as named dimensions for search.

#include "searchspace/stages.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace searchspace {
namespace {

// The choice of `choices` nearest to `value` (the smaller one on a tie).
int Nearest(const std::vector<int>& choices, int value) {
  int best = choices.front();
  for (int c : choices) {
    if (std::abs(c - value) < std::abs(best - value)) best = c;
  }
  return best;
}

bool Contains(const std::vector<int>& choices, int value) {
  return std::find(choices.begin(), choices.end(), value) != choices.end();
}

const StageChoices& StageOf(const Space& space, int slot) {
  return space.stages[static_cast<size_t>(slot / kSlotsPerStage)];
}

bool SlotActive(const Point& p, int slot) {
  return slot % kSlotsPerStage < p.depths[static_cast<size_t>(slot / kSlotsPerStage)];
}

// Zeroes the ignored slots.
void Canonicalize(Point* p) {
  for (int i = 0; i < kSlots; ++i) {
    if (!SlotActive(*p, i)) p->kernels[static_cast<size_t>(i)] = p->expands[static_cast<size_t>(i)] = 0;
  }
}

std::string FormatWidth(double width) {
  const std::string one = fmt::format("{:.1f}", width);
  return std::abs(std::strtod(one.c_str(), nullptr) - width) < 1e-9 ? one : fmt::format("{:.2f}", width);
}

// The raw key=value fields of a point string, before any check against the space.
struct RawPoint {
  std::vector<int> d, k, e;
  int r = 0;
  int last_k = 0, last_e = 0;
  bool has_r = false, has_last = false;
};

util::Result<std::vector<int>> ParseInts(std::string_view text, const std::string& key,
                                         const std::string& label) {
  std::vector<int> values;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view item = text.substr(start, comma - start);
    int value = 0;
    auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || ec != std::errc() || ptr != item.data() + item.size()) {
      return util::InputError(fmt::format("bad value '{}' in '{}=' of point '{}': expected "
                                          "comma-separated integers", item, key, label));
    }
    values.push_back(value);
    start = comma + 1;
  }
  return values;
}

util::Result<RawPoint> ParseRaw(std::string_view text, const std::string& label) {
  RawPoint raw;
  size_t start = 0;
  while (start < text.size()) {
    const size_t colon = std::min(text.find(':', start), text.size());
    const std::string_view field = text.substr(start, colon - start);
    start = colon + 1;
    const size_t eq = field.find('=');
    const std::string key(field.substr(0, eq));
    const std::string_view value = eq == std::string_view::npos ? "" : field.substr(eq + 1);
    if (key == "last") {
      int k = 0, e = 0;
      if (std::sscanf(std::string(value).c_str(), "k%de%d", &k, &e) != 2) {
        return util::InputError(fmt::format("bad 'last={}' in point '{}': write last=kKeE, e.g. "
                                            "last=k3e6", value, label));
      }
      raw.last_k = k, raw.last_e = e, raw.has_last = true;
      continue;
    }
    std::vector<int>* list = key == "d" ? &raw.d : key == "k" ? &raw.k : key == "e" ? &raw.e : nullptr;
    if (list == nullptr && key != "r") {
      return util::InputError(fmt::format(
          "unknown field '{}' in point '{}': a point is SPACE:d=D1,...,D5:k=K1,...,K20:"
          "e=E1,...,E20:r=RES[:last=kKeE]", key, label));
    }
    auto ints = ParseInts(value, key, label);
    if (!ints) return ints.error();
    if (list != nullptr) {
      *list = std::move(ints).value();
    } else if (ints->size() == 1) {
      raw.r = ints->front(), raw.has_r = true;
    } else {
      return util::InputError(fmt::format("'r=' of point '{}' takes one resolution", label));
    }
  }
  return raw;
}

// The valid point nearest to `raw`: counts padded or cut, each value snapped to its choices.
Point Snap(const Space& space, double width, const RawPoint& raw) {
  Point p;
  p.space = &space;
  p.width = width;
  auto at = [](const std::vector<int>& v, size_t i) { return i < v.size() ? v[i] : 0; };
  for (size_t s = 0; s < kStages; ++s) p.depths[s] = Nearest(space.stages[s].depths, at(raw.d, s));
  for (int i = 0; i < kSlots; ++i) {
    const size_t u = static_cast<size_t>(i);
    p.kernels[u] = Nearest(StageOf(space, i).kernels, at(raw.k, u));
    p.expands[u] = Nearest(StageOf(space, i).expands, at(raw.e, u));
  }
  p.resolution = Nearest(space.resolutions, raw.r);
  if (space.last.out > 0) {
    p.last_kernel = Nearest(space.last.kernels, raw.last_k);
    p.last_expand = Nearest(space.last.expands, raw.last_e);
  }
  Canonicalize(&p);
  return p;
}

// The first problem of `raw` against the space, or "" when it is a valid point.
std::string Problem(const Space& space, const RawPoint& raw) {
  if (raw.d.size() != kStages) return fmt::format("'d=' has {} values; a point has {} stage depths", raw.d.size(), kStages);
  if (raw.k.size() != kSlots) return fmt::format("'k=' has {} values; a point has {} kernel slots (5 stages x 4)", raw.k.size(), kSlots);
  if (raw.e.size() != kSlots) return fmt::format("'e=' has {} values; a point has {} expand slots (5 stages x 4)", raw.e.size(), kSlots);
  if (!raw.has_r) return "'r=' (the resolution) is missing";
  for (size_t s = 0; s < kStages; ++s) {
    if (!Contains(space.stages[s].depths, raw.d[s])) {
      return fmt::format("stage {} depth {} is not one of {}", s + 1, raw.d[s], space.stages[s].depths);
    }
  }
  for (int i = 0; i < kSlots; ++i) {
    const size_t u = static_cast<size_t>(i);
    if (i % kSlotsPerStage >= raw.d[static_cast<size_t>(i / kSlotsPerStage)]) continue;  // ignored slot
    if (!Contains(StageOf(space, i).kernels, raw.k[u])) {
      return fmt::format("slot {} (stage {}) kernel {} is not one of {}", i + 1, i / 4 + 1, raw.k[u], StageOf(space, i).kernels);
    }
    if (!Contains(StageOf(space, i).expands, raw.e[u])) {
      return fmt::format("slot {} (stage {}) expand ratio {} is not one of {}", i + 1, i / 4 + 1, raw.e[u], StageOf(space, i).expands);
    }
  }
  if (!Contains(space.resolutions, raw.r)) {
    return fmt::format("resolution {} is not in the space's set ({}..{})", raw.r,
                       space.resolutions.front(), space.resolutions.back());
  }
  if (space.last.out > 0 && !raw.has_last) return "'last=kKeE' (the final block) is missing";
  if (space.last.out == 0 && raw.has_last) return "this space has no final block: drop 'last='";
  if (space.last.out > 0 && (!Contains(space.last.kernels, raw.last_k) || !Contains(space.last.expands, raw.last_e))) {
    return fmt::format("last=k{}e{} is not in the space (kernels {}, expands {})", raw.last_k,
                       raw.last_e, space.last.kernels, space.last.expands);
  }
  return "";
}

}  // namespace

std::string Family(const std::string& space_name) {
  const size_t w_at = space_name.rfind("-w");
  if (w_at == std::string::npos) return space_name;
  char* end = nullptr;
  const std::string tail = space_name.substr(w_at + 2);
  std::strtod(tail.c_str(), &end);
  return !tail.empty() && end == tail.c_str() + tail.size() ? space_name.substr(0, w_at) : space_name;
}

std::string Point::SpaceName() const {
  if (std::abs(width - space->width) < 1e-9) return space->name;
  return fmt::format("{}-w{}", Family(space->name), FormatWidth(width));
}

std::string Point::ToString() const {
  std::string text = fmt::format("{}:d={}:k={}:e={}:r={}", SpaceName(), fmt::join(depths, ","),
                                 fmt::join(kernels, ","), fmt::join(expands, ","), resolution);
  if (space->last.out > 0) text += fmt::format(":last=k{}e{}", last_kernel, last_expand);
  return text;
}

util::Result<Point> ParsePoint(const Space& space, double width, std::string_view text,
                               const std::string& label) {
  auto raw = ParseRaw(text, label);
  if (!raw) return raw.error();
  const std::string problem = Problem(space, *raw);
  if (problem.empty()) return Snap(space, width, *raw);  // valid: snapping only zeroes ignored slots
  return util::InputError(fmt::format("point '{}': {}; the nearest valid point is {}", label,
                                      problem, Snap(space, width, *raw).ToString()));
}

Space Expand(const Point& point) {
  const Space& base = *point.space;
  Space s = base;
  s.name = point.ToString();
  s.fixed = true;
  s.stages.clear();
  s.last = LastChoices{};
  s.width_rule = WidthRule::kNone;
  s.widths = {1.0};
  s.resolutions = {point.resolution};
  auto scale = [&](int c, double w) { return ScaleWidth(c, w, base.width_rule); };
  s.stem.out = scale(base.stem.out, point.width);
  HeadSpec& head = s.head;
  if (head.scale) {
    if (head.feature_mix > 0) head.feature_mix = scale(head.feature_mix, point.width);
    if (head.post_pool_conv > 0) head.post_pool_conv = scale(head.post_pool_conv, point.width);
    if (head.hidden_linear > 0) head.hidden_linear = scale(head.hidden_linear, point.width);
  }
  head.scale = false;
  s.blocks.clear();
  int channels = s.stem.out;
  auto add = [&](BlockSpec b, int out, double expand) {
    b.in = channels, b.out = out, b.repeat = 1;
    b.expanded = expand == 1 ? 0 : ScaleWidth(static_cast<int>(std::lround(channels * expand)), 1.0, WidthRule::kMd8);
    b.expand = expand;
    b.residual = b.stride == 1 && channels == out ? "yes" : "no";
    s.blocks.push_back(b);
    channels = out;
  };
  for (const BlockSpec& b : base.blocks) {
    for (int r = 0; r < b.repeat; ++r) {
      BlockSpec one = b;
      one.stride = r == 0 ? b.stride : 1;
      add(one, scale(b.out, point.width), b.expanded > 0 ? double(b.expanded) / b.in : b.expand);
    }
  }
  for (int slot = 0; slot < kSlots; ++slot) {
    if (!SlotActive(point, slot)) continue;
    const StageChoices& stage = StageOf(base, slot);
    BlockSpec b;
    b.kernel = point.kernels[static_cast<size_t>(slot)];
    b.stride = slot % kSlotsPerStage == 0 ? stage.stride : 1;
    b.squeeze_excite = stage.squeeze_excite;
    b.activation = stage.activation;
    add(b, scale(stage.out, point.width * stage.width), point.expands[static_cast<size_t>(slot)]);
  }
  if (base.last.out > 0) {
    BlockSpec b;
    b.kernel = point.last_kernel;
    b.activation = base.last.activation;
    add(b, scale(base.last.out, point.width), point.last_expand);
  }
  return s;
}

util::Result<graph::Network> BuildPoint(const Point& point) {
  return Build(Expand(point), 1.0, point.resolution);
}

std::vector<Dimension> Dimensions(const Space& space) {
  std::vector<Dimension> dims;
  for (int s = 0; s < kStages; ++s) dims.push_back({fmt::format("d{}", s + 1), space.stages[static_cast<size_t>(s)].depths});
  for (int i = 0; i < kSlots; ++i) dims.push_back({fmt::format("k{}", i + 1), StageOf(space, i).kernels});
  for (int i = 0; i < kSlots; ++i) dims.push_back({fmt::format("e{}", i + 1), StageOf(space, i).expands});
  dims.push_back({"r", space.resolutions});
  if (space.last.out > 0) {
    dims.push_back({"last_k", space.last.kernels});
    dims.push_back({"last_e", space.last.expands});
  }
  return dims;
}

// Reads the choice sets in place (no Dimensions() list: a search calls this once per point).
Point FromChoices(const Space& space, double width, const std::vector<int>& index) {
  auto pick = [&](const std::vector<int>& choices, size_t d) { return choices[static_cast<size_t>(index[d])]; };
  Point p;
  p.space = &space;
  p.width = width;
  for (size_t s = 0; s < kStages; ++s) p.depths[s] = pick(space.stages[s].depths, s);
  for (size_t i = 0; i < kSlots; ++i) {
    const StageChoices& stage = StageOf(space, static_cast<int>(i));
    p.kernels[i] = pick(stage.kernels, kStages + i);
    p.expands[i] = pick(stage.expands, kStages + kSlots + i);
  }
  p.resolution = pick(space.resolutions, kStages + 2 * kSlots);
  if (space.last.out > 0) {
    p.last_kernel = pick(space.last.kernels, kStages + 2 * kSlots + 1);
    p.last_expand = pick(space.last.expands, kStages + 2 * kSlots + 2);
  }
  Canonicalize(&p);
  return p;
}

std::vector<int> ToChoices(const Point& point) {
  const std::vector<Dimension> dims = Dimensions(*point.space);
  std::vector<int> values(point.depths.begin(), point.depths.end());
  values.insert(values.end(), point.kernels.begin(), point.kernels.end());
  values.insert(values.end(), point.expands.begin(), point.expands.end());
  values.push_back(point.resolution);
  if (point.space->last.out > 0) values.insert(values.end(), {point.last_kernel, point.last_expand});
  std::vector<int> index;
  for (size_t d = 0; d < dims.size(); ++d) {
    const auto& c = dims[d].choices;
    const auto it = std::find(c.begin(), c.end(), values[d]);
    index.push_back(it == c.end() ? 0 : static_cast<int>(it - c.begin()));
  }
  return index;
}

}  // namespace searchspace
