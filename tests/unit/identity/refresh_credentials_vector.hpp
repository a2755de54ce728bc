#pragma once

#include <gtest/gtest.h>

#include "ockam/core/cbor_reader.hpp"
#include "ockam/identity/change_history.hpp"
#include "ockam/identity/credential.hpp"
#include "vector_files.hpp"

namespace ockam::identity::testing {

/// The pieces of wire.json's refresh_credentials_plaintext, a RefreshCredentials message encoded
/// by Rust: SecureChannelPaddedMessage [[1, [[ChangeHistory, [CredentialAndPurposeKey]]]], h''].
struct RefreshCredentialsVector {
  Bytes plaintext;
  ByteView change_history;  // the CBOR change history, a view into `plaintext`
  ByteView credential;      // the CBOR CredentialAndPurposeKey, a view into `plaintext`
  CredentialAndPurposeKey decoded;
};

/// Splits the vector with CborReader; fails the current test when its structure is unexpected.
inline void load_refresh_credentials_vector(RefreshCredentialsVector& out) {
  out.plaintext = wire_example("refresh_credentials_plaintext");
  ASSERT_FALSE(out.plaintext.empty());
  CborReader in(out.plaintext);
  std::uint64_t count = 0;
  std::uint32_t variant = 0;
  ASSERT_TRUE(in.read_array_header(count) && count == 2);  // padded message
  ASSERT_TRUE(in.read_array_header(count) && count == 2);  // enum
  ASSERT_TRUE(in.read_u32(variant) && variant == 1);       // RefreshCredentials
  ASSERT_TRUE(in.read_array_header(count) && count == 1);
  ASSERT_TRUE(in.read_array_header(count) && count == 2);
  ByteView rest = in.rest();
  ChangeHistory history;
  ASSERT_TRUE(read_change_history(in, history));
  out.change_history = rest.first(rest.size() - in.remaining());
  ASSERT_TRUE(in.read_array_header(count) && count == 1);
  rest = in.rest();
  ASSERT_TRUE(read_credential_and_purpose_key(in, out.decoded));
  out.credential = rest.first(rest.size() - in.remaining());
  ByteView padding;
  ASSERT_TRUE(in.read_bytes(padding) && padding.empty());
  ASSERT_TRUE(in.expect_end());
}

}  // namespace ockam::identity::testing
