#include "explore/search.h"

#include <algorithm>

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
  return {s, s->widths[static_cast<size_t>(local / n_res)], s->resolutions[static_cast<size_t>(local % n_res)]};
}

std::optional<int64_t> GridStrategy::Next() {
  if (next_ >= size_) return std::nullopt;
  return next_++;
}

void GridStrategy::Report(int64_t /*id*/, int feasible_modes) {
  if (feasible_modes == 0) ++infeasible_;
}

}  // namespace explore
