#include <doctest/doctest.h>
#include <fmt/format.h>

#include "../tests/test_session.h"
#include "hopper/customers.h"
#include "hopper/opportunities.h"
#include "hopper/pool.h"
#include "hopper/reports.h"

using namespace hopper;

static const char* kSeed003 = R"(
[[pipeline]]
key = "F"
[[pipeline.stage]]
key = "s10"
probability = 10
[[pipeline.stage]]
key = "s30"
probability = 30
[[pipeline.stage]]
key = "s60"
probability = 60
category = "best_case"
[[pipeline.stage]]
key = "s100"
probability = 100
category = "commit"
)";

static Opportunity deal(Session& s, Id c, const char* amount, const char* stage, const char* close) {
  OpportunityInput in;
  in.name = "deal";
  in.amount = amount;
  in.stage = stage;
  in.close_date = close;
  return add_opportunity(s, c, in);
}

TEST_CASE("five 2017 deals at their own win rates forecast 26,000,000") {
  testing::TestSession t(kSeed003, "2016-12-01T09:00:00");
  Session& s = t.s();
  Id c = t.customer();
  deal(s, c, "50000000", "s10", "2017-01-20");
  deal(s, c, "20000000", "s30", "2017-03-15");
  deal(s, c, "10000000", "s60", "2017-05-31");
  deal(s, c, "5000000", "s100", "2017-08-10");
  deal(s, c, "4000000", "s100", "2017-10-30");
  deal(s, c, "9000000", "s100", "2018-01-05");  // outside the period
  Forecast f = forecast(s, parse_period("2017", s.now, s.config.calendar()), "stage");
  CHECK(f.rows.size() == 5);
  CHECK(f.total_weighted == 26000000'00);
  Money by_quarter = 0;
  for (const auto& g : group_forecast(s, f, "quarter")) by_quarter += g.weighted;
  CHECK(by_quarter == f.total_weighted);
  auto categories = group_forecast(s, f, "category");
  REQUIRE(categories.size() == 3);
  CHECK(categories[2].group == "commit");
  CHECK(categories[2].weighted == 9000000'00);
}

TEST_CASE("distribution: each stage's share of count and amount") {
  testing::TestSession t(kSeed003);
  Session& s = t.s();
  Id c = t.customer();
  deal(s, c, "300", "s10", "2017-01-01");
  deal(s, c, "100", "s10", "2017-01-01");
  deal(s, c, "600", "s30", "2017-01-01");
  FunnelReport r = funnel_report(s, "F", "");
  REQUIRE(r.rows.size() == 4);
  CHECK(r.rows[0].count == 2);
  CHECK(r.rows[0].count_share == doctest::Approx(66.67));
  CHECK(r.rows[0].amount_share == doctest::Approx(40));
  CHECK(r.rows[1].amount_share == doctest::Approx(60));
  CHECK(r.rows[3].count == 0);
  CHECK(r.total.weighted == (40 + 180) * 100);
}

TEST_CASE("conversion counts those in a stage at the start of the period, from history") {
  testing::TestSession t(kSeed003, "2017-07-20T09:00:00");
  Session& s = t.s();
  Id c = t.customer();
  std::vector<Id> ids;
  for (int i = 0; i < 20; ++i) ids.push_back(deal(s, c, "1", "s10", "2017-12-01").id);
  t.set_now("2017-08-10T09:00:00");
  for (int i = 0; i < 10; ++i) promote_opportunity(s, ids[i], std::nullopt, {});
  lose_opportunity(s, ids[10], "price");
  lose_opportunity(s, ids[11], "other");
  deal(s, c, "1", "s10", "2017-12-01");  // created inside the period: not counted
  t.set_now("2017-09-10T09:00:00");
  promote_opportunity(s, ids[12], std::nullopt, {});  // after the period: still "stayed"
  auto rows = conversion_report(s, parse_period("2017-08", s.now, s.config.calendar()), "F");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].start == 20);
  CHECK(rows[0].moved == 10);
  CHECK(rows[0].stayed == 8);
  CHECK(rows[0].lost == 2);
  CHECK(*rows[0].rate == 50);
  CHECK_FALSE(rows[1].rate);  // nobody was in s30 on 08-01

  // The entered cohort: the deal created in August entered s10 and stayed;
  // the ten promoted entered s30 and stayed; the twenty of July entered nothing.
  rows = conversion_report(s, parse_period("2017-08", s.now, s.config.calendar()), "F", Cohort::entered);
  CHECK(rows[0].start == 1);
  CHECK(rows[0].stayed == 1);
  CHECK(rows[1].start == 10);
  CHECK(rows[1].stayed == 10);
  CHECK(*rows[1].rate == 0);
  rows = conversion_report(s, parse_period("2017-07", s.now, s.config.calendar()), "F", Cohort::entered);
  CHECK(rows[0].start == 20);  // a period before the first deal still has a cohort
  CHECK(rows[0].stayed == 20);
  CHECK(conversion_report(s, parse_period("2017-07", s.now, s.config.calendar()), "F")[0].start == 0);
}

TEST_CASE("a stage's win rate is won of the closed deals that passed through it, history only past min_sample") {
  testing::TestSession t(std::string(kSeed003) + "[forecast]\nmin_sample = 2\n", "2017-01-02T09:00:00");
  Session& s = t.s();
  Id c = t.customer();
  // d0 skips to s100 and wins; d1 is lost in s30; d2 and d3 are lost in s10;
  // d4 moves on to s60 and is still open: moving on is not winning.
  std::vector<Opportunity> d;
  for (int i = 0; i < 5; ++i) d.push_back(deal(s, c, "1", "s10", "2017-12-01"));
  promote_opportunity(s, d[0].id, "s100", {});
  win_opportunity(s, d[0].id, std::nullopt);
  promote_opportunity(s, d[1].id, std::nullopt, {});
  lose_opportunity(s, d[1].id, "price");
  lose_opportunity(s, d[2].id, "price");
  lose_opportunity(s, d[3].id, "price");
  promote_opportunity(s, d[4].id, "s60", {});
  auto rates = measured_win_rates(s);
  REQUIRE(rates.size() == 4);
  CHECK(rates[0].sample == 4);
  CHECK(*rates[0].measured == doctest::Approx(25));  // 1 won of 4 closed
  CHECK(rates[0].from_history);
  CHECK(rates[0].used == doctest::Approx(25));
  CHECK(*rates[1].measured == doctest::Approx(50));  // d0 skipped through s30, d1 was lost there
  CHECK(rates[2].sample == 1);                       // below min_sample: the stage's 60 % is used
  CHECK_FALSE(rates[2].from_history);
  CHECK(rates[2].used == doctest::Approx(60));
  Forecast f = forecast(s, parse_period("2017", s.now, s.config.calendar()), "historical");
  REQUIRE(f.rows.size() == 1);  // d4, in s60: its stage probability, since s60 has one closed deal
  CHECK(f.rows[0].probability == doctest::Approx(60));
}

TEST_CASE("the run rate measures the real history and adds what already closed in a period under way") {
  testing::TestSession t(kSeed003, "2017-03-01T09:00:00");
  Session& s = t.s();
  Id c = t.customer();
  // 10 deals created over 10 days (03-01 … 03-10); 2 won (100 each), 2 lost.
  std::vector<Opportunity> d;
  for (int day = 1; day <= 10; ++day) {
    t.set_now(fmt::format("2017-03-{:02}T09:00:00", day));
    d.push_back(deal(s, c, "100", "s10", "2017-12-01"));
  }
  win_opportunity(s, d[0].id, std::nullopt);
  win_opportunity(s, d[1].id, std::nullopt);
  lose_opportunity(s, d[2].id, "price");
  lose_opportunity(s, d[3].id, "price");
  // March is under way on 03-10: 21 days left; 10 created in 10 days × 50 % × 100 = 50 a day.
  RunRate r = run_rate_forecast(s, parse_period("2017-03", s.now, s.config.calendar()));
  CHECK(r.window_from == "2017-03-01");
  CHECK(r.window_days == 10);
  CHECK(r.closed == 20000);    // 200.00 in minor units, closed so far
  CHECK(r.days_left == 21);
  CHECK(r.projected == 21 * 5000);
  CHECK(r.expected == r.closed + r.projected);
  RunRate past = run_rate_forecast(s, parse_period("2017-02", s.now, s.config.calendar()));
  CHECK(past.days_left == 0);
  CHECK(past.projected == 0);
}

TEST_CASE("pool report flows add up: start + in − out = end") {
  testing::TestSession t("", "2017-08-01T09:00:00");
  Session& s = t.s();
  CustomerInput pooled;
  pooled.name = "P";
  pooled.to_pool = true;
  Id a = add_customer(s, pooled, true).customer.id;  // in the pool before the period
  t.set_now("2017-09-02T09:00:00");
  Id b = add_customer(s, pooled, true).customer.id;   // + added
  Id mine = t.customer("Mine");
  claim_customers(s, {a});                            // − claimed
  release_customers(s, {mine}, "gone");               // + released
  abandon_customer(s, b, "no budget");                // abandoned from the pool: no flow
  release_customers(s, {a}, "again");                 // + released
  PoolReport r = pool_report(s, parse_period("2017-09", s.now, s.config.calendar()));
  int in = 0, out = 0;
  for (const auto& [cause, n] : r.flows_in) in += n;
  for (const auto& [cause, n] : r.flows_out) out += n;
  CHECK(r.start == 1);
  CHECK(in == 3);
  CHECK(out == 1);
  CHECK(r.end == r.start + in - out);
  CHECK(r.end == 3);
}
