// "random": uniform random points, each proposed once; a baseline for the other algorithms.
#include "search/algorithms.h"

namespace search {
namespace {

class RandomSearch : public StrategyBase {
 public:
  using StrategyBase::StrategyBase;

 protected:
  int64_t Propose() override { return RandomId(); }
  int64_t BatchSize() const override { return 256; }
};

}  // namespace

std::unique_ptr<explore::Strategy> MakeRandom(const Problem& problem, int64_t evaluations,
                                              uint64_t seed) {
  return std::make_unique<RandomSearch>(problem, evaluations, seed);
}

}  // namespace search
