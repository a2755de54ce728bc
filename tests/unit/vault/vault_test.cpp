#include "ockam/vault/vault.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "ockam/crypto/aes_gcm.hpp"
#include "ockam/crypto/hkdf.hpp"
#include "ockam/crypto/sha256.hpp"
#include "ockam/vault/in_memory_secret_store.hpp"

namespace ockam::vault {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}
SecretBytes secret_hex(std::string_view text) {
  return SecretBytes(hex(text));
}

// RFC 8032 §7.1, test 1.
constexpr std::string_view kEd25519Seed =
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr std::string_view kEd25519Public =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr std::string_view kEd25519EmptyMessageSignature =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
    "6bd25bf5f0595bbe24655141438e7a100b";

// RFC 7748 §6.1.
constexpr std::string_view kAliceX25519Secret =
    "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr std::string_view kAliceX25519Public =
    "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
constexpr std::string_view kBobX25519Public =
    "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
constexpr std::string_view kSharedSecret =
    "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

void expect_not_found(const Error& error) {
  EXPECT_EQ(error.kind(), Kind::kNotFound);
}

TEST(VaultTest, ImportedEd25519KeySignsLikeRfc8032) {
  Vault vault;
  auto handle = vault.import_signing_key(SigningKeyType::kEd25519, secret_hex(kEd25519Seed));
  ASSERT_TRUE(handle);
  auto public_key = vault.signing_public_key(*handle);
  ASSERT_TRUE(public_key);
  EXPECT_EQ(public_key->type, SigningKeyType::kEd25519);
  EXPECT_EQ(to_hex(public_key->key), kEd25519Public);
  auto signature = vault.sign(*handle, {});
  ASSERT_TRUE(signature);
  EXPECT_EQ(signature->type, SigningKeyType::kEd25519);
  EXPECT_EQ(to_hex(signature->bytes), kEd25519EmptyMessageSignature);
}

TEST(VaultTest, SigningKeyHandleIsTheSha256OfThePublicKey) {
  Vault vault;
  for (SigningKeyType type : {SigningKeyType::kEd25519, SigningKeyType::kP256}) {
    auto handle = vault.generate_signing_key(type);
    ASSERT_TRUE(handle);
    auto public_key = vault.signing_public_key(*handle);
    ASSERT_TRUE(public_key);
    EXPECT_EQ(public_key->key.size(), public_key_length(type));
    crypto::Sha256Digest digest = crypto::sha256(public_key->key);
    EXPECT_EQ(handle->value(), Bytes(digest.begin(), digest.end()));
    auto found = vault.signing_key_handle(*public_key);
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, *handle);
  }
}

TEST(VaultTest, SignaturesOfBothTypesVerifyAndRejectOtherData) {
  Vault vault;
  const Bytes data = {1, 2, 3};
  for (SigningKeyType type : {SigningKeyType::kEd25519, SigningKeyType::kP256}) {
    auto handle = vault.generate_signing_key(type);
    ASSERT_TRUE(handle);
    auto public_key = vault.signing_public_key(*handle);
    auto signature = vault.sign(*handle, data);
    ASSERT_TRUE(public_key);
    ASSERT_TRUE(signature);
    EXPECT_EQ(signature->type, type);
    EXPECT_TRUE(Vault::verify_signature(*public_key, data, *signature));
    EXPECT_FALSE(Vault::verify_signature(*public_key, Bytes{1, 2, 4}, *signature));
    Signature tampered = *signature;
    tampered.bytes[5] ^= 1;
    EXPECT_FALSE(Vault::verify_signature(*public_key, data, tampered));
  }
}

TEST(VaultTest, VerifyRejectsASignatureOfAnotherAlgorithm) {
  Vault vault;
  auto handle = vault.import_signing_key(SigningKeyType::kEd25519, secret_hex(kEd25519Seed));
  ASSERT_TRUE(handle);
  auto public_key = vault.signing_public_key(*handle);
  auto signature = vault.sign(*handle, {});
  ASSERT_TRUE(public_key);
  ASSERT_TRUE(signature);
  Signature relabelled = *signature;
  relabelled.type = SigningKeyType::kP256;
  EXPECT_FALSE(Vault::verify_signature(*public_key, {}, relabelled));
  VerifyingPublicKey wrong_length{SigningKeyType::kEd25519, Bytes(31, 1)};
  EXPECT_FALSE(Vault::verify_signature(wrong_length, {}, *signature));
}

TEST(VaultTest, ImportingTheSameKeyTwiceGivesTheSameHandle) {
  Vault vault;
  auto first = vault.import_signing_key(SigningKeyType::kEd25519, secret_hex(kEd25519Seed));
  auto second = vault.import_signing_key(SigningKeyType::kEd25519, secret_hex(kEd25519Seed));
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(*first, *second);
}

TEST(VaultTest, ImportRejectsInvalidSigningKeys) {
  Vault vault;
  auto short_seed = vault.import_signing_key(SigningKeyType::kEd25519, SecretBytes(Bytes(31, 1)));
  ASSERT_FALSE(short_seed);
  EXPECT_EQ(short_seed.error().kind(), Kind::kInvalid);
  auto zero_scalar = vault.import_signing_key(SigningKeyType::kP256, SecretBytes(Bytes(32, 0)));
  ASSERT_FALSE(zero_scalar);
  EXPECT_EQ(zero_scalar.error().kind(), Kind::kInvalid);
}

TEST(VaultTest, UnknownSigningKeysAreNotFound) {
  Vault vault;
  SigningKeyHandle unknown(Bytes(32, 7));
  expect_not_found(vault.sign(unknown, {}).error());
  expect_not_found(vault.signing_public_key(unknown).error());
  expect_not_found(vault.delete_signing_key(unknown).error());
  VerifyingPublicKey not_held{SigningKeyType::kEd25519, hex(kEd25519Public)};
  expect_not_found(vault.signing_key_handle(not_held).error());
}

TEST(VaultTest, DeletedSigningKeysCanNoLongerSign) {
  Vault vault;
  auto handle = vault.generate_signing_key(SigningKeyType::kP256);
  ASSERT_TRUE(handle);
  ASSERT_TRUE(vault.delete_signing_key(*handle));
  expect_not_found(vault.sign(*handle, {}).error());
  expect_not_found(vault.delete_signing_key(*handle).error());
}

TEST(VaultTest, AHandleOfAnotherKindIsNotFound) {
  Vault vault;
  auto x25519 = vault.generate_x25519_key();
  ASSERT_TRUE(x25519);
  SigningKeyHandle as_signing(x25519->value());
  expect_not_found(vault.sign(as_signing, {}).error());
  expect_not_found(vault.delete_signing_key(as_signing).error());
  auto signing = vault.generate_signing_key(SigningKeyType::kEd25519);
  ASSERT_TRUE(signing);
  X25519KeyHandle as_x25519(signing->value());
  expect_not_found(vault.x25519_ecdh(as_x25519, hex(kBobX25519Public)).error());
  expect_not_found(vault.delete_x25519_key(as_x25519).error());
  // The keys are still there after the refused deletions.
  EXPECT_TRUE(vault.sign(*signing, {}));
  EXPECT_TRUE(vault.x25519_public_key(*x25519));
}

TEST(VaultTest, X25519EcdhMatchesRfc7748) {
  Vault vault;
  auto handle = vault.import_x25519_key(secret_hex(kAliceX25519Secret));
  ASSERT_TRUE(handle);
  auto public_key = vault.x25519_public_key(*handle);
  ASSERT_TRUE(public_key);
  EXPECT_EQ(to_hex(*public_key), kAliceX25519Public);
  crypto::Sha256Digest digest = crypto::sha256(*public_key);
  EXPECT_EQ(handle->value(), Bytes(digest.begin(), digest.end()));
  auto shared = vault.x25519_ecdh(*handle, hex(kBobX25519Public));
  ASSERT_TRUE(shared);
  EXPECT_EQ(to_hex(shared->expose_secret()), kSharedSecret);
}

TEST(VaultTest, GeneratedX25519KeysAgreeOnASharedSecret) {
  Vault a;
  Vault b;
  auto key_a = a.generate_x25519_key();
  auto key_b = b.generate_x25519_key();
  ASSERT_TRUE(key_a);
  ASSERT_TRUE(key_b);
  auto public_a = a.x25519_public_key(*key_a);
  auto public_b = b.x25519_public_key(*key_b);
  auto shared_a = a.x25519_ecdh(*key_a, *public_b);
  auto shared_b = b.x25519_ecdh(*key_b, *public_a);
  ASSERT_TRUE(shared_a);
  ASSERT_TRUE(shared_b);
  EXPECT_TRUE(ct_equal(shared_a->expose_secret(), shared_b->expose_secret()));
}

TEST(VaultTest, X25519EcdhRejectsBadPeerKeys) {
  Vault vault;
  auto handle = vault.generate_x25519_key();
  ASSERT_TRUE(handle);
  auto short_key = vault.x25519_ecdh(*handle, Bytes(31, 9));
  ASSERT_FALSE(short_key);
  EXPECT_EQ(short_key.error().kind(), Kind::kInvalid);
  auto low_order = vault.x25519_ecdh(*handle, Bytes(32, 0));
  ASSERT_FALSE(low_order);
  EXPECT_EQ(low_order.error().kind(), Kind::kProtocol);
  auto bad_import = vault.import_x25519_key(SecretBytes(Bytes(33, 1)));
  ASSERT_FALSE(bad_import);
  EXPECT_EQ(bad_import.error().kind(), Kind::kInvalid);
}

TEST(VaultTest, X25519KeysSignAsXEdDsaWithoutLeavingTheVault) {
  Vault vault;
  auto handle = vault.import_x25519_key(secret_hex(kAliceX25519Secret));
  ASSERT_TRUE(handle);
  const Bytes data = to_bytes("signed prekey");
  auto signature = vault.x25519_xeddsa_sign(*handle, data);
  ASSERT_TRUE(signature);
  EXPECT_TRUE(crypto::xeddsa_verify(hex(kAliceX25519Public), data, *signature));
  EXPECT_FALSE(crypto::xeddsa_verify(hex(kBobX25519Public), data, *signature));
  ASSERT_TRUE(vault.delete_x25519_key(*handle));
  expect_not_found(vault.x25519_xeddsa_sign(*handle, data).error());
}

TEST(VaultTest, DeletedX25519KeysAreNotFound) {
  Vault vault;
  auto handle = vault.generate_x25519_key();
  ASSERT_TRUE(handle);
  ASSERT_TRUE(vault.delete_x25519_key(*handle));
  expect_not_found(vault.x25519_public_key(*handle).error());
  expect_not_found(vault.x25519_ecdh(*handle, hex(kBobX25519Public)).error());
  expect_not_found(vault.delete_x25519_key(*handle).error());
}

TEST(VaultTest, AeadKeyEncryptsOckamsCloseMessage) {
  // wire.json: close_ciphertext_nonce0 = nonce (8 bytes) || AES-256-GCM(initiator key, 8282028040).
  Vault vault;
  auto key = vault.import_aead_key(
      secret_hex("831124fa3e1606b97f5cda4d81c3aa04c7c0151666f05f49a09cd0faf63a05d8"));
  ASSERT_TRUE(key);
  crypto::AeadNonce nonce{};
  Bytes ciphertext;
  ASSERT_TRUE(vault.aead_encrypt(*key, nonce, {}, hex("8282028040"), ciphertext));
  EXPECT_EQ(to_hex(ciphertext), "730a7db78918da6f632767306fdfd7b9abac253c30");
  Bytes plaintext;
  ASSERT_TRUE(vault.aead_decrypt(*key, nonce, {}, ciphertext, plaintext));
  EXPECT_EQ(to_hex(plaintext), "8282028040");
}

TEST(VaultTest, AeadDecryptRejectsTamperedCiphertextAndLeavesOutputAlone) {
  Vault vault;
  auto key = vault.import_aead_key(SecretBytes(Bytes(32, 3)));
  ASSERT_TRUE(key);
  crypto::AeadNonce nonce{};
  nonce[11] = 1;
  Bytes ciphertext;
  ASSERT_TRUE(vault.aead_encrypt(*key, nonce, Bytes{7}, Bytes{1, 2, 3}, ciphertext));
  ciphertext[0] ^= 1;
  Bytes out = {42};
  auto opened = vault.aead_decrypt(*key, nonce, Bytes{7}, ciphertext, out);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kProtocol);
  EXPECT_EQ(out, Bytes{42});
}

TEST(VaultTest, HkdfOutputsMatchRfc5869WithEmptyInfo) {
  Vault vault;
  Bytes salt = hex("000102030405060708090a0b0c");
  Bytes ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
  auto salt_handle = vault.import_secret_buffer(SecretBytes(salt));
  auto ikm_handle = vault.import_secret_buffer(SecretBytes(ikm));
  ASSERT_TRUE(salt_handle);
  ASSERT_TRUE(ikm_handle);
  auto outputs = vault.hkdf(*salt_handle, *ikm_handle, 2);
  ASSERT_TRUE(outputs);
  ASSERT_EQ(outputs->size(), 2u);
  auto expected = crypto::hkdf_sha256(salt, ikm, {}, 64);
  ASSERT_TRUE(expected);
  // Outputs are only usable as keys: compare what they encrypt with the expected keys.
  for (std::size_t i = 0; i < 2; ++i) {
    auto key = vault.convert_secret_buffer_to_aead_key((*outputs)[i]);
    ASSERT_TRUE(key);
    auto reference = crypto::AesGcm::create(expected->expose_secret().subspan(32 * i, 32));
    ASSERT_TRUE(reference);
    crypto::AeadNonce nonce{};
    Bytes from_vault;
    Bytes from_reference;
    ASSERT_TRUE(vault.aead_encrypt(*key, nonce, {}, Bytes{1, 2}, from_vault));
    ASSERT_TRUE((*reference)->encrypt(nonce, {}, Bytes{1, 2}, from_reference));
    EXPECT_EQ(from_vault, from_reference) << i;
  }
}

TEST(VaultTest, HkdfWithoutInputKeyMaterialUsesAnEmptyOne) {
  Vault vault;
  Bytes salt(32, 5);
  auto salt_handle = vault.import_secret_buffer(SecretBytes(salt));
  ASSERT_TRUE(salt_handle);
  auto outputs = vault.hkdf(*salt_handle, std::nullopt, 3);
  ASSERT_TRUE(outputs);
  ASSERT_EQ(outputs->size(), 3u);
  auto expected = crypto::hkdf_sha256(salt, {}, {}, 96);
  ASSERT_TRUE(expected);
  auto key = vault.convert_secret_buffer_to_aead_key((*outputs)[2]);
  auto reference = crypto::AesGcm::create(expected->expose_secret().subspan(64, 32));
  ASSERT_TRUE(key);
  ASSERT_TRUE(reference);
  Bytes from_vault;
  Bytes from_reference;
  ASSERT_TRUE(vault.aead_encrypt(*key, {}, {}, Bytes{9}, from_vault));
  ASSERT_TRUE((*reference)->encrypt({}, {}, Bytes{9}, from_reference));
  EXPECT_EQ(from_vault, from_reference);
}

TEST(VaultTest, HkdfRejectsBadOutputCountsAndUnknownBuffers) {
  Vault vault;
  auto salt = vault.import_secret_buffer(SecretBytes(Bytes(32, 1)));
  ASSERT_TRUE(salt);
  EXPECT_EQ(vault.hkdf(*salt, std::nullopt, 0).error().kind(), Kind::kInvalid);
  EXPECT_EQ(vault.hkdf(*salt, std::nullopt, Vault::kMaxHkdfOutputs + 1).error().kind(),
            Kind::kInvalid);
  expect_not_found(vault.hkdf(SecretBufferHandle(Bytes{1}), std::nullopt, 2).error());
  expect_not_found(vault.hkdf(*salt, SecretBufferHandle(Bytes{1}), 2).error());
}

TEST(VaultTest, ConvertingABufferConsumesItAndNeeds32Bytes) {
  Vault vault;
  auto short_buffer = vault.import_secret_buffer(SecretBytes(Bytes(16, 1)));
  ASSERT_TRUE(short_buffer);
  EXPECT_EQ(vault.convert_secret_buffer_to_aead_key(*short_buffer).error().kind(), Kind::kInvalid);
  auto buffer = vault.import_secret_buffer(SecretBytes(Bytes(32, 1)));
  ASSERT_TRUE(buffer);
  auto key = vault.convert_secret_buffer_to_aead_key(*buffer);
  ASSERT_TRUE(key);
  expect_not_found(vault.delete_secret_buffer(*buffer).error());
  expect_not_found(vault.convert_secret_buffer_to_aead_key(*buffer).error());
  Bytes out;
  EXPECT_TRUE(vault.aead_encrypt(*key, {}, {}, {}, out));
  EXPECT_EQ(out.size(), crypto::kAeadTagLength);
}

TEST(VaultTest, DeletedBuffersAndAeadKeysAreNotFound) {
  Vault vault;
  auto buffer = vault.import_secret_buffer(SecretBytes(Bytes(8, 1)));
  ASSERT_TRUE(buffer);
  ASSERT_TRUE(vault.delete_secret_buffer(*buffer));
  expect_not_found(vault.delete_secret_buffer(*buffer).error());
  auto key = vault.import_aead_key(SecretBytes(Bytes(32, 2)));
  ASSERT_TRUE(key);
  Bytes out;
  ASSERT_TRUE(vault.aead_encrypt(*key, {}, {}, Bytes{1}, out));  // the key schedule is cached now
  ASSERT_TRUE(vault.delete_aead_key(*key));
  expect_not_found(vault.aead_encrypt(*key, {}, {}, Bytes{1}, out).error());
  expect_not_found(vault.aead_decrypt(*key, {}, {}, out, out).error());
  expect_not_found(vault.delete_aead_key(*key).error());
  EXPECT_EQ(vault.import_aead_key(SecretBytes(Bytes(31, 2))).error().kind(), Kind::kInvalid);
}

// A store that records what the vault puts in it.
class RecordingStore final : public SecretStore {
 public:
  explicit RecordingStore(std::vector<SecretType>& stored) : stored_(stored) {}
  Result<void> store(ByteView handle, SecretType type, SecretBytes secret) override {
    stored_.push_back(type);
    return inner_.store(handle, type, std::move(secret));
  }
  Result<StoredSecret> load(ByteView handle) const override { return inner_.load(handle); }
  Result<void> remove(ByteView handle) override { return inner_.remove(handle); }

 private:
  std::vector<SecretType>& stored_;
  InMemorySecretStore inner_;
};

TEST(VaultTest, KeepsEverySecretInTheGivenStore) {
  std::vector<SecretType> stored;
  Vault vault(std::make_unique<RecordingStore>(stored));
  ASSERT_TRUE(vault.generate_signing_key(SigningKeyType::kEd25519));
  ASSERT_TRUE(vault.generate_signing_key(SigningKeyType::kP256));
  ASSERT_TRUE(vault.generate_x25519_key());
  ASSERT_TRUE(vault.import_aead_key(SecretBytes(Bytes(32, 1))));
  EXPECT_EQ(stored, (std::vector<SecretType>{SecretType::kEd25519, SecretType::kP256,
                                             SecretType::kX25519, SecretType::kAes256Gcm}));
}

}  // namespace
}  // namespace ockam::vault
