#pragma once

// The Queries the socket protocol runs against in the daemon: the store, plus what a change of
// suppressions means for threads. The store updates message heats itself; thread heat, trend and
// prompts come from the thread model, so after a suppression is added or removed the threads it
// touched are re-aggregated here, before the answer goes out.

#include <functional>

#include "daemon/store/store.h"

namespace tonewatch::daemon {

class DaemonQueries final : public Queries {
 public:
  // `aggregator` gives the thread model as it is now (it follows lexicon reloads). The store is
  // this query thread's own connection.
  DaemonQueries(Store store, std::function<ThreadAggregator()> aggregator);

  Result<StoreStatus> Status() override { return store_.Status(); }
  Result<FlaggedPage> Flagged(const FlaggedFilter& filter) override {
    return store_.Flagged(filter);
  }
  Result<std::optional<ThreadReport>> Thread(const std::string& id) override {
    return store_.Thread(id);
  }
  Result<std::optional<MessageDetail>> Message(const std::string& key) override {
    return store_.Message(key);
  }
  Result<SuppressionChange> Suppress(const SuppressionRule& rule) override;
  Result<SuppressionChange> Unsuppress(int64_t id) override;
  Result<SuppressionChange> UnsuppressRule(const SuppressionRule& rule) override;
  Result<std::vector<Suppression>> Suppressions() override { return store_.Suppressions(); }

 private:
  Result<SuppressionChange> Reaggregated(Result<SuppressionChange> change);

  Store store_;
  std::function<ThreadAggregator()> aggregator_;
};

}  // namespace tonewatch::daemon
