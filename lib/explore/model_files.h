#pragma once
// Which .tflite files a command imports (`--models DIR`, `--model FILE`), the names they go by
// and their identity. A model is named by its file name ("kws.tflite"), the label its
// candidates and database rows show; it is identified by the SHA-256 of its file's bytes, so
// two different files of one name are two models and one file under two names is one model
// (the results database keys imported models by it). Nothing here prints.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace explore {

/// The name of the model in `path`: its file name ("dir/kws.tflite" -> "kws.tflite").
std::string ModelNameOf(const std::string& path);

/// SHA-256 of `bytes` (FIPS 180-4), as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

/// Whether `text` has the form of a SHA-256 in hex (64 hex digits, any case).
bool IsSha256Hex(std::string_view text);

/// The identity of each model file: model name (ModelNameOf) -> SHA-256 of the file. A file
/// that cannot be read is an input error naming it.
util::Result<std::map<std::string, std::string>> ModelIdentities(
    const std::vector<std::string>& files);

/// The model files of `dirs` (every regular *.tflite file directly in each, sorted by path) and
/// then `files`, in that order, each file once. Input errors ("--models 'DIR': ..."): a
/// directory is missing, unreadable or holds no .tflite; two different files would get the
/// same model name; two files of different names hold the same bytes (one model, give it once).
util::Result<std::vector<std::string>> ImportedModelFiles(const std::vector<std::string>& dirs,
                                                          const std::vector<std::string>& files);

}  // namespace explore
