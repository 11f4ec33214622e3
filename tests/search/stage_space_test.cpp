// Searching per-stage spaces (issue 15 item 1): gated dimensions, canonical genomes, gated
// shards, the search itself, --resume and --dominate.
#include "search/stage_space.h"

#include <gtest/gtest.h>

#include <set>

#include "search/dominate.h"
#include "search_fixture.h"
#include "support/spaces.h"

namespace search {
namespace {

using testing_support::BuiltinCatalog;
using testing_support::World;

const searchspace::Space& Ofa() { return *BuiltinCatalog().Find("ofa-mbv3-w1.0"); }

Request StageRequest(const std::string& space, int64_t evaluations) {
  Request r{.space = space, .evaluations = evaluations, .seed = 3, .threads = 2};
  r.data_root = DSE_SOURCE_DIR;
  return r;
}

TEST(StageSpace, SlotsPastADepthAreGatedByTheirStage) {
  const std::vector<Dimension> dims = StageDimensions(Ofa());
  ASSERT_EQ(dims.size(), 46u);  // d1-d5, k1-k20, e1-e20, r (stages.h)
  EXPECT_EQ(dims[0].gate, -1);
  // k3 (slot 3 of stage 1) counts for depths 3 and 4 of {2, 3, 4}; e20 for depth 4 of stage 5.
  EXPECT_EQ(dims[5 + 2].gate, 0);
  EXPECT_EQ(dims[5 + 2].active_when, (std::vector<bool>{false, true, true}));
  EXPECT_EQ(dims[25 + 19].gate, 4);
  EXPECT_EQ(dims[25 + 19].active_when, (std::vector<bool>{false, false, true}));
  EXPECT_EQ(dims[45].gate, -1);  // resolution
}

TEST(StageSpace, GenomesDifferingOnlyInIgnoredSlotsAreOnePoint) {
  const Space space(StageDimensions(Ofa()));
  Genome a(46, 0), b(46, 0);
  b[5 + 3] = 2;   // k4: stage 1 at depth 2 ignores it
  b[25 + 3] = 1;  // e4
  EXPECT_EQ(space.Id(a), space.Id(b));
  EXPECT_EQ(space.At(space.Id(b)), a);
  a[0] = 2;  // depth 4 makes slot 4 count
  b[0] = 2;
  EXPECT_NE(space.Id(a), space.Id(b));
  EXPECT_EQ(PointOf(Ofa(), space.At(space.Id(b))).kernels[3], 7);  // choice 2 of {3, 5, 7}
}

TEST(StageSpace, GatedShardsPartitionThePoints) {
  const std::vector<Dimension> dims = StageDimensions(Ofa());
  const Space one(dims, 1, 3), two(dims, 2, 3), three(dims, 3, 3);
  std::mt19937_64 rng(1);
  for (int i = 0; i < 200; ++i) {
    const int64_t id = one.Random(rng);
    const Genome g = one.At(id);
    const int owners = one.InShard(one.Id(g)) + two.InShard(two.Id(g)) + three.InShard(three.Id(g));
    EXPECT_EQ(owners, 1);
    EXPECT_TRUE(two.InShard(two.Repair(two.Id(g))));
  }
}

TEST(StageSpace, SearchIsDeterministicAndStoresCanonicalPoints) {
  const Plan plan = World().PlanFor(StageRequest("ofa-mbv3-w1.0", 60));
  const Outcome one = search::Run(plan, World().models, {}).value();
  const Outcome two = search::Run(World().PlanFor(StageRequest("ofa-mbv3-w1.0", 60)), World().models, {}).value();
  EXPECT_EQ(one.evaluations, 60);
  ASSERT_FALSE(one.front.empty());
  ASSERT_EQ(one.front.size(), two.front.size());
  for (size_t i = 0; i < one.front.size(); ++i) EXPECT_EQ(one.front[i].variant, two.front[i].variant);
  std::set<std::string> variants;
  for (const explore::Candidate& c : one.sweep.candidates) {
    const auto parsed = BuiltinCatalog().ParseVariant(c.variant);
    ASSERT_TRUE(parsed) << c.variant;
    EXPECT_EQ(parsed->point, c.variant);  // stored canonical
    EXPECT_EQ(c.space, "ofa-mbv3-w1.0");
    EXPECT_TRUE(c.top1_provenance == "predicted" || c.top1_provenance == "extrapolated") << c.top1_provenance;
  }
}

TEST(StageSpace, ProxylessSpacesSearchTheirFinalBlock) {
  const Outcome o = search::Run(World().PlanFor(StageRequest("mcunet-tinynas-w1.0", 30)), World().models, {}).value();
  ASSERT_FALSE(o.front.empty());
  EXPECT_NE(o.front[0].variant.find(":last=k"), std::string::npos) << o.front[0].variant;
  ASSERT_TRUE(o.predictor);
}

TEST(StageSpace, ResumeReevaluatesTheEarlierDesignsFirst) {
  const Outcome first = search::Run(World().PlanFor(StageRequest("ofa-mbv3-w1.0", 20)), World().models, {}).value();
  Request r = StageRequest("ofa-mbv3-w1.0", 10);
  for (const FrontPoint& p : first.front) r.resume.push_back(p.variant);
  r.resume.push_back("mbv3-w0.75-r128");  // not a point of this space: skipped
  r.keep_all = true;
  const Plan plan = World().PlanFor(r);
  EXPECT_EQ(plan.resume_skipped, 1);
  const Outcome next = search::Run(plan, World().models, {}).value();
  EXPECT_EQ(next.resumed, static_cast<int64_t>(first.front.size()));
  EXPECT_EQ(next.evaluations, next.resumed + 10);
  // The first candidates evaluated are the resumed designs, in order (one per mode).
  std::vector<std::string> order;
  for (const explore::Candidate& c : next.sweep.candidates) {
    if (order.empty() || order.back() != c.variant) order.push_back(c.variant);
  }
  ASSERT_GE(order.size(), first.front.size());
  for (size_t i = 0; i < first.front.size(); ++i) EXPECT_EQ(order[i], first.front[i].variant);
}

TEST(StageSpace, MeasuredDesignsRefitThePredictorOffset) {
  const accuracy::PointPredictor base = accuracy::PointPredictor::Load(DSE_SOURCE_DIR).value();
  const searchspace::Point p = BuiltinCatalog().ParsePoint(
      "ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,7,0,5,5,0,0,5,7,0,0,5,3,5,3,5,5,5,5:e=3,3,6,0,3,4,0,0,4,3,0,0,4,4,4,6,4,4,6,4:r=224").value();
  // 287.05 M MACs, 5.634 M params: the counts `dse accuracy predict --point` prints for it.
  const double before = base.Predict(p, 287.050816, 5.633816).top1_pct;
  accuracy::PointPredictor refitted = base;
  refitted.Refit({{p, 287.050816, 5.633816, before - 3.0}});  // measured 3 points lower
  const accuracy::ArchPrediction after = refitted.Predict(p, 287.050816, 5.633816);
  EXPECT_NEAR(after.top1_pct, before - 3.0, 1e-9);
  EXPECT_NE(after.regime.find("offset -3.00 pt refitted on 1 measured"), std::string::npos) << after.regime;
}

TEST(StageSpace, DominatingListsFrontDesignsBetterOnBothAxes) {
  Request r = StageRequest("ofa-mbv3-w1.0", 200);
  r.dominate = {"mcunet-in3", "mcunet-in0"};
  const Plan plan = World().PlanFor(r);
  const Outcome o = search::Run(plan, World().models, {}).value();
  const DominatingTable table = Dominating(plan, o, World().models).value();
  ASSERT_EQ(table.rows.size(), 2u);
  const DominatedReference& in3 = table.rows[0];
  EXPECT_EQ(in3.design, "mcunet-in3");
  EXPECT_NEAR(in3.top1_pct, 61.8, 1e-9);  // published int8, data/accuracy/families.toml
  ASSERT_TRUE(in3.latency_ms);
  EXPECT_FALSE(in3.dominating.empty());
  for (const FrontPoint& p : in3.dominating) {
    EXPECT_GE(p.values[0], in3.top1_pct);
    EXPECT_LE(p.values[1], *in3.latency_ms);
  }
  EXPECT_NE(DominatingText(plan, o, table).find("regime supernet weights"), std::string::npos);
}

}  // namespace
}  // namespace search
