#pragma once
// The built-in algorithms' factories (one file each), registered in registry.cpp.
#include "search/algorithm.h"

namespace search {
std::unique_ptr<explore::Strategy> MakeRandom(const Problem& problem, int64_t evaluations, uint64_t seed);
std::unique_ptr<explore::Strategy> MakeNsga2(const Problem& problem, int64_t evaluations, uint64_t seed);
std::unique_ptr<explore::Strategy> MakeAgingEvolution(const Problem& problem, int64_t evaluations, uint64_t seed);
}  // namespace search
