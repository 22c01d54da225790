// hopper customer add | list | show | edit | move | abandon | lock | unlock
#include <fmt/format.h>

#include <algorithm>

#include "command.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "views.h"

namespace hopper::cli {
namespace {

void add_customer_options(CLI::App* app, CustomerInput& in) {
  app->add_option("--grade", in.grade, "Grade from [grades] order");
  app->add_option("--segment", in.segment, "Segment from [customer] segments");
  auto* owner = app->add_option("--owner", in.owner, "Owning rep (managers; default: you)");
  app->add_flag("--pool", in.to_pool, "Put it in the shared pool, owned by nobody")->excludes(owner);
  app->add_option("--phone", in.phone, "Company phone (duplicate key)");
  app->add_option("--email", in.email, "Company email (duplicate key)");
  app->add_option("--set", in.settings, "Custom field KEY=VALUE ([[field]] entity = \"customer\")")->type_name("KEY=VALUE")->allow_extra_args(false);
}

// A verb taking one customer ref and maybe a reason.
struct RefOptions {
  std::string ref, arg;
};

}  // namespace

void add_customer_commands(Commands& c) {
  CLI::App* noun = c.noun("customer", "Customers (客户): add, list, show, edit, move through layers, abandon, lock, import");

  struct AddOptions {
    std::string name;
    CustomerInput in;
    bool force = false;
  };
  auto a = std::make_shared<AddOptions>();
  CLI::App* add = c.add(noun, "add", "Add a customer (to yourself, another rep, or the pool)", Needs::write,
                        [a](Context& ctx) {
    CustomerInput in = a->in;
    in.name = a->name;
    CustomerAdded added = add_customer(*ctx.session, in, a->force);
    print_customer(ctx, added.customer);
    for (Id id : added.conflicts)
      ctx.note(fmt::format("opened conflict {} (撞单); see hopper conflict list", make_ref(Kind::conflict, id)));
  });
  add->add_option("name", a->name, "Company name")->required();
  add_customer_options(add, a->in);
  add->add_option("--contact", a->in.contact, "Contact person (added as a person)");
  add->add_option("--layer", a->in.layer, "Starting layer (default: the first)");
  add->add_flag("--force", a->force, "Add a duplicate anyway and open a conflict");
  add->footer("Example: hopper customer add 华星科技有限公司 --grade A --segment KA --contact 张伟 --phone 13800138000");

  struct ListOptions {
    std::optional<std::string> owner;
    CustomerFilter filter;
    bool sort_release = false;
    ListLimit limit;
  };
  auto l = std::make_shared<ListOptions>();
  CLI::App* list = c.add(noun, "list", "List customers", Needs::read, [l](Context& ctx) {
    CustomerFilter f = l->filter;
    if (l->owner) f.owner_id = active_rep(*ctx.session, *l->owner).id;
    resolve_filter(ctx.session->config, f);
    auto releases = release_forecasts(*ctx.session, f.owner_id);
    OutputOptions out = ctx.out;
    out.highlight_key = "release_warning";
    ListPrinter printer(ctx, kCustomerColumns, l->limit, out);
    ContactVisibility contacts(*ctx.session);
    auto row = [&](const Customer& cu) {
      auto it = releases.find(cu.id);
      return customer_json(ctx.session->config, cu,
                           it == releases.end() ? std::nullopt : std::optional<ReleaseForecast>(it->second),
                           contacts.visible(cu.owner_id));
    };
    if (!l->sort_release) {  // in id order, as they come
      ctx.session->store.each_customer(f, [&](const Customer& cu) { printer.add(row(cu)); });
      return printer.finish();
    }
    std::vector<json> rows;  // sorting needs them all
    ctx.session->store.each_customer(f, [&](const Customer& cu) { rows.push_back(row(cu)); });
    // Soonest release first; customers no rule would release last.
    std::stable_sort(rows.begin(), rows.end(), [](const json& x, const json& y) {
      if (x["release_in"].is_null() || y["release_in"].is_null()) return !x["release_in"].is_null() && y["release_in"].is_null();
      return x["release_in"].get<int>() < y["release_in"].get<int>();
    });
    for (const auto& r : rows) printer.add(r);
    printer.finish();
  });
  add_limit_options(list, l->limit);
  auto* owner = list->add_option("--owner", l->owner, "Only this rep's customers");
  list->add_flag("--pool", l->filter.pool_only, "Only the shared pool")->excludes(owner);
  list->add_option("--layer", l->filter.layer, "Only this layer (key or name)");
  list->add_option("--grade", l->filter.grade, "Only this grade");
  list->add_option("--segment", l->filter.segment, "Only this segment");
  list->add_option("--sort", l->sort_release, "release: the customers about to be recycled first")
      ->transform(CLI::CheckedTransformer(std::map<std::string, bool>{{"release", true}}));

  auto s = std::make_shared<std::string>();
  CLI::App* show = c.add(noun, "show", "Show a customer, its people and follow-ups", Needs::read, [s](Context& ctx) {
    print_customer(ctx, load_customer(*ctx.session, parse_id(*s, Kind::customer)));
  });
  show->add_option("ref", *s, "The customer (C7 or 7)")->required();

  struct EditOptions {
    std::string ref;
    CustomerInput in;
  };
  auto e = std::make_shared<EditOptions>();
  CLI::App* edit = c.add(noun, "edit", "Change a customer's details or owner", Needs::write, [e](Context& ctx) {
    print_customer(ctx, edit_customer(*ctx.session, parse_id(e->ref, Kind::customer), e->in));
  });
  edit->add_option("ref", e->ref, "The customer")->required();
  edit->add_option("--name", e->in.name, "New name");
  add_customer_options(edit, e->in);

  auto m = std::make_shared<RefOptions>();
  CLI::App* move = c.add(noun, "move", "Move a customer to another lifecycle layer", Needs::write, [m](Context& ctx) {
    print_customer(ctx, move_customer(*ctx.session, parse_id(m->ref, Kind::customer), m->arg));
  });
  move->add_option("ref", m->ref, "The customer")->required();
  move->add_option("layer", m->arg, "Layer key or name, e.g. contacted or 已接触")->required();
  move->footer("Example: hopper customer move C7 intent");

  auto ab = std::make_shared<RefOptions>();
  CLI::App* abandon = c.add(noun, "abandon", "Give a customer up: cooled for cool_days, kept, never deleted",
                            Needs::write, [ab](Context& ctx) {
    print_customer(ctx, abandon_customer(*ctx.session, parse_id(ab->ref, Kind::customer), ab->arg));
  });
  abandon->add_option("ref", ab->ref, "The customer")->required();
  abandon->add_option("--reason", ab->arg, "Why")->required();
  c.confirm(abandon, [ab] {
    return fmt::format("Abandon {}: its owner lets it go and it cools before anyone may claim it. Go ahead?", ab->ref);
  });

  for (bool locked : {true, false}) {
    auto r = std::make_shared<std::string>();
    CLI::App* app = c.add(noun, locked ? "lock" : "unlock",
                          locked ? "Exempt a customer from pool recycling (managers)" : "Make a customer recyclable again (managers)",
                          Needs::write, [r, locked](Context& ctx) {
      print_customer(ctx, set_locked(*ctx.session, parse_id(*r, Kind::customer), locked));
    });
    app->add_option("ref", *r, "The customer")->required();
  }

  add_import_command(c, noun, ImportKind::customer);
  c.example("customer list", "hopper customer list --sort release --limit 20");
  c.example("customer show", "hopper customer show C7 --json");
  c.example("customer edit", "hopper customer edit C7 --grade A --owner wang");
  c.example("customer abandon", "hopper customer abandon C7 --reason '已被竞争对手签约'");
  c.example("customer lock", "hopper customer lock C7");
  c.example("customer unlock", "hopper customer unlock C7");
}

}  // namespace hopper::cli
