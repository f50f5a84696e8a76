#pragma once

// Objects that are dear to make and used by one thread at a time (a libgit2 repository):
// borrowed from the pool, given back when the lease ends, and made only when none is idle. So a pool holds as
// many as were ever in use at once.

#include "core/result.h"

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace mlfolio {

template <typename T> class Pool
{
public:
  class Lease
  {
  public:
    Lease(Pool& pool, std::unique_ptr<T> item) : m_pool(&pool), m_item(std::move(item)) {}
    Lease(Lease&& other) noexcept
        : m_pool(std::exchange(other.m_pool, nullptr)), m_item(std::move(other.m_item))
    {
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease()
    {
      if (m_pool != nullptr && m_item) {
        m_pool->add(std::move(m_item));
      }
    }
    T& operator*() const { return *m_item; }
    T* operator->() const { return m_item.get(); }

  private:
    Pool* m_pool;
    std::unique_ptr<T> m_item;
  };

  // An idle object, or a new one from `make` (a callable returning Result<std::unique_ptr<T>>).
  template <typename Make> Result<Lease> borrow(Make&& make)
  {
    {
      const std::lock_guard lock(m_mutex);
      if (!m_idle.empty()) {
        std::unique_ptr<T> item = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(item));
      }
    }
    TRY_ASSIGN(std::unique_ptr<T> item, make());
    return Lease(*this, std::move(item));
  }

  // Puts an object in the pool, idle.
  void add(std::unique_ptr<T> item)
  {
    const std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(item));
  }

private:
  std::mutex m_mutex;
  std::vector<std::unique_ptr<T>> m_idle;
};

} // namespace mlfolio
