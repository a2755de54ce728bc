#pragma once

#include "ockam/core/bytes.hpp"

namespace ockam {

/// is_valid_utf8 tells whether `text` is strict UTF-8: no overlong forms, no surrogates,
/// nothing above U+10FFFF (what serde and minicbor accept for strings).
bool is_valid_utf8(ByteView text) noexcept;

}  // namespace ockam
