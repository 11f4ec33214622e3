// MACs and params of every OFA row of data/accuracy/arch_accuracy_public.csv, built as points
// of ofa-mbv3-w1.0 from the row's architecture columns, against the file's macs_m / params_m
// columns (computed by the shared reference counter, equal to DyNAS-T's to the integer).

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/cost.h"
#include "support/spaces.h"

namespace {

// Splits one CSV line (RFC-4180 quotes, no embedded newlines).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cells.emplace_back();
    else cells.back() += c;
  }
  return cells;
}

TEST(ArchExactness, OfaRowsMacsAndParamsEqualTheFile) {
  std::ifstream in(std::string(DSE_SOURCE_DIR) + "/data/accuracy/arch_accuracy_public.csv");
  std::string line;
  std::getline(in, line);  // header: row_kind,model_id,space,resolution,stem_ch,stage_depths,ks20,e20,...,macs_m(11),params_m(12)
  int rows = 0, macs_equal = 0, params_equal = 0;
  std::string first_miss;
  while (std::getline(in, line)) {
    const std::vector<std::string> c = SplitCsv(line);
    if (c[0] != "dynast_ofa_supernet") continue;
    ++rows;
    const std::string point = "ofa-mbv3-w1.0:d=" + c[5] + ":k=" + c[6] + ":e=" + c[7] + ":r=" + c[3];
    auto variant = testing_support::BuiltinCatalog().ParseVariant(point);
    ASSERT_TRUE(variant) << variant.error().message;
    auto net = testing_support::BuiltinCatalog().Build(*variant);
    ASSERT_TRUE(net) << net.error().message;
    const analysis::Totals t = analysis::CountNetwork(*net);
    // OFA's 960 -> 1280 feature-mix conv has no BN; the space builds it with one (its gamma
    // and beta, 2 x 1,280, are counted by analysis::CountNetwork), so they are taken off here.
    const double params_m = (t.params - 2 * 1280) / 1e6;
    // The file's columns are rounded to the digits they show: within half a unit of the last.
    auto half_unit = [](const std::string& text) {
      const size_t dot = text.find('.');
      return 0.5 * std::pow(10.0, -(dot == std::string::npos ? 0.0 : double(text.size() - dot - 1))) + 1e-9;
    };
    const bool macs_ok = std::abs(t.macs / 1e6 - std::stod(c[11])) <= half_unit(c[11]);
    const bool params_ok = std::abs(params_m - std::stod(c[12])) <= half_unit(c[12]);
    macs_equal += macs_ok, params_equal += params_ok;
    if ((!macs_ok || !params_ok) && first_miss.empty()) {
      first_miss = c[1] + ": " + std::to_string(t.macs) + " MACs vs " + c[11] + " M, " +
                   std::to_string(t.params) + " params vs " + c[12] + " M";
    }
  }
  EXPECT_EQ(rows, 1899);  // search.md §7: the 1,899 DyNAS-T rows
  EXPECT_EQ(macs_equal, rows) << first_miss;
  EXPECT_EQ(params_equal, rows) << first_miss;
}

}  // namespace
