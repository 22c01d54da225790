// Opportunities (商机): pipelines and their stages, stage gates,
// probability and weighted value (amount × probability), won/lost and
// reopening.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/money.h"
#include "hopper/session.h"

namespace hopper {

struct OpportunityInput {
  std::optional<std::string> name, amount, pipeline, stage, close_date, probability, owner;
  std::vector<std::string> settings;  // --set KEY=VALUE
};

struct MoveOptions {
  bool force = false;  // managers and admins: pass a gate, skip, go back
  std::string reason;
};

const Pipeline& pipeline_of(const Config& config, const Opportunity& opp);
const Stage& stage_of(const Config& config, const Opportunity& opp);
// The deal's stage, or nullptr when funnel.toml no longer defines its
// pipeline or stage (hopper config check lists those): listings and reports
// show such a deal as stored instead of failing.
const Stage* find_stage(const Config& config, const Opportunity& opp);
// The stage's display name, or the stored key marked as unknown.
std::string stage_label(const Config& config, const Opportunity& opp);
// The forecast category a deal is in: "closed" once won, else its stage's
// (pipeline | best_case | commit); nullopt for a stage funnel.toml no
// longer defines.
std::optional<std::string> deal_category(const Config& config, const Opportunity& opp);
// Manual probability first, else the stage's (0 for a stage funnel.toml no
// longer defines); won 100, lost 0.
double effective_probability(const Config& config, const Opportunity& opp);
// Every stage's probability, from which the store weighs deals in SQL by the
// same rule (Store::customer_clocks).
std::vector<StageProbability> stage_probabilities(const Config& config);
// amount × effective probability, rounded to the cent.
Money weighted_value(const Config& config, const Opportunity& opp);
// What stops the opportunity from leaving `stage`: unchecked required actions
// and empty required fields, one sentence each.
std::vector<std::string> gate_problems(Session& s, const Opportunity& opp, const Stage& stage);

Opportunity load_opportunity(Session& s, Id id);
// The deal belongs to the customer's owner; in a sequential pipeline a
// --stage past the first must pass the gates before it (or be forced).
Opportunity add_opportunity(Session& s, Id customer, const OpportunityInput& input, const MoveOptions& options = {});
Opportunity edit_opportunity(Session& s, Id id, const OpportunityInput& input);
Opportunity promote_opportunity(Session& s, Id id, const std::optional<std::string>& to, const MoveOptions& options);
Opportunity demote_opportunity(Session& s, Id id, const MoveOptions& options);
Opportunity move_opportunity(Session& s, Id id, const std::string& stage, const MoveOptions& options);
Opportunity check_action(Session& s, Id id, const std::string& action);
// nullopt clears the manual probability.
Opportunity set_probability(Session& s, Id id, std::optional<double> probability);
// Winning leaves the current stage: its gate, and in a sequential pipeline
// the gates of every later stage, must pass (or be forced by a manager).
Opportunity win_opportunity(Session& s, Id id, std::optional<Money> amount, const MoveOptions& options = {});
Opportunity lose_opportunity(Session& s, Id id, const std::string& reason);
// A closed deal credited to the rep who closed it, as a CRM's history says
// (managers; a rep who left too): won and lost deals keep who closed them.
// Error(refused) for an open deal, which goes with its customer.
Opportunity credit_closed_deal(Session& s, Id id, const Rep& closer, const std::string& reason);
Opportunity reopen_opportunity(Session& s, Id id);

}  // namespace hopper
