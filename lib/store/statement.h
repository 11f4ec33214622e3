#pragma once
// A prepared SQLite statement with typed binds and column reads; finalised on destruction.

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <variant>

#include "explore/fields.h"

namespace store {

/// The errno of the operating-system call behind the last I/O error on `db`, 0 when unknown.
/// SQLite records it on the connection for some failures only (not for a failed COMMIT), but
/// always on the file that failed: the write-ahead log (the journal) or the database itself.
inline int OsErrno(sqlite3* db) {
  if (const int error = sqlite3_system_errno(db); error != 0) return error;
  int error = 0;
  sqlite3_file* journal = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK &&
      journal != nullptr && journal->pMethods != nullptr &&
      journal->pMethods->xFileControl(journal, SQLITE_FCNTL_LAST_ERRNO, &error) == SQLITE_OK &&
      error != 0) {
    return error;
  }
  error = 0;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &error) != SQLITE_OK) return 0;
  return error;
}

/// SQLite's message for the last failure on `db`; after an I/O error, with the operating
/// system's reason, which tells a file-size limit from a failing device:
/// "disk I/O error (File too large)". (A full disk is SQLite's own "database or disk is full".)
inline std::string ErrorText(sqlite3* db) {
  std::string text = sqlite3_errmsg(db);
  if ((sqlite3_extended_errcode(db) & 0xff) != SQLITE_IOERR) return text;
  if (const int error = OsErrno(db); error != 0) {
    text += std::string(" (") + std::strerror(error) + ")";
  }
  return text;
}

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK; }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return ok_; }
  // Binds are 1-based, as in SQLite.
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  template <typename T>
  void Bind(int i, const std::optional<T>& v) {
    if (v) Bind(i, *v);
    else sqlite3_bind_null(stmt_, i);
  }
  // An absent value binds NULL.
  void Bind(int i, const explore::FieldValue& v) {
    std::visit([&](const auto& x) {
      if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>) sqlite3_bind_null(stmt_, i);
      else Bind(i, x);
    }, v);
  }
  // Binds `values` to parameters 1, 2, ... in order (after a Reset when the statement is reused).
  template <typename... Ts>
  void BindAll(const Ts&... values) {
    int i = 0;
    (Bind(++i, values), ...);
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() { sqlite3_reset(stmt_); sqlite3_clear_bindings(stmt_); }

  // Columns are 0-based.
  int64_t Int(int i) const { return sqlite3_column_int64(stmt_, i); }
  double Real(int i) const { return sqlite3_column_double(stmt_, i); }
  bool IsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::string Text(int i) const {
    const unsigned char* text = sqlite3_column_text(stmt_, i);
    return text ? reinterpret_cast<const char*>(text) : "";
  }
  template <typename T>
  std::optional<T> Optional(int i) const {
    if (IsNull(i)) return std::nullopt;
    if constexpr (std::is_floating_point_v<T>) return static_cast<T>(Real(i));
    else return static_cast<T>(Int(i));
  }
  // Column i as a value of `kind`; NULL reads as absent.
  explore::FieldValue Value(int i, explore::FieldKind kind) const {
    if (IsNull(i)) return std::monostate{};
    switch (kind) {
      case explore::FieldKind::kReal: return Real(i);
      case explore::FieldKind::kText: return Text(i);
      case explore::FieldKind::kInteger:
      case explore::FieldKind::kBool: return Int(i);
    }
    return std::monostate{};
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
};

}  // namespace store
