#include "daemon/daemon_queries.h"

namespace tonewatch::daemon {

DaemonQueries::DaemonQueries(Store store, std::function<ThreadAggregator()> aggregator)
    : store_(std::move(store)), aggregator_(std::move(aggregator)) {}

Result<SuppressionChange> DaemonQueries::Suppress(const SuppressionRule& rule) {
  return Reaggregated(store_.Suppress(rule));
}

Result<SuppressionChange> DaemonQueries::Unsuppress(int64_t id) {
  return Reaggregated(store_.Unsuppress(id));
}

Result<SuppressionChange> DaemonQueries::UnsuppressRule(const SuppressionRule& rule) {
  return Reaggregated(store_.UnsuppressRule(rule));
}

Result<SuppressionChange> DaemonQueries::Reaggregated(Result<SuppressionChange> change) {
  if (!change || change->affected_threads.empty()) return change;
  if (auto done = store_.Reaggregate(change->affected_threads, aggregator_()); !done) {
    return done.error();
  }
  return change;
}

}  // namespace tonewatch::daemon
