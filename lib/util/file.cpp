#include "util/file.h"

#include <fstream>
#include <sstream>

namespace util {

Result<std::string> ReadFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InputError(path + ": cannot open the " + what);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return InputError(path + ": cannot read the " + what);
  return text.str();
}

}  // namespace util
