#include "ockam/storage/postgres_database.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cstring>
#include <memory>
#include <string>

#include "ockam/core/log.hpp"
#include "storage/internal/transaction_scope.hpp"

namespace ockam::storage {
namespace {

constexpr std::string_view kLog = "storage";
// A transaction that loses a serialization or deadlock race is run again this many times.
constexpr int kTransactionAttempts = 5;
// Reads of what an idle connection received (notices, the server's goodbye) before a statement.
constexpr int kIdleReads = 4;

// Type OIDs of the PostgreSQL catalogue (pg_type.dat).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kNameOid = 19;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kVarcharOid = 1043;
constexpr Oid kVoidOid = 2278;
/// Every write transaction takes this lock first (released at COMMIT or ROLLBACK).
constexpr const char* kWriteLock =
    "SELECT pg_advisory_xact_lock(7303015711355184)";  // what functions such as
                                                       // pg_advisory_xact_lock return

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

Error postgres_error(PGconn* connection, const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  log::debug(kLog, "postgres error {}: {}", state ? state : "-", PQerrorMessage(connection));
  std::string_view code = state ? state : "";
  if (code == "23505") {
    return Error(Origin::kVault, Kind::kAlreadyExists, "a row with this key already exists");
  }
  if (code == "40001" || code == "40P01") {
    return Error(Origin::kVault, Kind::kTimeout, "the transaction lost a race; try again");
  }
  if (PQstatus(connection) != CONNECTION_OK) {
    return Error(Origin::kVault, Kind::kIo, "the connection to PostgreSQL was lost");
  }
  return Error(Origin::kVault, Kind::kIo, "database error");
}

std::uint64_t read_be(const char* data, int length) {
  std::uint64_t value = 0;
  for (int i = 0; i < length; ++i) {
    value = (value << 8) | static_cast<std::uint8_t>(data[i]);
  }
  return value;
}

template <class T>
T sign_extend(std::uint64_t bits) {
  return static_cast<T>(bits);
}

Result<SqlValue> column(const PGresult* result, int row, int index) {
  if (PQgetisnull(result, row, index) || PQftype(result, index) == kVoidOid) {
    return SqlValue{};
  }
  const char* data = PQgetvalue(result, row, index);
  int length = PQgetlength(result, row, index);
  Oid type = PQftype(result, index);
  switch (type) {
    case kInt8Oid:
      if (length == 8) {
        return SqlValue{static_cast<std::int64_t>(read_be(data, 8))};
      }
      break;
    case kInt4Oid:
      if (length == 4) {
        return SqlValue{static_cast<std::int64_t>(sign_extend<std::int32_t>(read_be(data, 4)))};
      }
      break;
    case kInt2Oid:
      if (length == 2) {
        return SqlValue{static_cast<std::int64_t>(sign_extend<std::int16_t>(read_be(data, 2)))};
      }
      break;
    case kBoolOid:
      if (length == 1) {
        return SqlValue{static_cast<std::int64_t>(data[0] != 0)};
      }
      break;
    case kTextOid:
    case kVarcharOid:
    case kNameOid:
      return SqlValue{std::string(data, static_cast<std::size_t>(length))};
    case kByteaOid: {
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
      return SqlValue{Bytes(bytes, bytes + length)};
    }
    default:
      break;
  }
  return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
}

// Drops server notices ("relation already exists, skipping") rather than printing them.
void ignore_notice(void* /*arg*/, const PGresult* /*result*/) {}

// "host:port" that a connection tried, as libpq read them from the URL.
std::string connection_target(const PGconn* connection) {
  const char* host = PQhost(connection);
  const char* port = PQport(connection);
  return std::string(host != nullptr ? host : "") + ":" + (port != nullptr ? port : "");
}

}  // namespace

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const std::string& url) {
  if (!url.starts_with("postgres://") && !url.starts_with("postgresql://")) {
    return Error(Origin::kVault, Kind::kInvalid,
                 "a PostgreSQL connection URL starts with postgres://");
  }
  PGconn* connection = PQconnectdb(url.c_str());
  if (connection == nullptr) {
    return Error(Origin::kVault, Kind::kResourceExhausted, "out of memory");
  }
  std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(connection));
  if (PQstatus(connection) != CONNECTION_OK) {
    log::debug(kLog, "postgres connection failed: {}", PQerrorMessage(connection));
    // Host and port only: the URL may hold a password, and the server's text is the peer's.
    return Error(Origin::kVault, Kind::kIo, "cannot connect to the PostgreSQL database")
        .with_detail(connection_target(connection));
  }
  PQsetNoticeReceiver(connection, ignore_notice, nullptr);
  auto configured = database->configure_session();
  if (!configured) {
    return configured.error();
  }
  return database;
}

Result<void> PostgresDatabase::configure_session() {
  return run_plain("SET client_min_messages = warning");
}

Result<void> PostgresDatabase::reconnect_if_lost() {
  // A server that restarted or dropped us has closed the socket while we were idle: reading
  // what is pending (its last message, then the end of the stream) tells, before we send.
  bool lost = PQstatus(connection_) != CONNECTION_OK;
  for (int read = 0; !lost && read < kIdleReads; ++read) {
    pollfd socket{PQsocket(connection_), POLLIN, 0};
    if (::poll(&socket, 1, 0) <= 0) {
      break;  // nothing pending: the connection is as it was
    }
    lost = PQconsumeInput(connection_) == 0 || PQstatus(connection_) != CONNECTION_OK;
  }
  if (!lost) {
    return ok();
  }
  log::debug(kLog, "postgres connection lost, reconnecting: {}", PQerrorMessage(connection_));
  PQreset(connection_);
  if (PQstatus(connection_) != CONNECTION_OK) {
    return Error(Origin::kVault, Kind::kIo, "the connection to PostgreSQL was lost")
        .with_detail(connection_target(connection_));
  }
  return configure_session();
}

PostgresDatabase::~PostgresDatabase() {
  PQfinish(connection_);
}

Result<void> PostgresDatabase::run_plain(const char* sql) {
  ResultPtr result(PQexec(connection_, sql));
  auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return postgres_error(connection_, result.get());
  }
  return ok();
}

Result<std::vector<SqlRow>> PostgresDatabase::query(std::string_view sql,
                                                    const std::vector<SqlValue>& params) {
  std::lock_guard lock(mutex_);
  // Inside a transaction a new connection would run the rest outside it: the transaction fails.
  if (!in_transaction_) {
    if (auto connected = reconnect_if_lost(); !connected) {
      return connected.error();
    }
  }
  std::size_t count = params.size();
  std::vector<Oid> types(count, 0);
  std::vector<const char*> values(count, nullptr);
  std::vector<int> lengths(count, 0);
  std::vector<int> formats(count, 1);
  std::vector<std::array<char, 8>> integers(count);
  for (std::size_t i = 0; i < count; ++i) {
    const SqlValue& value = params[i];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      auto bits = static_cast<std::uint64_t>(*integer);
      for (int b = 0; b < 8; ++b) {
        integers[i][static_cast<std::size_t>(b)] = static_cast<char>(bits >> (56 - 8 * b));
      }
      types[i] = kInt8Oid;
      values[i] = integers[i].data();
      lengths[i] = 8;
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      types[i] = kTextOid;
      values[i] = text->data();
      lengths[i] = static_cast<int>(text->size());
    } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
      static const char kEmpty = 0;
      types[i] = kByteaOid;
      values[i] = bytes->empty() ? &kEmpty : reinterpret_cast<const char*>(bytes->data());
      lengths[i] = static_cast<int>(bytes->size());
    }
  }
  std::string text(sql);
  ResultPtr result(PQexecParams(connection_, text.c_str(), static_cast<int>(count), types.data(),
                                values.data(), lengths.data(), formats.data(), 1));
  auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return postgres_error(connection_, result.get());
  }
  std::vector<SqlRow> rows;
  int row_count = PQntuples(result.get());
  int column_count = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    SqlRow row;
    row.reserve(static_cast<std::size_t>(column_count));
    for (int c = 0; c < column_count; ++c) {
      auto value = column(result.get(), r, c);
      if (!value) {
        return value.error();
      }
      row.push_back(std::move(*value));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<void> PostgresDatabase::transaction(const std::function<Result<void>()>& body) {
  std::lock_guard lock(mutex_);
  if (in_transaction_) {
    return Error(Origin::kVault, Kind::kMisuse, "transactions may not nest");
  }
  if (auto connected = reconnect_if_lost(); !connected) {
    return connected;
  }
  Result<void> result = ok();
  for (int attempt = 0; attempt < kTransactionAttempts; ++attempt) {
    // READ COMMITTED plus one database-wide advisory lock held to COMMIT: write transactions
    // run one after the other, as SQLite's BEGIN IMMEDIATE makes them, so a body that reads
    // then writes (an identity's stored history, the default flag) cannot lose an update.
    result = run_plain("BEGIN");
    if (result) {
      result = run_plain(kWriteLock);
      if (!result) {
        (void)run_plain("ROLLBACK");
      }
    }
    if (!result) {
      return result;
    }
    {
      internal::TransactionScope scope(in_transaction_, [this] { (void)run_plain("ROLLBACK"); });
      result = body();
    }
    if (result) {
      result = run_plain("COMMIT");
    }
    if (!result) {
      (void)run_plain("ROLLBACK");
    }
    if (result || result.error().kind() != Kind::kTimeout) {
      break;
    }
  }
  return result;
}

}  // namespace ockam::storage
