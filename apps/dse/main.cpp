// dse — design-space exploration of deep networks on microcontrollers.
// main() parses the command line, dispatches to one subcommand, and maps failures to exit codes.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <malloc.h>
#include <set>

#include "app.h"
#include "explore/vocabulary.h"
#include "kernels/data_runtime.h"
#include "models.h"
#include "util/spellcheck.h"

namespace {

// Where searchspaces/, hwprofiles/ and data/ live: $DSE_DATA_DIR, else the source tree the
// binary was built from.
std::string DefaultDataDir() {
  if (const char* env = std::getenv("DSE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return DSE_SOURCE_DIR;
}

// The first positional argument names the subcommand, and the next one a nested subcommand
// where there are some (`spaces list`); an unknown one gets the nearest name. CLI11 alone
// would only say "a subcommand is required".
std::string UnknownCommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* level = &app;
  std::string path;  // the subcommands matched so far, e.g. "spaces "
  std::set<std::string> global_values;  // global options whose next word is their value
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_expected_min() == 0) continue;  // a flag: no value follows
    for (const std::string& n : o->get_lnames()) global_values.insert("--" + n);
  }
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (global_values.count(arg) > 0) {
      ++i;
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    std::vector<std::string> names;
    for (const CLI::App* sub : level->get_subcommands([](const CLI::App*) { return true; })) {
      names.push_back(sub->get_name());
    }
    // A command that takes extras names its own unknown subcommands (dse plot).
    if (names.empty() || (level != &app && level->get_allow_extras())) return "";
    if (std::find(names.begin(), names.end(), arg) != names.end()) {
      level = level->get_subcommand(arg);
      path += arg + " ";
      continue;
    }
    return "unknown command '" + path + arg + "'" + util::DidYouMean(arg, names) + "; run 'dse " +
           path + "--help' for the list";
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  // An evaluation builds and drops ~0.1-0.3 MB of latency terms; glibc would hand that memory
  // back to the kernel and fault it in again each time (a third of a sweep's time, measured).
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  CLI::App app{"dse — design-space exploration of deep networks on microcontrollers"};
  app.set_version_flag("--version", "dse " + explore::ToolVersion() + " (" + explore::GitRevision() + ")");
  app.require_subcommand(1);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {  // as every other dse error
    return std::string("dse: error: ") + e.what() + "\nRun with --help for more information.\n";
  });
  auto& globals = dse_app::Globals();
  globals.data_dir = DefaultDataDir();
  app.add_flag("-q,--quiet", globals.quiet, "No progress or notes on stderr");
  app.add_option("--data-dir", globals.data_dir,
                 "Directory holding searchspaces/, hwprofiles/ and data/ (default: $DSE_DATA_DIR "
                 "or the source tree)");
  app.add_option("--space", globals.space_files, "Extra search-space TOML file (repeatable)")
      ->check(CLI::ExistingFile);
  app.add_option("--coefficients", globals.coefficient_files,
                 "Latency coefficients over the shipped ones, per board (repeatable, later wins; "
                 "after $DSE_COEFFICIENTS)")->check(CLI::ExistingFile);
  app.add_option("--tinyops-config", globals.tinyops_config, "TinyOps buffers: fastest (default: the "
                 "static build's PF and sizes of lowest predicted latency) or firmware (first PF that fits)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, placement::Configuration>{
          {"fastest", placement::Configuration::kFastest}, {"firmware", placement::Configuration::kFirmware}}));

  dse_app::RegisterSpaces(app);
  dse_app::RegisterShow(app);
  dse_app::RegisterAnalyze(app);
  dse_app::RegisterCalibrate(app);
  dse_app::RegisterBoards(app);
  dse_app::RegisterFit(app);
  dse_app::RegisterPartition(app);
  dse_app::RegisterAccuracy(app);
  dse_app::RegisterSweep(app, argc, argv);
  dse_app::RegisterPareto(app);
  dse_app::RegisterPlot(app);
  dse_app::RegisterPick(app);
  dse_app::RegisterReproduce(app);
  dse_app::RegisterRuntimes(app);
  dse_app::RegisterSearch(app, argc, argv);
  dse_app::RegisterExport(app);
  dse_app::RegisterDb(app);
  // Global options after the command too (dse show X --space FILE); `plot` reads its extras.
  std::function<void(CLI::App*)> fall = [&fall](CLI::App* a) {
    for (CLI::App* sub : a->get_subcommands({})) fall(sub->fallthrough(!sub->get_allow_extras()));
  };
  fall(&app);
  app.parse_complete_callback([&globals, &app] {  // runtimes and coefficients, before a command
    dse_app::Unwrap(kernels::RegisterRuntimeDirectory(globals.data_dir + "/data/runtimes"));
    dse_app::CheckCoefficientFiles(app);
  });

  if (const std::string unknown = UnknownCommand(app, argc, argv); !unknown.empty()) {
    std::cerr << "dse: error: " << unknown << "\n";
    return dse_app::kExitInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : dse_app::kExitInput;
  } catch (const dse_app::Failure& f) {
    std::cerr << "dse: error: " << f.message << "\n";
    return f.code;
  } catch (const std::exception& e) {
    std::cerr << "dse: error: " << e.what() << "\n";
    return dse_app::kExitRuntime;
  }
  return dse_app::kExitOk;
}
