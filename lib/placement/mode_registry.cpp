// The deployment-mode registry and the built-in modes. Adding a mode: implement
// placement::DeploymentMode in its own file and add one line to AddBuiltins (or call
// RegisterMode from the code that owns it, as tests do).

#include "placement/builtin_modes.h"
#include "placement/mode.h"
#include "placement/schedule_modes.h"
#include "placement/tinyops_mode.h"
#include "util/registry.h"
#include "util/spellcheck.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace placement {
namespace {

void AddBuiltins(util::Registry<DeploymentMode>* registry) {
  (void)registry->Register(std::make_unique<InternalMode>());
  (void)registry->Register(std::make_unique<ExternalMode>());
  (void)registry->Register(std::make_unique<TinyopsMode>());
  // Opt-in (OptInModeIds): found by FindMode and --modes, not in the default design spaces.
  (void)registry->Register(std::make_unique<PatchMode>());
  (void)registry->Register(std::make_unique<ReorderMode>());
  (void)registry->Register(std::make_unique<PexMode>());
}

bool OptIn(std::string_view id) { return id == "patch" || id == "reorder" || id == "pex"; }

util::Registry<DeploymentMode>& Instance() {
  static util::Registry<DeploymentMode>* registry = [] {
    auto* r = new util::Registry<DeploymentMode>("deployment mode", "modes");
    AddBuiltins(r);
    return r;
  }();
  return *registry;
}

}  // namespace

std::string_view ConfigurationId(Configuration c) {
  return c == Configuration::kFirmware ? "firmware" : "fastest";
}

util::Status RegisterMode(std::unique_ptr<DeploymentMode> mode) {
  return Instance().Register(std::move(mode));
}

std::vector<const DeploymentMode*> Modes() {
  std::vector<const DeploymentMode*> out;
  for (const DeploymentMode* m : Instance().All()) {
    if (!OptIn(m->id())) out.push_back(m);
  }
  return out;
}

std::vector<std::string> ModeIds() {
  std::vector<std::string> out;
  for (const DeploymentMode* m : Modes()) out.emplace_back(m->id());
  return out;
}

std::vector<std::string> OptInModeIds() {
  std::vector<std::string> out;
  for (const DeploymentMode* m : Instance().All()) {
    if (OptIn(m->id())) out.emplace_back(m->id());
  }
  return out;
}

// An unknown id: the nearest of every id (opt-in ones included), the default ones and the
// opt-in ones listed apart.
util::Result<const DeploymentMode*> FindMode(std::string_view id) {
  if (const DeploymentMode* mode = Instance().Find(id)) return mode;
  return util::InputError(fmt::format("unknown deployment mode '{}'{} (modes: {}; opt-in: {})", id,
                                      util::DidYouMean(id, Instance().Ids()),
                                      fmt::join(ModeIds(), ", "), fmt::join(OptInModeIds(), ", ")));
}

util::Result<Fit> Check(const graph::Network& net, const Footprint& footprint,
                        const hw::Board& board, const Deployment& deployment) {
  auto mode = FindMode(deployment.mode);
  if (!mode) return mode.error();
  return (*mode)->Place(net, footprint, board, deployment);
}

}  // namespace placement
