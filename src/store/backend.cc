#include "store/backend.h"

#include <fmt/format.h>

#include "hopper/error.h"

namespace hopper {

sql::Statement& Backend::statement(const std::string& text) {
  auto found = statements_.find(text);
  if (found == statements_.end()) return *statements_.emplace(text, db_->prepare(text)).first->second;
  found->second->reset();
  return *found->second;
}

void Backend::reset_statements() {
  for (auto& [text, st] : statements_) st->reset();
}

void Backend::refuse_restored(const std::string& table, const sql::Failure& e) {
  if (e.kind() != sql::Failure::Kind::constraint && e.kind() != sql::Failure::Kind::other) throw e;
  throw Error(Exit::invalid, fmt::format("{}: {}", table, e.what()));
}

}  // namespace hopper
