// TinyOps is a TFLM + CMSIS-NN mode (tinyops.md §1.1, §3, §4: it patches TFLM's AllocateTensors
// and Invoke and CMSIS-NN's kernels): under a runtime built from anything else its placement does
// not fit, with a "runtime" violation (no bytes), while the other modes are unaffected; and the
// one text of a violation (placement/violations.h).

#include <gtest/gtest.h>

#include "hw/catalog.h"
#include "kernels/data_runtime.h"
#include "placement/tinyops_mode.h"
#include "placement/violations.h"
#include "support/deployment_data.h"
#include "support/spaces.h"
#include "util/file.h"

namespace {

const hw::Board& Board(const std::string& name) {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return *catalog.Find(name);
}

// A shipped runtime file, read as `dse` reads it (not registered: the test needs no registry).
kernels::DataRuntime ShippedRuntime(const std::string& id) {
  const std::string file = std::string(DSE_SOURCE_DIR) + "/data/runtimes/" + id + ".toml";
  const std::string text = util::ReadFile(file, "runtime file").value();
  return kernels::DataRuntime(kernels::ParseRuntimeSpec(file, text).value());
}

placement::Fit PlaceUnder(const kernels::Runtime& runtime, const std::string& mode) {
  // mbv3-w0.50-r112 on f469: a paper Table II TinyOps deployment (placement_test.cpp).
  const graph::Network net = testing_support::BuildVariant("mbv3-w0.50-r112");
  placement::Deployment d{mode, 0, true, &testing_support::DefaultBudgets()};
  return placement::Check(net, placement::Measure(net, runtime), Board("f469"), d).value();
}

TEST(RuntimeConstraint, TinyopsUnderTinyEngineDoesNotFitAndSaysWhy) {
  const placement::Fit fit = PlaceUnder(ShippedRuntime("tinyengine"), "tinyops");
  EXPECT_FALSE(fit.fits);
  ASSERT_EQ(fit.violations.size(), 1u);  // the memory fits, as under the default runtime
  const placement::Violation& v = fit.violations[0];
  EXPECT_EQ(v.kind, placement::Violation::Kind::kRuntime);
  EXPECT_EQ(placement::ViolationText(v),
            "runtime: TinyOps patches the TFLM interpreter and the CMSIS-NN kernels; tinyengine "
            "runs TinyEngine's generated code and TinyEngine's kernels");
  // The plan is still made (LatencyTerms costs an infeasible plan too) and it fits its budget.
  ASSERT_NE(placement::TinyopsPlan(fit), nullptr);
  EXPECT_TRUE(placement::TinyopsPlan(fit)->fits);
}

TEST(RuntimeConstraint, OtherModesAreUnaffected) {
  // Paper Table III: mbv3-w0.50-r112 runs from the F469's SDRAM; a runtime changes no memory rule.
  EXPECT_TRUE(PlaceUnder(ShippedRuntime("tinyengine"), "external").fits);
  EXPECT_TRUE(PlaceUnder(kernels::DefaultRuntime(), "tinyops").fits);
}

TEST(RuntimeConstraint, HalfTheBuildIsNotEnough) {
  // tflm-reference: TFLM's interpreter with the reference kernels; microtvm-cmsis-nn: the
  // CMSIS-NN kernels under microTVM's AOT executor (data/runtimes/*.toml, build_source).
  const placement::Fit reference = PlaceUnder(ShippedRuntime("tflm-reference"), "tinyops");
  ASSERT_FALSE(reference.fits);
  EXPECT_EQ(placement::ViolationsText(reference),
            "runtime: TinyOps patches the TFLM interpreter and the CMSIS-NN kernels; "
            "tflm-reference runs the TFLM interpreter and TFLM's reference kernels");
  const placement::Fit tvm = PlaceUnder(ShippedRuntime("microtvm-cmsis-nn"), "tinyops");
  ASSERT_FALSE(tvm.fits);
  EXPECT_EQ(placement::ViolationsText(tvm),
            "runtime: TinyOps patches the TFLM interpreter and the CMSIS-NN kernels; "
            "microtvm-cmsis-nn runs microTVM's AOT executor and the CMSIS-NN kernels");
}

TEST(RuntimeConstraint, AUsersTflmCmsisNnRuntimeRunsTinyops) {
  // A user's own build of TFLM + CMSIS-NN (other factors): TinyOps can patch it.
  kernels::RuntimeSpec spec = ShippedRuntime("onnc").spec();
  spec.id = "my-tflm-build";
  spec.build = {"tflm", "cmsis-nn"};
  EXPECT_TRUE(PlaceUnder(kernels::DataRuntime(spec), "tinyops").fits);
}

TEST(RuntimeConstraint, NoShippedDataRuntimeIsTflmCmsisNn) {
  // Each shipped file is another build than the built-in default (data/runtimes/README.md).
  for (const std::string id :
       {"tflm-reference", "tinyengine", "x-cube-ai-7.1", "x-cube-ai-7.3", "x-cube-ai-8.1",
        "x-cube-ai-9.0", "x-cube-ai-10.2", "microtvm-cmsis-nn", "microtvm-native",
        "plumerai-2023.05", "hale-1.0", "onnc"}) {
    SCOPED_TRACE(id);
    EXPECT_NE(ShippedRuntime(id).build(), (kernels::RuntimeBuild{"tflm", "cmsis-nn"}));
  }
}

TEST(ViolationText, MemoryWithAndWithoutDetailAndRuntime) {
  placement::Violation sram{"internal SRAM", 428472, 249464, ""};
  EXPECT_EQ(placement::ViolationText(sram), "internal SRAM: needs 428472 B, has 249464 B");
  placement::Violation budget{"TinyOps SRAM budget", 300000, 258000, "op 3 'conv' needs 2 parts"};
  EXPECT_EQ(placement::ViolationText(budget),
            "TinyOps SRAM budget: needs 300000 B, has 258000 B (op 3 'conv' needs 2 parts)");
  placement::Violation runtime{"runtime", 0, 0, "M patches X; r runs Y",
                               placement::Violation::Kind::kRuntime};
  EXPECT_EQ(placement::ViolationText(runtime), "runtime: M patches X; r runs Y");  // no "0 B"
  placement::Fit fit;
  EXPECT_EQ(placement::ViolationsText(fit), "");
  fit.violations = {sram, runtime};
  EXPECT_EQ(placement::ViolationsText(fit),
            "internal SRAM: needs 428472 B, has 249464 B; runtime: M patches X; r runs Y");
}

}  // namespace
