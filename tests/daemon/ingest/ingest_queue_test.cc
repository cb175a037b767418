// The ingest queue: a path waits once however often it changes, is never given to two workers at
// once, and Close wakes everyone.

#include "daemon/ingest/ingest_queue.h"

#include <gtest/gtest.h>

#include <future>

namespace tonewatch::daemon {
namespace {

TEST(IngestQueue, PathWaitsOnceAndKeepsItsPlace) {
  IngestQueue q;
  q.Push("/m/a");
  q.Push("/m/b");
  q.Push("/m/a");
  EXPECT_EQ(2u, q.waiting());
  EXPECT_EQ("/m/a", q.Pop()->path);
  EXPECT_EQ("/m/b", q.Pop()->path);
  EXPECT_EQ(0u, q.waiting());
  EXPECT_EQ(2u, q.in_progress());
}

TEST(IngestQueue, ForceIsMergedIntoTheWaitingPath) {
  IngestQueue q;
  q.Push("/m/a");
  q.Push("/m/a", /*force=*/true);
  q.Push("/m/a");
  auto job = q.Pop();
  ASSERT_TRUE(job);
  EXPECT_TRUE(job->force);
}

TEST(IngestQueue, PathInProgressIsNotGivenOutAgainUntilDone) {
  IngestQueue q;
  q.Push("/m/a");
  ASSERT_EQ("/m/a", q.Pop()->path);
  q.Push("/m/a");  // changed again while being read
  q.Push("/m/b");
  EXPECT_EQ("/m/b", q.Pop()->path) << "a skips /m/a, which is still being read";
  std::future<std::optional<IngestJob>> next =
      std::async(std::launch::async, [&] { return q.Pop(); });
  q.Done("/m/a");
  auto job = next.get();
  ASSERT_TRUE(job);
  EXPECT_EQ("/m/a", job->path);
}

TEST(IngestQueue, CloseWakesWaitersAndRefusesNewPaths) {
  IngestQueue q;
  std::future<std::optional<IngestJob>> waiter =
      std::async(std::launch::async, [&] { return q.Pop(); });
  q.Close();
  EXPECT_FALSE(waiter.get().has_value());
  q.Push("/m/a");
  EXPECT_EQ(0u, q.waiting());
  EXPECT_FALSE(q.Pop().has_value());
}

}  // namespace
}  // namespace tonewatch::daemon
