// "aging-evolution": regularised evolution (Real et al. 2019; µNAS uses it under MCU bounds),
// made multi-objective. A random first population of P points; then each child mutates the
// winner of a tournament among S random members of the population, where the winner is, by
// constrained domination order, the best on one objective drawn at random per child; each
// reported child joins the population and the oldest member leaves. Children come in batches
// of kBatch proposed from the same population.
#include <algorithm>
#include <deque>

#include "search/algorithms.h"

namespace search {
namespace {

constexpr int64_t kBatch = 8;

class AgingEvolution : public StrategyBase {
 public:
  AgingEvolution(const Problem& problem, int64_t evaluations, uint64_t seed)
      : StrategyBase(problem, evaluations, seed),
        population_size_(std::clamp<int64_t>(evaluations / 10, 8, 64)),
        sample_size_(std::max<int64_t>(2, population_size_ / 4)) {}

 protected:
  int64_t BatchSize() const override {
    return static_cast<int64_t>(population_.size()) < population_size_ ? population_size_ : kBatch;
  }

  int64_t Propose() override {
    if (static_cast<int64_t>(population_.size()) < population_size_) return LatinId(first_++, population_size_);
    const size_t objective = std::uniform_int_distribution<size_t>(
        0, problem().objectives().size() - 1)(rng());
    std::uniform_int_distribution<size_t> pick(0, population_.size() - 1);
    int64_t best = population_[pick(rng())];
    for (int64_t k = 1; k < sample_size_; ++k) {
      const int64_t other = population_[pick(rng())];
      if (Better(ScoreOf(other), ScoreOf(best), objective)) best = other;
    }
    return problem().space().Id(Mutate(problem().space().At(best)));
  }

  void BatchDone() override {
    for (int64_t id : batch()) {
      population_.push_back(id);
      if (static_cast<int64_t>(population_.size()) > population_size_ && reported() > population_size_) {
        population_.pop_front();
      }
    }
  }

 private:
  static bool Better(const Score& a, const Score& b, size_t objective) {
    if (a.ok() != b.ok()) return a.ok();
    if (!a.ok()) return a.violation < b.violation;
    return a.objectives[objective] < b.objectives[objective];
  }

  int64_t population_size_;
  int64_t sample_size_;
  int64_t first_ = 0;  // points of the first population proposed so far
  std::deque<int64_t> population_;
};

}  // namespace

std::unique_ptr<explore::Strategy> MakeAgingEvolution(const Problem& problem, int64_t evaluations,
                                                      uint64_t seed) {
  return std::make_unique<AgingEvolution>(problem, evaluations, seed);
}

}  // namespace search
