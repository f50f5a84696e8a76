// Pool: an object is made only when none is idle, lent again once given back, and a failure to
// make one is the borrower's error.
#include "core/pool.h"

#include <doctest/doctest.h>

using mlfolio::Pool;
using mlfolio::Result;

TEST_CASE("pool: made when none is idle, lent again when given back, a make that fails is an error")
{
  Pool<int> pool;
  int made = 0;
  const auto make = [&]() -> Result<std::unique_ptr<int>> { return std::make_unique<int>(++made); };
  const int* first = nullptr;
  {
    const auto lease = pool.borrow(make);
    REQUIRE(lease.has_value());
    first = &**lease;
    CHECK(**lease == 1);
  }
  const auto again = pool.borrow(make);
  REQUIRE(again.has_value());
  CHECK(&**again == first);
  const auto other = pool.borrow(make); // `again` is out: a second one is made
  REQUIRE(other.has_value());
  CHECK(**other == 2);
  CHECK(made == 2);

  Pool<int> failing;
  const auto refused = failing.borrow(
      []() -> Result<std::unique_ptr<int>> { return mlfolio::runtime_error("cannot open x"); });
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message == "cannot open x");
  failing.add(std::make_unique<int>(7)); // given from outside: lent before anything is made
  const auto given =
      failing.borrow([]() -> Result<std::unique_ptr<int>> { return std::make_unique<int>(0); });
  REQUIRE(given.has_value());
  CHECK(**given == 7);
}
