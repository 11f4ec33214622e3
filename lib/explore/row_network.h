#pragma once
// The network a measurement row names: a search-space variant ("mbv3-w0.50-r112",
// "mcunet-in3") or a model file of the models folder ("mlperf-tiny-kws-dscnn_int8.tflite" in
// data/models/), so published measurements of networks outside the search spaces can be fitted.

#include <string>

#include "graph/network.h"
#include "searchspace/catalog.h"
#include "util/result.h"

namespace explore {

/// True when `variant` names a model file (it ends in ".tflite").
bool IsModelFileVariant(const std::string& variant);

/// The network of `variant`: built from its space, or imported from `models_dir`/`variant`.
util::Result<graph::Network> RowNetwork(const std::string& variant,
                                        const searchspace::Catalog& spaces,
                                        const std::string& models_dir);

/// "" when `variant` can be built, else why not (unknown variant with the nearest one; a model
/// file missing from `models_dir`, or `models_dir` empty).
std::string CheckRowVariant(const std::string& variant, const searchspace::Catalog& spaces,
                            const std::string& models_dir);

}  // namespace explore
