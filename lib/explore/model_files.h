#pragma once
// Which .tflite files a command imports (`--models DIR`, `--model FILE`) and the names they
// go by: a model is named by its file name ("kws.tflite"), the name its candidates, database
// rows and measured accuracies (`dse accuracy import`) use. Nothing here prints.

#include <string>
#include <vector>

#include "util/result.h"

namespace explore {

/// The name of the model in `path`: its file name ("dir/kws.tflite" -> "kws.tflite").
std::string ModelNameOf(const std::string& path);

/// The model files of `dirs` (every regular *.tflite file directly in each, sorted by path) and
/// then `files`, in that order, each file once. Input errors ("--models 'DIR': ..."): a
/// directory is missing, unreadable or holds no .tflite; two different files would get the
/// same model name.
util::Result<std::vector<std::string>> ImportedModelFiles(const std::vector<std::string>& dirs,
                                                          const std::vector<std::string>& files);

}  // namespace explore
