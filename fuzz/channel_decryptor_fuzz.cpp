// Fuzzes the channel decryptor with arbitrary ciphertexts: each input is split into messages
// (first byte = length) fed to one decryptor; nothing may crash, and nothing forged may pass.
#include <cstdint>
#include <cstdlib>

#include "ockam/channel/decryptor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ockam::Bytes kKey(32, 7);
  auto key = ockam::channel::ChannelKey::create(ockam::SecretBytes(kKey));
  if (!key) {
    std::abort();
  }
  ockam::channel::Decryptor decryptor(std::move(*key));
  ockam::ByteView input(data, size);
  while (!input.empty()) {
    std::size_t length = std::min<std::size_t>(input[0], input.size() - 1);
    ockam::Bytes plaintext;
    if (decryptor.decrypt(input.subspan(1, length), plaintext)) {
      std::abort();  // a forged message authenticated
    }
    input = input.subspan(1 + length);
  }
  return 0;
}
