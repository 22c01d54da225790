// hopper lead add | list | show | edit | drop | convert
#include <fmt/format.h>

#include "command.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "views.h"

namespace hopper::cli {
namespace {

// The options shared by add and edit.
void add_lead_options(CLI::App* app, LeadInput& in) {
  app->add_option("--name", in.name, "Person or company the lead is about");
  app->add_option("--company", in.company, "Company name (duplicate key, legal suffixes ignored)");
  app->add_option("--contact", in.contact, "Contact person");
  app->add_option("--phone", in.phone, "Phone; spaces, dashes and +86 are ignored");
  app->add_option("--email", in.email, "Email address");
  app->add_option("--source", in.source, "Where the lead came from");
  app->add_option("--grade", in.grade, "Grade from [grades] order");
  app->add_option("--owner", in.owner, "Owning rep (managers; default: you)");
  app->add_option("--set", in.settings, "Custom field KEY=VALUE ([[field]] entity = \"lead\")")->type_name("KEY=VALUE")->allow_extra_args(false);
}

void print_lead(Context& ctx, const Lead& lead) {
  json j = lead_json(ctx.session->config, lead, ContactVisibility(*ctx.session).visible(lead.owner_id));
  auto activities = ctx.session->store.activities({Kind::lead, lead.id});
  std::vector<json> rows;
  for (const auto& a : activities) rows.push_back(activity_json(a));
  j["followups"] = rows;
  print_record(ctx, j, with_custom_fields(ctx.session->config, FieldEntity::lead, kLeadFields));
  print_section(ctx, "Follow-ups", rows, kActivityColumns);
}

void report_conflicts(Context& ctx, const std::vector<Id>& conflicts) {
  for (Id id : conflicts)
    ctx.note(fmt::format("opened conflict {} (撞单); see hopper conflict list", make_ref(Kind::conflict, id)));
}

}  // namespace

void add_lead_commands(Commands& c) {
  CLI::App* noun = c.noun("lead", "Leads (线索): add, list, show, edit, drop, convert, import");

  struct AddOptions {
    LeadInput in;
    bool force = false;
  };
  auto a = std::make_shared<AddOptions>();
  CLI::App* add = c.add(noun, "add", "Add a lead, validated and checked for duplicates", Needs::write, [a](Context& ctx) {
    LeadAdded added = add_lead(*ctx.session, a->in, a->force);
    if (added.routed_from)
      ctx.note(fmt::format("routed to {}: it matches {}, staked by them (占坑)", added.lead.owner,
                           make_ref(Kind::customer, *added.routed_from)));
    print_lead(ctx, added.lead);
    report_conflicts(ctx, added.conflicts);
  });
  add_lead_options(add, a->in);
  add->add_flag("--force", a->force, "Add a duplicate anyway and open a conflict");
  add->footer("Example: hopper lead add --name 张伟 --company 华星科技有限公司 --phone 138-0013-8000 --grade A");

  struct ListOptions {
    std::optional<std::string> owner;
    LeadFilter filter;
    std::string status;  // empty: all
    ListLimit limit;
  };
  auto l = std::make_shared<ListOptions>();
  CLI::App* list = c.add(noun, "list", "List leads", Needs::read, [l](Context& ctx) {
    LeadFilter f = l->filter;
    f.status = kLeadStatuses.parse(l->status);
    f.grade = ctx.session->config.grade_key(f.grade);
    if (l->owner) f.owner_id = active_rep(*ctx.session, *l->owner).id;
    ListPrinter rows(ctx, kLeadColumns, l->limit);
    ContactVisibility contacts(*ctx.session);
    ctx.session->store.each_lead(f, [&](const Lead& lead) {
      rows.add(lead_json(ctx.session->config, lead, contacts.visible(lead.owner_id)));
    });
    rows.finish();
  });
  add_limit_options(list, l->limit);
  list->add_option("--owner", l->owner, "Only this rep's leads");
  list->add_option("--grade", l->filter.grade, "Only this grade");
  list->add_option("--source", l->filter.source, "Only this source");
  list->add_option("--status", l->status, "open, converted or dropped")
      ->check(CLI::IsMember(kLeadStatuses.names()));

  auto ref = std::make_shared<std::string>();
  CLI::App* show = c.add(noun, "show", "Show a lead and its follow-ups", Needs::read,
                         [ref](Context& ctx) { print_lead(ctx, load_lead(*ctx.session, parse_id(*ref, Kind::lead))); });
  show->add_option("ref", *ref, "The lead (L12 or 12)")->required();

  struct EditOptions {
    std::string ref;
    LeadInput in;
  };
  auto e = std::make_shared<EditOptions>();
  CLI::App* edit = c.add(noun, "edit", "Change an open lead", Needs::write, [e](Context& ctx) {
    print_lead(ctx, edit_lead(*ctx.session, parse_id(e->ref, Kind::lead), e->in));
  });
  edit->add_option("ref", e->ref, "The lead")->required();
  add_lead_options(edit, e->in);
  edit->footer("Example: hopper lead edit L3 --grade B --set budget=50万");

  struct DropOptions {
    std::string ref, reason;
  };
  auto d = std::make_shared<DropOptions>();
  CLI::App* drop = c.add(noun, "drop", "Close a lead that goes nowhere (kept, never deleted)", Needs::write,
                         [d](Context& ctx) { print_lead(ctx, drop_lead(*ctx.session, parse_id(d->ref, Kind::lead), d->reason)); });
  drop->add_option("ref", d->ref, "The lead")->required();
  drop->add_option("--reason", d->reason, "Why")->required();

  struct ConvertOptions {
    std::string ref;
    OpportunityInput opp;
  };
  auto cv = std::make_shared<ConvertOptions>();
  CLI::App* convert = c.add(noun, "convert", "Make a customer (a contact person, and optionally an opportunity) from a lead",
                            Needs::write, [cv](Context& ctx) {
    Session& s = *ctx.session;
    if (cv->opp.name && !cv->opp.amount) throw Error(Exit::usage, "--opp needs --amount X");
    Customer customer = convert_lead(s, parse_id(cv->ref, Kind::lead));
    if (cv->opp.name) {
      Opportunity o = add_opportunity(s, customer.id, cv->opp);
      ctx.note(fmt::format("opened {} {}", make_ref(Kind::opportunity, o.id), o.name));
      customer = *s.store.find_customer(customer.id);
    }
    print_customer(ctx, customer);
  });
  convert->add_option("ref", cv->ref, "The lead")->required();
  convert->add_option("--opp", cv->opp.name, "Also open an opportunity with this name");
  convert->add_option("--amount", cv->opp.amount, "Its expected amount");
  convert->add_option("--pipeline", cv->opp.pipeline, "Its pipeline");
  convert->add_option("--stage", cv->opp.stage, "Its stage");
  convert->add_option("--close", cv->opp.close_date, "Its expected close date");
  convert->footer("The customer keeps the lead's owner and starts in the layer 'lead' (有线索) when the workspace has one.");

  add_import_command(c, noun, ImportKind::lead);
  c.example("lead list", "hopper lead list --owner li --status open --grade A");
  c.example("lead show", "hopper lead show L12");
  c.example("lead drop", "hopper lead drop L12 --reason '空号'");
  c.example("lead convert", "hopper lead convert L12 --opp 'ERP upgrade' --amount 30万 --close +2m");
}

}  // namespace hopper::cli
