#include "util/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace util {

Status WriteFileAtomically(const std::string& path, const std::string& text,
                           const std::string& what) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  const std::string temp = fmt::format("{}.tmp.{}", path, static_cast<long>(::getpid()));
  // Closes `fd` (when open), removes the temporary file and says why.
  const auto fail = [&](int fd, int error) -> Status {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return InputError(fmt::format("{}: cannot write the {}: {}{}", path, what,
                                  std::strerror(error), existed ? "; the file is unchanged" : ""));
  };
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return fail(fd, errno);
  for (size_t written = 0; written < text.size();) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno != EINTR) return fail(fd, errno);
    if (n > 0) written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail(fd, errno);
  if (::close(fd) != 0) return fail(-1, errno);
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail(-1, errno);
  return Ok{};
}

}  // namespace util
