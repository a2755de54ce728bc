#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>

#include "ockam/core/address.hpp"

namespace ockam {

/// AddressSlots is the storage of a Route: addresses in a run of slots with free room in front
/// and behind, so that both ends change without shifting the others. Up to kInlineCapacity
/// slots live in the object itself, more on the heap. The routes a message carries are short
/// (a next hop and a free slot for the hop that prepends itself), so decoding, moving and
/// stepping them allocates nothing; only the addresses in use are ever constructed or moved.
class AddressSlots {
 public:
  static constexpr std::size_t kInlineCapacity = 2;

  AddressSlots() noexcept = default;
  AddressSlots(const AddressSlots&) = delete;
  AddressSlots& operator=(const AddressSlots&) = delete;
  AddressSlots(AddressSlots&& other) noexcept { take(other); }
  AddressSlots& operator=(AddressSlots&& other) noexcept {
    if (this != &other) {
      clear();
      release();
      take(other);
    }
    return *this;
  }
  ~AddressSlots() {
    clear();
    release();
  }

  std::size_t size() const noexcept { return last_ - first_; }
  bool empty() const noexcept { return first_ == last_; }
  std::size_t capacity() const noexcept { return capacity_; }
  /// Free slots in front of the first address.
  std::size_t front_room() const noexcept { return first_; }
  Address* begin() noexcept { return data_ + first_; }
  Address* end() noexcept { return data_ + last_; }
  const Address* begin() const noexcept { return data_ + first_; }
  const Address* end() const noexcept { return data_ + last_; }
  const Address& operator[](std::size_t i) const noexcept { return data_[first_ + i]; }
  const Address& back() const noexcept { return data_[last_ - 1]; }

  void push_back(Address address) {
    if (last_ == capacity_) {
      move_to(first_, 2 * capacity_ - first_);
    }
    new (data_ + last_) Address(std::move(address));
    ++last_;
  }
  /// Appends copies of [first, last), which must not lie in this storage.
  void append_copies(const Address* first, const Address* last) {
    const auto count = static_cast<std::size_t>(last - first);
    if (last_ + count > capacity_) {
      // Geometric, as push_back: appending short routes one after the other stays linear.
      move_to(first_, std::max<std::size_t>(size() + count, 2 * capacity_ - first_));
    }
    for (; first != last; ++first) {
      new (data_ + last_) Address(*first);
      ++last_;
    }
  }
  /// Puts `address` in the free slot in front; requires front_room() > 0.
  void push_front(Address address) {
    new (data_ + first_ - 1) Address(std::move(address));
    --first_;
  }
  /// Takes the first address out; requires !empty().
  Address pop_front() {
    Address address = std::move(data_[first_]);
    data_[first_].~Address();
    ++first_;
    return address;
  }
  void pop_back() noexcept { data_[--last_].~Address(); }
  /// Destroys the addresses and keeps the storage.
  void clear() noexcept {
    std::destroy(begin(), end());
    first_ = 0;
    last_ = 0;
  }
  /// Empties the storage and makes room for `front` free slots and `count` appends after them.
  void reset(std::size_t front, std::size_t count) {
    clear();
    if (front + count > capacity_) {
      move_to(0, front + count);
    }
    first_ = static_cast<std::uint32_t>(front);
    last_ = first_;
  }
  /// Moves the addresses so that `front` slots are free in front of them and `back` behind.
  void make_room(std::size_t front, std::size_t back) { move_to(front, size() + back); }

 private:
  // The inline slots as Address storage (objects live there only between placement new and
  // destroy, so no std::launder: there may be none).
  Address* inline_data() noexcept { return reinterpret_cast<Address*>(inline_); }
  bool on_heap() const noexcept { return capacity_ > kInlineCapacity; }

  // Moves the addresses to slot `front` of a heap block of at least front + `count` slots
  // (every caller needs more than the inline slots).
  void move_to(std::size_t front, std::size_t count) {
    const std::size_t capacity = std::max(front + count, kInlineCapacity + 1);
    auto* target = static_cast<Address*>(::operator new(capacity * sizeof(Address)));
    std::uninitialized_move(begin(), end(), target + front);
    const std::size_t moved = size();
    clear();
    release();
    data_ = target;
    capacity_ = static_cast<std::uint32_t>(capacity);
    first_ = static_cast<std::uint32_t>(front);
    last_ = static_cast<std::uint32_t>(front + moved);
  }
  // Frees a heap block (its addresses are already destroyed) and goes back to the inline slots.
  void release() noexcept {
    if (on_heap()) {
      ::operator delete(data_);
    }
    data_ = inline_data();
    capacity_ = kInlineCapacity;
  }
  // Takes other's addresses (its heap block, or moves of its inline ones); other ends empty.
  void take(AddressSlots& other) noexcept {
    if (other.on_heap()) {
      data_ = std::exchange(other.data_, other.inline_data());
      capacity_ = std::exchange(other.capacity_, kInlineCapacity);
    } else {
      std::uninitialized_move(other.begin(), other.end(), data_ + other.first_);
      std::destroy(other.begin(), other.end());
    }
    first_ = std::exchange(other.first_, 0);
    last_ = std::exchange(other.last_, 0);
  }

  alignas(Address) unsigned char inline_[kInlineCapacity * sizeof(Address)];
  Address* data_ = inline_data();
  std::uint32_t first_ = 0;
  std::uint32_t last_ = 0;
  std::uint32_t capacity_ = kInlineCapacity;
};

}  // namespace ockam
