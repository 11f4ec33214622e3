#include "explore/search.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace explore {

PointSpace::PointSpace(std::vector<const searchspace::Space*> spaces) : spaces_(std::move(spaces)) {
  for (const searchspace::Space* s : spaces_) {
    first_id_.push_back(total_);
    total_ += static_cast<int64_t>(s->widths.size() * s->resolutions.size());
  }
}

DesignPoint PointSpace::At(int64_t id) const {
  const size_t k = static_cast<size_t>(
      std::upper_bound(first_id_.begin(), first_id_.end(), id) - first_id_.begin() - 1);
  const searchspace::Space* s = spaces_[k];
  const int64_t local = id - first_id_[k];
  const int64_t n_res = static_cast<int64_t>(s->resolutions.size());
  const int64_t w = local / n_res, r = local % n_res;
  DesignPoint p{s, s->widths[static_cast<size_t>(w)], s->resolutions[static_cast<size_t>(r)], {}};
  p.coordinates = {{"space", static_cast<int64_t>(k), s->name},
                   {"width", w, fmt::format("{:.2f}", p.width)},
                   {"resolution", r, std::to_string(p.resolution)}};
  return p;
}

std::optional<int64_t> GridStrategy::Next() {
  if (next_ >= size_) return std::nullopt;
  const int64_t id = next_;
  next_ += step_;
  return id;
}

void GridStrategy::Report(int64_t /*id*/, const PointResult& result) { Count(result); }

RandomStrategy::RandomStrategy(int64_t size, int64_t count, uint64_t seed) {
  order_.resize(static_cast<size_t>(size));
  std::iota(order_.begin(), order_.end(), 0);
  std::mt19937_64 rng(seed);
  // A partial Fisher-Yates shuffle: the first `count` entries are a uniform sample.
  const size_t n = static_cast<size_t>(std::clamp<int64_t>(count, 0, size));
  for (size_t i = 0; i < n; ++i) {
    std::uniform_int_distribution<size_t> pick(i, order_.size() - 1);
    std::swap(order_[i], order_[pick(rng)]);
  }
  order_.resize(n);
}

std::optional<int64_t> RandomStrategy::Next() {
  if (next_ >= order_.size()) return std::nullopt;
  return order_[next_++];
}

void RandomStrategy::Report(int64_t /*id*/, const PointResult& result) { Count(result); }

}  // namespace explore
