#include "search/algorithm.h"

#include <algorithm>

namespace search {

StrategyBase::StrategyBase(const Problem& problem, int64_t evaluations, uint64_t seed)
    : problem_(problem),
      budget_(std::min(evaluations, problem.space().shard_size())),
      rng_(seed) {}

int64_t StrategyBase::Ready() const {
  if (exhausted_ || proposed_ >= budget_) return 0;
  return std::min(BatchSize() - asked_in_batch_, budget_ - proposed_);
}

std::optional<int64_t> StrategyBase::Next() {
  if (Ready() <= 0) return std::nullopt;
  std::optional<int64_t> id;
  if (!resumed_.empty()) {
    id = resumed_.back();
    resumed_.pop_back();
  }
  for (int attempt = 0; attempt < kRedrawAttempts && !id; ++attempt) {
    const int64_t p = problem_.space().Repair(Propose());
    if (!seen_.count(p)) id = p;
  }
  if (!id) id = Unseen(problem_.space().Repair(RandomId()));
  if (!id) {
    exhausted_ = true;
    return std::nullopt;
  }
  seen_.insert(*id);
  ++proposed_;
  ++asked_in_batch_;
  return id;
}

void StrategyBase::Resume(const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    if (seen_.insert(id).second) resumed_.push_back(id);
  }
  std::reverse(resumed_.begin(), resumed_.end());
  budget_ = std::min(budget_ + static_cast<int64_t>(resumed_.size()), problem_.space().shard_size());
}

// The first unseen id of the shard at or after `id`, wrapping; bounded by the space size.
std::optional<int64_t> StrategyBase::Unseen(int64_t id) {
  const Space& space = problem_.space();
  // Gated spaces are too large to walk: a million successors are plenty there.
  const int64_t steps = space.gated() ? std::min<int64_t>(space.shard_size(), 1 << 20) : space.shard_size();
  for (int64_t i = 0; i < steps; ++i) {
    if (!seen_.count(id)) return id;
    id = space.Successor(id);
  }
  return std::nullopt;
}

void StrategyBase::Report(int64_t id, const explore::PointResult& result) {
  Count(result);
  scores_[id] = problem_.Evaluate(result);
  batch_.push_back(id);
  ++reported_;
  if (static_cast<int64_t>(batch_.size()) == asked_in_batch_ &&
      (asked_in_batch_ == BatchSize() || proposed_ >= budget_)) {
    BatchDone();
    batch_.clear();
    asked_in_batch_ = 0;
  }
}

int64_t StrategyBase::RandomId() {
  return problem_.space().Random(rng_);
}

int64_t StrategyBase::LatinId(int64_t k, int64_t n) {
  const auto& dims = problem_.space().dimensions();
  if (latin_.size() != dims.size() || static_cast<int64_t>(latin_[0].size()) != n) {
    latin_.assign(dims.size(), std::vector<int64_t>(static_cast<size_t>(n)));
    for (auto& strata : latin_) {
      for (int64_t i = 0; i < n; ++i) strata[static_cast<size_t>(i)] = i;
      std::shuffle(strata.begin(), strata.end(), rng_);
    }
  }
  Genome g(dims.size());
  for (size_t i = 0; i < dims.size(); ++i) {
    const int64_t stratum = latin_[i][static_cast<size_t>(k % n)];
    // The middle choice of the stratum's range [stratum * c / n, (stratum + 1) * c / n).
    const int64_t lo = stratum * dims[i].choices / n, hi = (stratum + 1) * dims[i].choices / n;
    g[i] = std::min(dims[i].choices - 1, (lo + std::max(hi, lo + 1)) / 2);
  }
  return problem_.space().Id(g);
}

Genome StrategyBase::Mutate(Genome g) {
  const auto& dims = problem_.space().dimensions();
  std::uniform_real_distribution<double> u(0, 1);
  const double rate = 1.0 / static_cast<double>(dims.size());
  bool changed = false;
  for (int pass = 0; pass < 4 && !changed; ++pass) {
    for (size_t i = 0; i < dims.size(); ++i) {
      if (dims[i].choices < 2 || u(rng_) >= rate) continue;
      // Half the time a neighbouring choice (choices are ordered), else any other choice.
      if (u(rng_) < 0.5) {
        const int64_t step = u(rng_) < 0.5 ? -1 : 1;
        g[i] = std::clamp<int64_t>(g[i] + step, 0, dims[i].choices - 1);
      } else {
        g[i] = std::uniform_int_distribution<int64_t>(0, dims[i].choices - 1)(rng_);
      }
      changed = true;
    }
  }
  return g;
}

Genome StrategyBase::Crossover(const Genome& a, const Genome& b) {
  Genome child = a;
  std::bernoulli_distribution coin(0.5);
  for (size_t i = 0; i < child.size(); ++i) {
    if (coin(rng_)) child[i] = b[i];
  }
  return child;
}

std::vector<int> FrontRanks(const std::vector<const Score*>& scores) {
  const size_t n = scores.size();
  std::vector<int> rank(n, 0), dominated_by(n, 0);
  std::vector<std::vector<size_t>> dominates(n);
  std::vector<size_t> current;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      if (ConstrainedDominates(*scores[i], *scores[j])) dominates[i].push_back(j);
      else if (ConstrainedDominates(*scores[j], *scores[i])) ++dominated_by[i];
    }
    if (dominated_by[i] == 0) current.push_back(i);
  }
  for (int front = 0; !current.empty(); ++front) {
    std::vector<size_t> next;
    for (size_t i : current) {
      rank[i] = front;
      for (size_t j : dominates[i]) {
        if (--dominated_by[j] == 0) next.push_back(j);
      }
    }
    current = std::move(next);
  }
  return rank;
}

}  // namespace search
