// storage: identities created and loaded per second and secrets sealed and unsealed per second,
// for SQLite (a file in WAL mode) and PostgreSQL (when OCKAM_DATABASE_CONNECTION_URL or
// --postgres-url names a server), each beside the raw inserts and selects of the same rows
// through the same connection in the same run.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "ockam/crypto/random.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/storage/storage.hpp"
#include "ockam/vault/persistent_secret_store.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int count = 300;
  double seconds = 3.0;
  std::string postgres_url;
};

// Runs `step(i)` for i = 0, 1, ... until `count` steps or `seconds` pass; returns steps/s and
// stores the number of steps done in `done`.
template <class Step>
double rate(const Options& options, int count, int& done, Step step) {
  auto start = Clock::now();
  auto limit = start + std::chrono::duration<double>(options.seconds);
  done = 0;
  while (done < count && Clock::now() < limit) {
    if (!step(done)) {
      std::fprintf(stderr, "storage benchmark step failed\n");
      std::exit(1);
    }
    ++done;
  }
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  return elapsed > 0 ? done / elapsed : 0;
}

std::shared_ptr<storage::Storage> open(storage::StorageOptions options) {
  auto opened = storage::Storage::open(std::move(options));
  if (!opened) {
    std::fprintf(stderr, "cannot open the database: %s\n", opened.error().to_string().c_str());
    std::exit(1);
  }
  return *opened;
}

void run_backend(const std::string& backend, const Options& options,
                 const std::function<storage::StorageOptions(const std::string& scope)>& make) {
  std::string run = to_hex(crypto::random_bytes(4));
  auto name = [&](std::string_view figure) {
    return "storage_" + backend + "_" + std::string(figure);
  };

  // Identities: named creation (key, history and name, each committed) and a cold load (a new
  // process's view: histories read back and verified, keys read back and unsealed).
  auto storage = open(make("bench-" + run));
  auto vault =
      std::make_shared<vault::Vault>(std::make_unique<vault::PersistentSecretStore>(storage));
  identity::Identities identities(vault, storage);
  int created = 0;
  double create_rate = rate(options, options.count, created, [&](int i) {
    return static_cast<bool>(identities.create_named_identity("id-" + std::to_string(i)));
  });
  auto reopened = open(make("bench-" + run));
  auto cold_vault =
      std::make_shared<vault::Vault>(std::make_unique<vault::PersistentSecretStore>(reopened));
  identity::Identities cold(cold_vault, reopened);
  int loaded = 0;
  double load_rate = rate(options, created, loaded, [&](int i) {
    auto identity = cold.get_named_identity("id-" + std::to_string(i));
    return identity && cold_vault->signing_key_handle(identity->primary_public_key()) &&
           cold_vault->sign(*cold_vault->signing_key_handle(identity->primary_public_key()),
                            as_bytes("x"));
  });

  // Raw baseline: the same rows (a 32-byte sealed-size key row, the history, the name) inserted
  // and selected without identities or sealing.
  Bytes history =
      storage->identities()
          .change_history(identities.get_named_identity("id-0")->identifier().to_string())
          .value();
  auto& db = storage->database();
  std::string raw_scope = "raw-" + run;
  int raw_inserted = 0;
  double raw_insert_rate = rate(options, options.count, raw_inserted, [&](int i) {
    std::string identifier = "I" + std::to_string(i);
    Bytes handle = crypto::random_bytes(32);
    return db.execute(
               "INSERT INTO vault_secret (scope, handle, secret_type, sealed_secret) "
               "VALUES ($1, $2, $3, $4)",
               {raw_scope, handle, std::string("EdDSACurve25519"), crypto::random_bytes(61)}) &&
           db.transaction([&]() -> Result<void> {
             auto put = db.execute(
                 "INSERT INTO identity (scope, identifier, change_history, updated_at) VALUES "
                 "($1, $2, $3, $4)",
                 {raw_scope, identifier, history, std::int64_t{0}});
             if (!put) {
               return put;
             }
             return db.execute(
                 "INSERT INTO named_identity (scope, name, identifier, is_default, created_at) "
                 "VALUES ($1, $2, $3, 0, 0)",
                 {raw_scope, "id-" + std::to_string(i), identifier});
           });
  });
  int raw_selected = 0;
  double raw_select_rate = rate(options, raw_inserted, raw_selected, [&](int i) {
    auto row = db.query_one(
        "SELECT i.change_history FROM named_identity n JOIN identity i ON i.scope = n.scope AND "
        "i.identifier = n.identifier WHERE n.scope = $1 AND n.name = $2",
        {raw_scope, "id-" + std::to_string(i)});
    return static_cast<bool>(row);
  });

  // Secrets: sealed and stored, loaded and unsealed; beside the raw rows of the same size.
  SecretBytes secret(32);
  crypto::random_fill(secret.expose_secret_mut());
  std::vector<Bytes> handles;
  for (int i = 0; i < options.count; ++i) {
    handles.push_back(crypto::random_bytes(32));
  }
  int sealed = 0;
  double seal_rate = rate(options, options.count, sealed, [&](int i) {
    return static_cast<bool>(
        reopened->secrets().store(handles[static_cast<std::size_t>(i)], "X25519", secret));
  });
  int unsealed = 0;
  double unseal_rate = rate(options, sealed, unsealed, [&](int i) {
    return static_cast<bool>(reopened->secrets().load(handles[static_cast<std::size_t>(i)]));
  });
  int raw_secret_inserts = 0;
  double raw_secret_insert_rate = rate(options, options.count, raw_secret_inserts, [&](int i) {
    return static_cast<bool>(
        db.execute("INSERT INTO vault_secret (scope, handle, secret_type, sealed_secret) VALUES "
                   "($1, $2, $3, $4)",
                   {raw_scope + "-secrets", handles[static_cast<std::size_t>(i)],
                    std::string("X25519"), crypto::random_bytes(61)}));
  });
  int raw_secret_selects = 0;
  double raw_secret_select_rate = rate(options, raw_secret_inserts, raw_secret_selects, [&](int i) {
    return static_cast<bool>(db.query_one(
        "SELECT secret_type, sealed_secret FROM vault_secret WHERE scope = $1 AND handle = $2",
        {raw_scope + "-secrets", handles[static_cast<std::size_t>(i)]}));
  });

  report(name("identities_created_per_s"), create_rate, "ids/s");
  report(name("raw_identity_row_inserts_per_s"), raw_insert_rate, "ids/s");
  report(name("identities_loaded_per_s"), load_rate, "ids/s");
  report(name("raw_identity_row_selects_per_s"), raw_select_rate, "ids/s");
  report(name("secrets_sealed_per_s"), seal_rate, "secrets/s");
  report(name("raw_secret_row_inserts_per_s"), raw_secret_insert_rate, "secrets/s");
  report(name("secrets_unsealed_per_s"), unseal_rate, "secrets/s");
  report(name("raw_secret_row_selects_per_s"), raw_secret_select_rate, "secrets/s");
}

void run(const Options& options) {
  std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                 ("ockam-bench-storage-" + to_hex(crypto::random_bytes(6)));
  run_backend("sqlite", options, [&](const std::string& scope) {
    auto storage_options = storage::StorageOptions::in_home(folder);
    storage_options.postgres_url.clear();
    storage_options.passphrase.reset();
    storage_options.scope = scope;
    return storage_options;
  });
  std::string url = options.postgres_url;
  if (url.empty()) {
    if (const char* env = std::getenv("OCKAM_DATABASE_CONNECTION_URL"); env != nullptr) {
      url = env;
    }
  }
  if (url.empty()) {
    std::fprintf(stderr,
                 "storage_postgres: skipped, no server (set OCKAM_DATABASE_CONNECTION_URL or run "
                 "under tests/support/postgres.sh)\n");
  } else {
    run_backend("postgres", options, [&](const std::string& scope) {
      auto storage_options = storage::StorageOptions::in_home(folder);
      storage_options.postgres_url = url;
      storage_options.passphrase.reset();
      storage_options.scope = scope;
      return storage_options;
    });
  }
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);
}

}  // namespace

void add_storage_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "storage",
      "identities created/loaded and secrets sealed/unsealed per second, beside raw rows");
  command->add_option("--count", options->count, "operations per figure (at most)");
  command->add_option("--seconds", options->seconds, "time per figure (at most)");
  command->add_option("--postgres-url", options->postgres_url,
                      "PostgreSQL server (default: OCKAM_DATABASE_CONNECTION_URL)");
  command->callback([options] { run(*options); });
}

}  // namespace ockam::bench
