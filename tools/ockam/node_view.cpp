#include "node_view.hpp"

#include "json.hpp"
#include "multiaddr_argument.hpp"
#include "node_control.hpp"

namespace ockam::command {
namespace {

std::string verbose_route(const storage::NodeRecord& record) {
  return record.tcp_listener_address ? listener_multiaddr(*record.tcp_listener_address).to_string()
                                     : std::string();
}

}  // namespace

std::string node_json(const Home& home, const storage::NodeRecord& record) {
  bool running = node_is_running(record);
  JsonObject json;
  json.text("name", record.name)
      .text("identifier", record.identifier)
      .boolean("is_default", record.is_default)
      .text("status", running ? "running" : "stopped");
  if (running) {
    json.number("pid", *record.pid);
  } else {
    json.null("pid");
  }
  json.raw("route", JsonObject()
                        .text("short", "/node/" + record.name)
                        .text("verbose", verbose_route(record))
                        .str());
  json.text("log_path", home.stderr_log(record.name).string());
  return json.str();
}

std::string node_plain(const Home& home, const storage::NodeRecord& record) {
  bool running = node_is_running(record);
  std::string out = "Node " + record.name + (record.is_default ? " (default)" : "") + "\n";
  out += "  Status: " + std::string(running ? "running" : "stopped");
  if (running) {
    out += " (pid " + std::to_string(*record.pid) + ")";
  }
  out += "\n  Identifier: " + record.identifier + "\n";
  out += "  Route: /node/" + record.name + " => " + verbose_route(record) + "\n";
  out += "  Logs: " + home.stderr_log(record.name).string();
  return out;
}

}  // namespace ockam::command
