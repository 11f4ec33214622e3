#include "search/algorithms.h"

namespace search {
namespace {

using Factory = std::unique_ptr<explore::Strategy> (*)(const Problem&, int64_t, uint64_t);

class Builtin : public Algorithm {
 public:
  Builtin(std::string_view id, std::string_view description, Factory make)
      : id_(id), description_(description), make_(make) {}
  std::string_view id() const override { return id_; }
  std::string_view description() const override { return description_; }
  std::unique_ptr<explore::Strategy> Make(const Problem& problem, int64_t evaluations,
                                          uint64_t seed) const override {
    return make_(problem, evaluations, seed);
  }

 private:
  std::string_view id_, description_;
  Factory make_;
};

util::Registry<Algorithm> MakeRegistry() {
  util::Registry<Algorithm> r("search algorithm", "algorithms");
  (void)r.Register(std::make_unique<Builtin>("nsga2", "NSGA-II, constrained domination", MakeNsga2));
  (void)r.Register(std::make_unique<Builtin>("aging-evolution", "regularised evolution, multi-objective tournaments", MakeAgingEvolution));
  (void)r.Register(std::make_unique<Builtin>("random", "uniform random points", MakeRandom));
  return r;
}

}  // namespace

const util::Registry<Algorithm>& Algorithms() {
  static const util::Registry<Algorithm> registry = MakeRegistry();
  return registry;
}

}  // namespace search
