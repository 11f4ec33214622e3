#include "searchspace/catalog.h"

#include <charconv>

#include <fmt/format.h>

#include "util/directory.h"
#include "util/spellcheck.h"

namespace searchspace {

util::Result<Catalog> Catalog::LoadDirectory(const std::string& dir) {
  auto files = util::ListFiles(dir, ".toml");
  if (!files) return files.error();
  Catalog catalog;
  for (const std::string& file : *files) {
    if (auto status = catalog.AddFile(file); !status) return status.error();
  }
  return catalog;
}

util::Status Catalog::AddFile(const std::string& path) {
  auto space = LoadSpace(path);
  if (!space) return space.error();
  return Add(std::move(space).value());
}

util::Status Catalog::Add(Space space) {
  if (const Space* other = Find(space.name)) {
    return util::InputError(fmt::format("{}: space '{}' is already defined by {}", space.file,
                                        space.name, other->file));
  }
  spaces_.push_back(std::move(space));
  return util::Ok{};
}

const Space* Catalog::Find(const std::string& name) const {
  for (const Space& s : spaces_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::vector<std::string> Catalog::Names() const {
  std::vector<std::string> names;
  for (const Space& s : spaces_) names.push_back(s.name);
  return names;
}

namespace {

// Parses the whole of `text` as a number; false on any trailing character.
template <typename T>
bool ParseWhole(std::string_view text, T* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && !text.empty();
}

}  // namespace

util::Result<Point> Catalog::ParsePoint(const std::string& name) const {
  const size_t colon = name.find(':');
  const std::string token = name.substr(0, colon);
  const Space* space = Find(token);
  double width = space != nullptr ? space->width : 0;
  std::vector<std::string> staged;
  for (const Space& s : spaces_) {
    if (s.staged()) staged.push_back(s.name);
  }
  if (space == nullptr || !space->staged()) {  // a family at another width: FAMILY-wX
    const std::string family = Family(token);
    space = nullptr;
    for (const Space& s : spaces_) {
      if (s.staged() && Family(s.name) == family && family != token) {
        space = &s;
        break;
      }
    }
    if (space == nullptr || !ParseWhole(token.substr(family.size() + 2), &width) ||
        !(width > 0 && width <= 4)) {
      return util::InputError(fmt::format("unknown per-stage space '{}' in point '{}'{}", token,
                                          name, util::DidYouMean(token, staged)));
    }
  }
  return searchspace::ParsePoint(*space, width, std::string_view(name).substr(colon + 1), name);
}

util::Result<graph::Network> Catalog::Build(const Variant& variant) const {
  if (!variant.point.empty()) {
    auto point = ParsePoint(variant.point);
    if (!point) return point.error();
    return BuildPoint(*point);
  }
  const Space* space = Find(variant.space);
  if (space == nullptr) return util::InputError(fmt::format("unknown space '{}'", variant.space));
  return searchspace::Build(*space, variant.width, variant.resolution);
}

util::Result<Variant> Catalog::ParseVariant(const std::string& name) const {
  if (name.find(':') != std::string::npos) {
    auto point = ParsePoint(name);
    if (!point) return point.error();
    return Variant{point->space->name, point->width, point->resolution, false, point->ToString()};
  }
  if (const Space* staged = Find(name); staged != nullptr && staged->staged()) {
    return util::InputError(fmt::format(
        "'{}' is a per-stage space, not a variant: give a point, e.g. {}", name,
        FromChoices(*staged, staged->width, std::vector<int>(Dimensions(*staged).size(), 0)).ToString()));
  }
  if (const Space* fixed = Find(name); fixed != nullptr && fixed->fixed) {
    return Variant{fixed->name, 1.0, fixed->resolutions.front(), true, ""};
  }
  if (const Space* family = Find(name); family != nullptr) {  // a family alone: say so
    const Variant example{family->name, family->widths.empty() ? 1.0 : family->widths.back(),
                          family->resolutions.empty() ? 160 : family->resolutions.back()};
    return util::InputError(fmt::format(
        "'{}' is a family, not a variant: add a width and a resolution, FAMILY-wW.WW-rRRR "
        "(e.g. {}; 'dse spaces show {}' lists its grid)", name, example.name(), name));
  }
  const size_t w_at = name.rfind("-w");
  const size_t r_at = name.rfind("-r");
  if (w_at == std::string::npos || r_at == std::string::npos || r_at < w_at) {
    return util::InputError(fmt::format(
        "unknown variant '{}': expected FAMILY-wW.WW-rRRR (e.g. mbv3-w0.75-r128) or a fixed "
        "net's name{}", name, util::DidYouMean(name, Names())));
  }
  const std::string family = name.substr(0, w_at);
  const Space* space = Find(family);
  if (space == nullptr || space->fixed) {
    return util::InputError(fmt::format("unknown family '{}' in '{}'{}", family, name,
                                        util::DidYouMean(family, Names())));
  }
  double width = 0;
  int resolution = 0;
  const std::string width_text = name.substr(w_at + 2, r_at - w_at - 2);
  const std::string res_text = name.substr(r_at + 2);
  if (!ParseWhole(width_text, &width) || !(width > 0 && width <= 4)) {
    return util::InputError(fmt::format(
        "bad width '{}' in '{}': must be a number in (0, 4], e.g. w0.75", width_text, name));
  }
  if (!ParseWhole(res_text, &resolution)) {
    return util::InputError(fmt::format(
        "bad resolution '{}' in '{}': must be an integer, e.g. r128", res_text, name));
  }
  const int min_resolution = MinResolution(*space);
  if (resolution < min_resolution || resolution > 1024) {
    return util::InputError(fmt::format(
        "resolution {} in '{}' is out of range: '{}' takes {}..1024 (the stem and strides need "
        "at least {} pixels)", resolution, name, family, min_resolution, min_resolution));
  }
  return Variant{family, width, resolution, false, ""};
}

}  // namespace searchspace
