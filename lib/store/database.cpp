#include "store/database.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "store/schema.sql.h"
#include "store/schema_v3.sql.h"
#include "store/statement.h"

namespace store {
namespace {

util::Error SqlError(sqlite3* db, const std::string& path, const std::string& what) {
  return util::RuntimeError(fmt::format("{}: {}: {}", path, what, sqlite3_errmsg(db)));
}

// Switching a file to WAL needs an exclusive lock, and SQLite may report a concurrent dse's
// lock at once instead of waiting through the busy handler: retry for as long as the busy
// timeout would wait.
util::Status SetWal(sqlite3* db, const std::string& path) {
  for (int waited_ms = 0;; waited_ms += 10) {
    const int rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return util::Ok{};
    const int primary = rc & 0xff;
    if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || waited_ms >= 60000) {
      return SqlError(db, path, "cannot switch to WAL mode");
    }
    sqlite3_sleep(10);
  }
}

}  // namespace

util::Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    util::Error error = util::InputError(fmt::format(
        "{}: cannot open the database: {}", path, db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return error;
  }
  // SQLite falls back to read-only on a file it cannot write; a writer would then fail only
  // at its first insert, after all its work.
  if (create && sqlite3_db_readonly(db, "main") == 1) {
    sqlite3_close(db);
    return util::InputError(fmt::format("{}: the database file is read-only; cannot write to it", path));
  }
  std::unique_ptr<Database> database(new Database(db, path));
  sqlite3_busy_timeout(db, 60000);  // a concurrent sweep holds the write lock for one commit
  bool fresh = false;
  {
    Statement count(db, "SELECT count(*) FROM sqlite_master");
    if (!count.ok() || count.Step() != SQLITE_ROW) {
      const int code = sqlite3_extended_errcode(db) & 0xff;
      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
        return util::InputError(fmt::format(
            "{}: not a dse results database (not an SQLite file: {})", path, sqlite3_errmsg(db)));
      }
      // A WAL database is read through files beside it (-wal, -shm): a directory that cannot
      // be written fails here, on a file that is fine; so does a disk too full for them, which
      // is no fault of the input (exit 1).
      const std::string message = fmt::format(
          "{}: cannot read the database: {}{}", path, ErrorText(db),
          code == SQLITE_CANTOPEN || code == SQLITE_READONLY
              ? " (is the file or its directory read-only?)"
              : "");
      return code == SQLITE_IOERR || code == SQLITE_FULL ? util::RuntimeError(message)
                                                         : util::InputError(message);
    }
    fresh = count.Int(0) == 0;
  }
  // An empty file given to a reader is not a database to initialise: leave it as it is.
  if (fresh && !create) {
    return util::InputError(fmt::format("{}: not a dse results database (an empty file)", path));
  }
  if (auto status = database->CheckStamp(fresh); !status) return status.error();
  return database;
}

Database::~Database() { sqlite3_close(db_); }

util::Status Database::Exec(const std::string& sql) {
  // sqlite3_errmsg is the message sqlite3_exec would give; ErrorText adds the operating
  // system's reason to an I/O error (a full disk).
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return util::RuntimeError(fmt::format("{}: {}", path_, ErrorText(db_)));
  }
  return util::Ok{};
}

util::Status Database::CheckStamp(bool fresh) {
  int64_t app_id = 0;
  int64_t user_version = 0;
  {  // statements must be finished before the journal mode can change
    Statement app(db_, "PRAGMA application_id");
    Statement version(db_, "PRAGMA user_version");
    if (app.Step() != SQLITE_ROW || version.Step() != SQLITE_ROW) {
      return SqlError(db_, path_, "cannot read the file's stamp");
    }
    app_id = app.Int(0);
    user_version = version.Int(0);
  }
  if (fresh) {
    if (auto s = SetWal(db_, path_); !s) return s;
    if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s;
    // A concurrent dse may have created the schema since Open() counted the tables: count
    // again under the write lock, and check that file's stamp like any existing file's.
    int64_t tables = -1;
    {
      Statement count(db_, "SELECT count(*) FROM sqlite_master");
      if (count.ok() && count.Step() == SQLITE_ROW) tables = count.Int(0);
    }
    if (tables != 0) {
      if (auto s = Exec("COMMIT"); !s) return s;
      if (tables < 0) return SqlError(db_, path_, "cannot read the schema");
      return CheckStamp(false);
    }
    if (auto s = Exec(fmt::format("{}{}{}{}{} PRAGMA application_id={}; PRAGMA user_version={};",
                                  kSchemaRuns, kSchemaV3Variants, kSchemaV2Results, kEvaluationView,
                                  kSchemaV3Tables, kApplicationId, kSchemaVersion));
        !s) {
      return s;
    }
    // The columns added within a version, as AddMissingColumns adds them to an older file.
    return Exec(MissingColumnsSql() + "COMMIT;");
  }
  if (app_id != kApplicationId) {
    return util::InputError(fmt::format(
        "{}: not a dse results database (application_id {:#x}, expected {:#x}); refusing to "
        "touch it", path_, app_id, kApplicationId));
  }
  if (user_version > kSchemaVersion) {
    return util::InputError(fmt::format(
        "{}: written by a newer dse (schema version {}; this build reads up to {}); refusing "
        "to touch it", path_, user_version, kSchemaVersion));
  }
  if (user_version < 1) {
    return util::InputError(fmt::format("{}: schema version {} cannot be migrated to {}", path_,
                                        user_version, kSchemaVersion));
  }
  if (user_version < kSchemaVersion && sqlite3_db_readonly(db_, "main") == 1) {
    return util::InputError(fmt::format(
        "{}: schema version {} must be migrated to version {} by this dse, but the file is "
        "read-only; make it writable (or work on a writable copy) and run again",
        path_, user_version, kSchemaVersion));
  }
  if (auto s = SetWal(db_, path_); !s) return s;
  if (user_version < kSchemaVersion) {
    if (auto s = MigrateFrom(static_cast<int>(user_version)); !s) return s;
  }
  return AddMissingColumns();
}

}  // namespace store
