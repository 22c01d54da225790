// hopper person add
#include "command.h"
#include "hopper/customers.h"
#include "views.h"

namespace hopper::cli {

void add_person_commands(Commands& c) {
  CLI::App* noun = c.noun("person", "Contacts (联系人) of a customer");
  struct Options {
    std::string customer;
    PersonInput in;
  };
  auto o = std::make_shared<Options>();
  CLI::App* add = c.add(noun, "add", "Add a contact person to a customer", Needs::write, [o](Context& ctx) {
    Person p = add_person(*ctx.session, parse_id(o->customer, Kind::customer), o->in);
    print_record(ctx, person_json(p), kPersonColumns);
  });
  add->add_option("customer", o->customer, "The customer (C7)")->required();
  add->add_option("--name", o->in.name, "Name")->required();
  add->add_option("--phone", o->in.phone, "Phone");
  add->add_option("--email", o->in.email, "Email");
  add->add_option("--title", o->in.title, "Title or role, e.g. 采购经理");
  add->footer("Example: hopper person add C7 --name 李娜 --title 财务总监 --phone 13900139000");
}

}  // namespace hopper::cli
