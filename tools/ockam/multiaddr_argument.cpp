#include "multiaddr_argument.hpp"

#include <arpa/inet.h>

#include <iostream>

#include "exit_code.hpp"
#include "node_control.hpp"

namespace ockam::command {

std::string with_piped_value(std::string argument) {
  bool whole = argument == "-";
  bool prefix = argument.starts_with("-/");
  auto middle = argument.find("/-/");
  if (!whole && !prefix && middle == std::string::npos) {
    return argument;
  }
  std::string line;
  if (!std::getline(std::cin, line)) {
    throw CommandError(kExitUsage, "reading the '-' argument from stdin", "stdin is empty");
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '/')) {
    line.pop_back();
  }
  if (whole) {
    return line;
  }
  if (prefix) {
    return line + argument.substr(1);
  }
  return argument.substr(0, middle) + line + argument.substr(middle + 2);
}

cli::MultiAddr parse_multiaddr(const std::string& option, const std::string& text) {
  auto addr = cli::MultiAddr::parse(text);
  if (!addr) {
    throw CommandError(kExitUsage, option + " '" + text + "'", addr.error().to_string());
  }
  return *addr;
}

cli::MultiAddr listener_multiaddr(const std::string& host_port) {
  auto colon = host_port.rfind(':');
  std::string host = host_port.substr(0, colon);
  std::string port = colon == std::string::npos ? "" : host_port.substr(colon + 1);
  cli::Protocol kind = cli::Protocol::kDnsAddr;
  unsigned char buffer[16];
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    kind = cli::Protocol::kIp6;
  } else if (::inet_pton(AF_INET, host.c_str(), buffer) == 1) {
    kind = cli::Protocol::kIp4;
  }
  cli::MultiAddr out;
  if (!out.push_back(kind, host) || !out.push_back(cli::Protocol::kTcp, port)) {
    throw CommandError(kExitSoftware, "the listener address '" + host_port + "'",
                       "not a host:port");
  }
  return out;
}

cli::MultiAddr resolve_nodes(Node& node, const cli::MultiAddr& addr) {
  cli::MultiAddr out;
  for (std::size_t i = 0; i < addr.size(); ++i) {
    if (addr[i].protocol != cli::Protocol::kNode) {
      out.append(addr.tail(i).head(1));
      continue;
    }
    storage::NodeRecord record = find_node(node, addr[i].value);
    if (!record.tcp_listener_address) {
      throw CommandError(kExitUnavailable, "node " + record.name, "it has no TCP listener yet");
    }
    out.append(listener_multiaddr(*record.tcp_listener_address));
  }
  return out;
}

std::string node_name_argument(const std::string& text) {
  if (!text.starts_with("/")) {
    return text;
  }
  auto addr = cli::MultiAddr::parse(text);
  if (!addr || addr->size() != 1 || (*addr)[0].protocol != cli::Protocol::kNode) {
    throw CommandError(kExitUsage, "the node '" + text + "'", "expected NAME or /node/NAME");
  }
  return (*addr)[0].value;
}

}  // namespace ockam::command
