// "nsga2": NSGA-II (Deb et al. 2002) with constrained domination. A random first generation of
// P points; then each generation of P children is bred from the surviving population by binary
// tournaments (lower front rank, then larger crowding distance), uniform crossover and
// mutation; parents and children are merged and the best P survive (fronts in order, the last
// one cut by crowding distance). A generation is one batch.
#include <algorithm>
#include <limits>
#include <numeric>

#include "search/algorithms.h"

namespace search {
namespace {

class Nsga2 : public StrategyBase {
 public:
  Nsga2(const Problem& problem, int64_t evaluations, uint64_t seed)
      : StrategyBase(problem, evaluations, seed),
        population_size_(std::clamp<int64_t>(evaluations / 8, 8, 64)) {}

 protected:
  int64_t BatchSize() const override { return population_size_; }

  int64_t Propose() override {
    if (population_.empty()) return LatinId(first_++, population_size_);
    const Genome a = problem().space().At(Tournament());
    const Genome b = problem().space().At(Tournament());
    return problem().space().Id(Mutate(Crossover(a, b)));
  }

  void BatchDone() override {
    std::vector<int64_t> all = population_;
    all.insert(all.end(), batch().begin(), batch().end());
    std::vector<const Score*> scores;
    for (int64_t id : all) scores.push_back(&ScoreOf(id));
    const std::vector<int> ranks = FrontRanks(scores);
    const std::vector<double> crowding = Crowding(scores, ranks);
    std::vector<size_t> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
      return ranks[i] != ranks[j] ? ranks[i] < ranks[j] : crowding[i] > crowding[j];
    });
    population_.clear();
    rank_.clear();
    crowding_.clear();
    for (size_t k = 0; k < order.size() && static_cast<int64_t>(k) < population_size_; ++k) {
      population_.push_back(all[order[k]]);
      rank_.push_back(ranks[order[k]]);
      crowding_.push_back(crowding[order[k]]);
    }
  }

 private:
  // The better of two random survivors.
  int64_t Tournament() {
    std::uniform_int_distribution<size_t> pick(0, population_.size() - 1);
    const size_t i = pick(rng()), j = pick(rng());
    const bool first = rank_[i] != rank_[j] ? rank_[i] < rank_[j] : crowding_[i] >= crowding_[j];
    return population_[first ? i : j];
  }

  // Crowding distance of each point within its front (infinite at the front's ends).
  static std::vector<double> Crowding(const std::vector<const Score*>& s, const std::vector<int>& rank) {
    std::vector<double> d(s.size(), 0);
    const int fronts = s.empty() ? 0 : *std::max_element(rank.begin(), rank.end()) + 1;
    for (int f = 0; f < fronts; ++f) {
      std::vector<size_t> members;
      for (size_t i = 0; i < s.size(); ++i) {
        if (rank[i] == f) members.push_back(i);
      }
      for (size_t m = 0; m < s[0]->objectives.size(); ++m) {
        std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
          return s[a]->objectives[m] < s[b]->objectives[m];
        });
        const double lo = s[members.front()]->objectives[m], hi = s[members.back()]->objectives[m];
        d[members.front()] = d[members.back()] = std::numeric_limits<double>::infinity();
        if (hi <= lo) continue;
        for (size_t k = 1; k + 1 < members.size(); ++k) {
          d[members[k]] += (s[members[k + 1]]->objectives[m] - s[members[k - 1]]->objectives[m]) / (hi - lo);
        }
      }
    }
    return d;
  }

  int64_t population_size_;
  int64_t first_ = 0;  // points of the first generation proposed so far
  std::vector<int64_t> population_;
  std::vector<int> rank_;
  std::vector<double> crowding_;
};

}  // namespace

std::unique_ptr<explore::Strategy> MakeNsga2(const Problem& problem, int64_t evaluations,
                                             uint64_t seed) {
  return std::make_unique<Nsga2>(problem, evaluations, seed);
}

}  // namespace search
