// ockam: Ockam's command line for ockam-cpp nodes (docs/cli.md).
#include <sys/stat.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "commands/command_line.hpp"
#include "exit_code.hpp"
#include "ockam/core/log.hpp"

namespace {

using namespace ockam::command;

// -v info, -vv debug, -vvv trace (OCKAM_LOG still applies without -v).
void apply_verbosity(int count) {
  if (count >= 3) {
    ockam::log::set_level(ockam::log::Level::kTrace);
  } else if (count == 2) {
    ockam::log::set_level(ockam::log::Level::kDebug);
  } else if (count == 1) {
    ockam::log::set_level(ockam::log::Level::kInfo);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Everything ockam writes (the state folder, the database, node logs) is its user's only.
  ::umask(077);
  CLI::App app(
      "ockam: create nodes, identities, secure channels, relays and TCP portals.\n"
      "State lives in $OCKAM_HOME (default ~/.ockam).");
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  app.set_version_flag("--version", OCKAM_VERSION);
  CommandLine line;
  std::string output_format = "plain";
  int verbosity = 0;
  app.add_option("--output", output_format, "Output format: plain or json")
      ->check(CLI::IsMember({"plain", "json"}));
  app.add_flag("-q,--quiet", line.output.quiet, "No messages on stderr");
  app.add_flag("-v", verbosity, "More logs (repeat for more)");
  app.add_flag("--no-color")->description("Accepted (ockam never colors)");
  app.add_flag("--no-input")->description("Accepted (ockam never prompts)");
  // Global options may come after the subcommand, as in Ockam.
  app.fallthrough();
  add_identity_commands(app, line);
  add_node_commands(app, line);
  add_message_commands(app, line);
  add_status_commands(app, line);
  add_secure_channel_commands(app, line);
  add_relay_commands(app, line);
  add_tcp_outlet_commands(app, line);
  add_tcp_inlet_commands(app, line);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);  // --help, --version
    }
    std::fprintf(stderr, "Error: %s\nRun with --help for more information.\n", error.what());
    return kExitUsage;
  }
  line.output.json = output_format == "json";
  apply_verbosity(verbosity);
  try {
    if (line.action) {
      line.action();
    }
  } catch (const CommandError& error) {
    std::fprintf(stderr, "Error: %s\n", error.what());
    return error.code();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "Error: %s\n", error.what());
    return kExitSoftware;
  }
  return kExitOk;
}
