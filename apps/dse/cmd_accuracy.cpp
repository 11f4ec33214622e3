// dse accuracy fit|predict|import — the top-1 surrogate fitted to published ImageNet results,
// and the user's measured accuracies that override it.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "accuracy/accuracy.h"
#include "accuracy/arch_predictor.h"
#include "app.h"
#include "search/stage_space.h"
#include "models.h"
#include "store/database.h"
#include "explore/provenance.h"
#include "explore/result_json.h"
#include "explore/texts.h"
#include "util/numbers.h"
#include "util/spellcheck.h"

namespace dse_app {
namespace {

struct PredictOptions {
  std::string family, point;
  double width = 1.0;
  int resolution = 224;
  std::string macs;
  std::string precision = "int8";
  bool json = false;
};

struct ImportOptions {
  std::string file;
  std::string db = store::kDefaultPath;
  bool replace = false;
};

const accuracy::Surrogate& Fitted() {
  static const accuracy::Surrogate surrogate = Unwrap(accuracy::LoadSurrogate(Globals().data_dir));
  return surrogate;
}

void RunFit(bool json) {
  const accuracy::Surrogate& s = Fitted();
  const nlohmann::json fit = explore::SurrogateFitJson(s, s.LeaveOneOut());
  if (json) {
    std::cout << explore::DocumentText(fit);
  } else {
    std::cout << explore::SurrogateFitText(fit);
    for (const std::string& line : accuracy::ArchFitReport(Unwrap(accuracy::ReadArchRows(
             Globals().data_dir + "/" + accuracy::kArchAccuracyPath)))) std::cout << line << "\n";
  }
}

void RunPredict(const PredictOptions& o) {
  if (!o.point.empty()) {
    const auto predictor = Unwrap(accuracy::PointPredictor::Load(Globals().data_dir));
    std::cout << Unwrap(search::PredictPointReport(Spaces(), predictor, o.point, o.json)) << "\n";
    return;
  }
  if (o.family.empty()) FailInput("--family is required (with --width, --resolution and --macs), or give --point");
  const auto precision = accuracy::ParsePrecision(o.precision);
  if (!precision || (*precision != accuracy::Precision::kFp32 &&
                     *precision != accuracy::Precision::kInt8)) {
    FailInput(fmt::format("--precision '{}': the surrogate predicts fp32 or int8", o.precision));
  }
  if (!(o.width > 0 && o.width <= 4)) FailInput("--width must be in (0, 4]");
  if (o.resolution < 8 || o.resolution > 1024) FailInput("--resolution must be in [8, 1024]");
  const double macs_m = Unwrap(util::ParseMillions("--macs", o.macs));
  const accuracy::Surrogate& s = Fitted();
  const accuracy::Prediction p = s.Predict({o.family, o.width, macs_m, *precision});
  std::string note;
  if (p.fallback) {
    note = fmt::format("no published data for family '{}'{}: predicted with the shared ceiling",
                       o.family, util::DidYouMean(o.family, s.families().Names()));
    Note("note: " + note);
  }
  if (o.json) {
    nlohmann::json out = {{"family", o.family},  {"surrogate_family", p.family},
                          {"width", o.width},    {"resolution", o.resolution},
                          {"macs", macs_m * 1e6}, {"precision", o.precision},
                          {"top1", p.top1_pct},  {"top1_provenance", "predicted"},
                          {"top1_low", explore::OptionalJson(p.low_pct)}, {"top1_high", explore::OptionalJson(p.high_pct)},
                          {"fallback", p.fallback}};
    if (!note.empty()) out["note"] = note;
    std::cout << explore::DocumentText(out);
    return;
  }
  std::cout << fmt::format("{} w{:.2f} r{} {:.2f} M MACs {}: top-1 {:.2f}% (predicted{}, {})\n",
                           o.family, o.width, o.resolution, macs_m, o.precision, p.top1_pct,
                           explore::Top1IntervalText(p.low_pct, p.high_pct),
                           p.fallback ? "shared ceiling" : "family " + p.family);
}

void RunImport(const ImportOptions& o) {
  const std::string text = Unwrap(accuracy::ReadFile(o.file));
  const auto rows = Unwrap(accuracy::ParseMeasurements(o.file, text, Spaces()));
  const store::ImportCount count = Unwrap(store::ImportAccuracyFile(
      o.db, o.file, rows, o.replace, explore::UtcTimestamp(std::time(nullptr))));
  Note(store::ImportText(count, o.file, o.db));
}

}  // namespace

ShowTop1 Top1OfVariant(const std::string& variant_name, int64_t macs) {
  const searchspace::Variant variant = Unwrap(Spaces().ParseVariant(variant_name));
  const searchspace::Space& space = *Spaces().Find(variant.space);
  const accuracy::Precision precision = accuracy::DeployedPrecision(space);
  const auto t = accuracy::Top1ForVariant(Fitted(), *LoadedModels().measured, space, variant,
                                          macs, precision);
  if (!t) return {explore::Top1Json(std::nullopt), "none (" + accuracy::NoPredictionText(precision) + ")"};
  return {explore::Top1Json(t), explore::Top1Text(*t)};
}

void RegisterAccuracy(CLI::App& app) {
  static PredictOptions predict;
  static ImportOptions import;
  static bool fit_json = false;
  CLI::App* acc = app.add_subcommand("accuracy", "Top-1 accuracy: surrogate fit, prediction, measured imports");
  acc->require_subcommand(1);

  CLI::App* fit = acc->add_subcommand("fit", "Fit the surrogate to data/accuracy/ and report parameters, leave-one-out error and residuals per family");
  fit->add_flag("--json", fit_json, "Print JSON (parameters, per-family errors, every row)");
  fit->callback([] { RunFit(fit_json); });

  CLI::App* pr = acc->add_subcommand("predict", "Predict top-1 for any network of a family, buildable or not");
  pr->add_option("--family", predict.family, "Surrogate family or search space (e.g. mbv3, MobileNetV2); unknown families use the shared ceiling")
      ->needs(pr->add_option("--width", predict.width, "Width multiplier, in (0, 4]"))
      ->needs(pr->add_option("--resolution", predict.resolution, "Input resolution in pixels (recorded; the surrogate sees it through MACs)"))
      ->needs(pr->add_option("--macs", predict.macs, "Multiply-accumulates: a count (300000000) or with k/M/G (300M)"));
  pr->add_option("--point", predict.point, "A per-stage space's point (SPACE:d=..:k=..:e=..:r=..): the per-stage predictor, with its regime and domain")->excludes("--family");
  pr->add_option("--precision", predict.precision, "fp32 or int8 (post-training quantised; default)");
  pr->add_flag("--json", predict.json, "Print JSON with top-level keys top1 and top1_provenance");
  pr->callback([] { RunPredict(predict); });

  CLI::App* im = acc->add_subcommand("import", "Store measured accuracies in the results database (CSV: variant,top1,precision,task,dataset[,source]); they override predictions");
  im->add_option("file", import.file, "CSV file to import; any bad row rejects the whole file")->required()->check(CLI::ExistingFile);
  im->add_option("--db", import.db, "Results database, written atomically (default results/dse.sqlite)");
  im->add_flag("--replace", import.replace, "Overwrite stored accuracies of the same model, precision, task and dataset");
  im->callback([] { RunImport(import); });
}

}  // namespace dse_app
