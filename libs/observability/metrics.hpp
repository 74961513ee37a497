#pragma once
/// A small Prometheus metrics registry (SPEC OBS-4): counters, gauges and histograms,
/// optionally labelled, rendered in the Prometheus text exposition format 0.0.4.
///
/// Thread-safety: every member is safe to call from any thread. Updating a metric is
/// lock-free; looking up a labelled child takes a shared lock (take the reference once
/// and keep it on hot paths where the labels are fixed).

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace chat::obs {

class counter {
 public:
  void inc(std::uint64_t n = 1) noexcept { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class gauge {
 public:
  void set(std::int64_t v) noexcept { value_.store(v, std::memory_order_relaxed); }
  void add(std::int64_t n) noexcept { value_.fetch_add(n, std::memory_order_relaxed); }
  std::int64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

class histogram {
 public:
  /// `bounds` are the upper bounds of the finite buckets, strictly increasing.
  explicit histogram(std::vector<double> bounds);
  void observe(double value) noexcept;

  struct snapshot {
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };
  snapshot read() const;
  const std::vector<double>& bounds() const noexcept { return bounds_; }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<double> sum_{0};
  std::atomic<std::uint64_t> count_{0};
};

/// Default latency buckets in seconds (0.1 ms … 10 s).
std::vector<double> latency_buckets();

/// A metric family: one name and help text, one child per distinct label value list.
template <typename Metric>
class family {
 public:
  family(std::string name, std::string help, std::vector<std::string> label_names,
         std::function<std::unique_ptr<Metric>()> make);

  /// The child for these label values (created on first use); the reference stays
  /// valid for the registry's lifetime. The number of values must match the labels.
  Metric& with(std::initializer_list<std::string_view> label_values);

  const std::string& name() const noexcept { return name_; }
  const std::string& help() const noexcept { return help_; }
  const std::vector<std::string>& label_names() const noexcept { return label_names_; }

  /// Calls `visit(label_values, metric)` for every child, in label order.
  void for_each(
      const std::function<void(const std::vector<std::string>&, const Metric&)>& visit) const;

 private:
  std::string name_;
  std::string help_;
  std::vector<std::string> label_names_;
  std::function<std::unique_ptr<Metric>()> make_;
  struct child {
    std::vector<std::string> label_values;
    std::unique_ptr<Metric> metric;
  };
  mutable std::shared_mutex mutex_;
  // Keyed by the length-prefixed label values, so a lookup builds one small string.
  std::map<std::string, child, std::less<>> children_;
};

extern template class family<counter>;
extern template class family<gauge>;
extern template class family<histogram>;

class metrics_registry {
 public:
  metrics_registry() = default;
  metrics_registry(const metrics_registry&) = delete;
  metrics_registry& operator=(const metrics_registry&) = delete;

  /// Registers a family (call at start-up; names must be unique and valid).
  family<counter>& counter_family(std::string name, std::string help,
                                  std::vector<std::string> label_names = {});
  family<gauge>& gauge_family(std::string name, std::string help,
                              std::vector<std::string> label_names = {});
  family<histogram>& histogram_family(std::string name, std::string help,
                                      std::vector<std::string> label_names,
                                      std::vector<double> bounds);

  /// A gauge whose value is read when metrics are rendered.
  void callback_gauge(std::string name, std::string help, std::function<double()> read);
  /// A counter whose value is read when metrics are rendered.
  void callback_counter(std::string name, std::string help, std::function<double()> read);
  /// Labelled samples read when metrics are rendered: `read` answers one (label values,
  /// value) pair per series, the label values in `label_names`' order.
  using labelled_samples = std::vector<std::pair<std::vector<std::string>, double>>;
  void callback_counter_family(std::string name, std::string help,
                               std::vector<std::string> label_names,
                               std::function<labelled_samples()> read);

  /// The whole registry in Prometheus text format.
  std::string render() const;

 private:
  struct callback_metric {
    std::string name, help, type;
    std::function<double()> read;
  };
  void check_new_name(const std::string& name);
  static void check_label_names(const std::vector<std::string>& label_names, bool histogram_family);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<family<counter>>> counters_;
  std::vector<std::unique_ptr<family<gauge>>> gauges_;
  std::vector<std::unique_ptr<family<histogram>>> histograms_;
  std::vector<callback_metric> callbacks_;
  struct callback_family {
    std::string name, help;
    std::vector<std::string> label_names;
    std::function<labelled_samples()> read;
  };
  std::vector<callback_family> callback_families_;
  std::vector<std::string> names_;
};

/// Registers the standard `process_*` metrics (resident and virtual memory, open file
/// descriptors, CPU seconds, start time) read from /proc on each scrape.
void register_process_metrics(metrics_registry& registry);

/// The process's resident set size in bytes, from /proc/self/statm (0 if unknown).
std::uint64_t resident_memory_bytes();

}  // namespace chat::obs
