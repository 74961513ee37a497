#include "metrics.hpp"

#include <dirent.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace chat::obs {
namespace {

bool valid_metric_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void append_value(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
  } else {
    fmt::format_to(std::back_inserter(out), "{}", value);
  }
}

// Label values escape backslash, double quote and newline (exposition format 0.0.4).
void append_label_value(std::string& out, std::string_view value) {
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

void append_labels(std::string& out, const std::vector<std::string>& names,
                   const std::vector<std::string>& values, std::string_view extra_name = {},
                   std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return;
  out += '{';
  bool first = true;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!first) out += ',';
    first = false;
    out += names[i];
    out += "=\"";
    append_label_value(out, values[i]);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!first) out += ',';
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out += '"';
  }
  out += '}';
}

void append_header(std::string& out, std::string_view name, std::string_view help,
                   std::string_view type) {
  out += "# HELP ";
  out += name;
  out += ' ';
  for (const char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

}  // namespace

// ---- histogram ----

histogram::histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {
  for (std::size_t i = 1; i < bounds_.size(); ++i) {
    if (!(bounds_[i - 1] < bounds_[i]))
      throw std::invalid_argument("histogram bounds must increase");
  }
}

void histogram::observe(double value) noexcept {
  std::size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i])
    ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  double sum = sum_.load(std::memory_order_relaxed);
  while (!sum_.compare_exchange_weak(sum, sum + value, std::memory_order_relaxed)) {
  }
  count_.fetch_add(1, std::memory_order_relaxed);
}

histogram::snapshot histogram::read() const {
  snapshot s;
  s.cumulative.resize(bounds_.size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    s.cumulative[i] = running;
  }
  s.count = running;  // consistent with the buckets even while observations race
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

std::vector<double> latency_buckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};
}

// ---- family ----

template <typename Metric>
family<Metric>::family(std::string name, std::string help, std::vector<std::string> label_names,
                       std::function<std::unique_ptr<Metric>()> make)
    : name_(std::move(name)),
      help_(std::move(help)),
      label_names_(std::move(label_names)),
      make_(std::move(make)) {}

template <typename Metric>
Metric& family<Metric>::with(std::initializer_list<std::string_view> label_values) {
  if (label_values.size() != label_names_.size()) {
    throw std::invalid_argument("metric " + name_ + ": wrong number of label values");
  }
  // Each value is prefixed with its length, so no value can alias another list.
  std::string key;
  for (const auto value : label_values) {
    key.append(std::to_string(value.size()));
    key += ':';
    key.append(value);
  }
  {
    std::shared_lock lock(mutex_);
    if (auto it = children_.find(key); it != children_.end()) return *it->second.metric;
  }
  std::unique_lock lock(mutex_);
  auto [it, inserted] = children_.try_emplace(std::move(key));
  if (inserted) {
    it->second.label_values.assign(label_values.begin(), label_values.end());
    it->second.metric = make_();
  }
  return *it->second.metric;
}

template <typename Metric>
void family<Metric>::for_each(
    const std::function<void(const std::vector<std::string>&, const Metric&)>& visit) const {
  std::shared_lock lock(mutex_);
  for (const auto& [key, entry] : children_)
    visit(entry.label_values, *entry.metric);
}

template class family<counter>;
template class family<gauge>;
template class family<histogram>;

// ---- registry ----

void metrics_registry::check_label_names(const std::vector<std::string>& label_names,
                                         bool histogram_family) {
  for (const auto& label : label_names) {
    const bool reserved = label.starts_with("__") || (histogram_family && label == "le");
    if (!valid_metric_name(label) || label.find(':') != std::string::npos || reserved) {
      throw std::invalid_argument("invalid metric label name: " + label);
    }
  }
}

void metrics_registry::check_new_name(const std::string& name) {
  if (!valid_metric_name(name)) throw std::invalid_argument("invalid metric name: " + name);
  for (const auto& existing : names_) {
    if (existing == name) throw std::invalid_argument("metric registered twice: " + name);
  }
  names_.push_back(name);
}

family<counter>& metrics_registry::counter_family(std::string name, std::string help,
                                                  std::vector<std::string> label_names) {
  std::lock_guard lock(mutex_);
  check_new_name(name);
  check_label_names(label_names, false);
  counters_.push_back(
      std::make_unique<family<counter>>(std::move(name), std::move(help), std::move(label_names),
                                        [] { return std::make_unique<counter>(); }));
  return *counters_.back();
}

family<gauge>& metrics_registry::gauge_family(std::string name, std::string help,
                                              std::vector<std::string> label_names) {
  std::lock_guard lock(mutex_);
  check_new_name(name);
  check_label_names(label_names, false);
  gauges_.push_back(std::make_unique<family<gauge>>(std::move(name), std::move(help),
                                                    std::move(label_names),
                                                    [] { return std::make_unique<gauge>(); }));
  return *gauges_.back();
}

family<histogram>& metrics_registry::histogram_family(std::string name, std::string help,
                                                      std::vector<std::string> label_names,
                                                      std::vector<double> bounds) {
  histogram{bounds};  // validates the bounds before the name is taken
  std::lock_guard lock(mutex_);
  check_new_name(name);
  check_label_names(label_names, true);
  histograms_.push_back(std::make_unique<family<histogram>>(
      std::move(name), std::move(help), std::move(label_names),
      [bounds = std::move(bounds)] { return std::make_unique<histogram>(bounds); }));
  return *histograms_.back();
}

void metrics_registry::callback_gauge(std::string name, std::string help,
                                      std::function<double()> read) {
  std::lock_guard lock(mutex_);
  check_new_name(name);
  callbacks_.push_back({std::move(name), std::move(help), "gauge", std::move(read)});
}

void metrics_registry::callback_counter(std::string name, std::string help,
                                        std::function<double()> read) {
  std::lock_guard lock(mutex_);
  check_new_name(name);
  callbacks_.push_back({std::move(name), std::move(help), "counter", std::move(read)});
}

void metrics_registry::callback_counter_family(std::string name, std::string help,
                                               std::vector<std::string> label_names,
                                               std::function<labelled_samples()> read) {
  std::lock_guard lock(mutex_);
  check_new_name(name);
  callback_families_.push_back(
      {std::move(name), std::move(help), std::move(label_names), std::move(read)});
}

std::string metrics_registry::render() const {
  std::string out;
  out.reserve(4096);
  std::lock_guard lock(mutex_);
  for (const auto& fam : counters_) {
    append_header(out, fam->name(), fam->help(), "counter");
    fam->for_each([&](const std::vector<std::string>& values, const counter& c) {
      out += fam->name();
      append_labels(out, fam->label_names(), values);
      fmt::format_to(std::back_inserter(out), " {}\n", c.value());
    });
  }
  for (const auto& fam : gauges_) {
    append_header(out, fam->name(), fam->help(), "gauge");
    fam->for_each([&](const std::vector<std::string>& values, const gauge& g) {
      out += fam->name();
      append_labels(out, fam->label_names(), values);
      fmt::format_to(std::back_inserter(out), " {}\n", g.value());
    });
  }
  for (const auto& fam : histograms_) {
    append_header(out, fam->name(), fam->help(), "histogram");
    fam->for_each([&](const std::vector<std::string>& values, const histogram& h) {
      const auto snap = h.read();
      for (std::size_t i = 0; i <= h.bounds().size(); ++i) {
        std::string le;
        if (i < h.bounds().size()) {
          append_value(le, h.bounds()[i]);
        } else {
          le = "+Inf";
        }
        out += fam->name();
        out += "_bucket";
        append_labels(out, fam->label_names(), values, "le", le);
        fmt::format_to(std::back_inserter(out), " {}\n", snap.cumulative[i]);
      }
      out += fam->name();
      out += "_sum";
      append_labels(out, fam->label_names(), values);
      out += ' ';
      append_value(out, snap.sum);
      out += '\n';
      out += fam->name();
      out += "_count";
      append_labels(out, fam->label_names(), values);
      fmt::format_to(std::back_inserter(out), " {}\n", snap.count);
    });
  }
  for (const auto& fam : callback_families_) {
    append_header(out, fam.name, fam.help, "counter");
    for (const auto& [values, value] : fam.read()) {
      if (values.size() != fam.label_names.size()) continue;
      out += fam.name;
      append_labels(out, fam.label_names, values);
      out += ' ';
      append_value(out, value);
      out += '\n';
    }
  }
  for (const auto& cb : callbacks_) {
    append_header(out, cb.name, cb.help, cb.type);
    out += cb.name;
    out += ' ';
    append_value(out, cb.read());
    out += '\n';
  }
  return out;
}

// ---- process metrics ----

std::uint64_t resident_memory_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long long size = 0;
  unsigned long long resident = 0;
  const int n = std::fscanf(f, "%llu %llu", &size, &resident);
  std::fclose(f);
  if (n != 2) return 0;
  return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

namespace {

std::uint64_t virtual_memory_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long long size = 0;
  const int n = std::fscanf(f, "%llu", &size);
  std::fclose(f);
  return n == 1 ? size * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)) : 0;
}

double open_fds() {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return 0;
  double count = 0;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(dir);
  return count - 1;  // the directory stream itself
}

// Fields 14/15 (utime, stime) and 22 (starttime) of /proc/self/stat, in clock ticks.
struct proc_stat {
  double cpu_seconds = 0;
  double start_ticks = 0;
};

proc_stat read_proc_stat() {
  proc_stat result;
  std::ifstream in("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');  // the command name may contain spaces
  if (close == std::string::npos) return result;
  std::vector<std::string> fields;
  std::size_t pos = close + 2;
  while (pos < text.size()) {
    const auto end = text.find(' ', pos);
    fields.push_back(text.substr(pos, end - pos));
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  // fields[0] is field 3 (state).
  if (fields.size() < 20) return result;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  result.cpu_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;
  result.start_ticks = std::stod(fields[19]);
  return result;
}

double boot_time_seconds() {
  std::ifstream in("/proc/stat");
  std::string key;
  while (in >> key) {
    if (key == "btime") {
      double value = 0;
      in >> value;
      return value;
    }
    in.ignore(1 << 16, '\n');
  }
  return 0;
}

}  // namespace

void register_process_metrics(metrics_registry& registry) {
  registry.callback_gauge("process_resident_memory_bytes", "Resident memory size in bytes.",
                          [] { return static_cast<double>(resident_memory_bytes()); });
  registry.callback_gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.",
                          [] { return static_cast<double>(virtual_memory_bytes()); });
  registry.callback_gauge("process_open_fds", "Number of open file descriptors.", open_fds);
  registry.callback_counter("process_cpu_seconds_total",
                            "Total user and system CPU time spent in seconds.",
                            [] { return read_proc_stat().cpu_seconds; });
  const double start = boot_time_seconds() +
                       read_proc_stat().start_ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
  registry.callback_gauge("process_start_time_seconds",
                          "Start time of the process since the Unix epoch in seconds.",
                          [start] { return start; });
}

}  // namespace chat::obs
