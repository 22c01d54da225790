// hopper help [TOPIC]: the pages of docs/ compiled in, the limits and the
// command reference generated from the code, and the man pages built from
// them (`hopper help --man hopper.1`, run by CMake).
#include <fmt/format.h>

#include "command.h"
#include "help_pages.h"
#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper::cli {
namespace {

// Built from the constants that enforce them, so the page cannot drift.
std::string limits_text() {
  return fmt::format(R"(# Limits

Input past these limits is refused with exit 6, never cut or wrapped.

- **text** — every argument and every imported value: UTF-8, at most {} characters.
- **one-line values** — names, companies, contacts, phones, emails, sources,
  titles: at most {} characters.
- **amounts** — 0 to {} per record, at most two decimals (cents); totals that
  would pass 92,233,720,368,547,758.07 are refused rather than wrapped.
- **numbers** — custom number fields: at most 15 digits and 8 decimals.
- **dates** — the years 0001 to 9999; `+N`/`-N` forms take at most four digits.
- **periods** — reorder cycles (`--every`) at most ten years: 3650d, 520w, 120m, 10y.
- **--wait** — 0 to 3600 seconds.

Patterns (`lead.phone_pattern`) are RE2: they run in time linear in the
text, whatever the pattern.
)",
                     kMaxTextChars, kMaxLineChars, format_money(kMaxAmount));
}

std::string usage_line(const CommandDoc& c) {
  std::string line = "hopper" + (c.path.empty() ? "" : " " + c.path);
  bool options = false;
  for (const auto& o : c.options) {
    if (!o.positional) {
      options = true;
      continue;
    }
    std::string name = to_upper_ascii(o.names.front());
    line += o.required ? " " + name : " [" + name + "]";
  }
  if (options) line += " [OPTIONS]";
  if (!c.subcommands.empty()) line += " COMMAND";
  return line;
}

std::string option_item(const OptionDoc& o) {
  std::string names;
  for (const auto& n : o.names) names += (names.empty() ? "" : ", ") + (o.positional ? to_upper_ascii(n) : n);
  std::string item = "- `" + names + (o.value.empty() || o.positional ? "" : " " + o.value) + "`";
  if (o.required && !o.positional) item += " (required)";
  item += " — " + o.help;
  if (!o.choices.empty()) item += fmt::format(" (one of: {})", join(o.choices, ", "));
  return item + "\n";
}

// The options every command takes, as a list.
std::string global_options(const std::vector<CommandDoc>& commands) {
  std::string out;
  for (const auto& o : commands.front().options) out += option_item(o);  // hopper itself comes first
  return out;
}

// Every command's section: help, usage, options, example; a top-level
// command under `top_heading`, the verbs of a noun under `verb_heading`.
std::string command_sections(const std::vector<CommandDoc>& commands, const std::string& top_heading,
                             const std::string& verb_heading) {
  std::string out;
  for (const auto& c : commands) {
    if (c.path.empty()) continue;
    bool top = c.path.find(' ') == std::string::npos;
    out += fmt::format("\n{} hopper {}\n\n{}\n\n    {}\n", top ? top_heading : verb_heading, c.path, c.help,
                       usage_line(c));
    if (!c.subcommands.empty()) out += "\nCommands: " + join(c.subcommands, ", ") + ".\n";
    if (!c.options.empty()) {
      out += "\n";
      for (const auto& o : c.options) out += option_item(o);
    }
    if (!c.footer.empty()) {
      std::string footer = c.footer;
      while (footer.ends_with('\n')) footer.pop_back();
      out += "\n" + footer + "\n";
    }
  }
  return out;
}

// The command reference (hopper help commands, docs/reference.md).
std::string reference(const std::vector<CommandDoc>& commands) {
  return "# hopper command reference\n\nGenerated from the command definitions (`hopper help commands`); "
         "docs/reference.md is this page, and a test fails when the two differ.\n"
         "\n## Global options\n\nEvery command takes these.\n\n" +
         global_options(commands) + command_sections(commands, "##", "###");
}

// A page of docs/ inside the man page: its title a section, its sections subsections.
std::string as_man_section(std::string_view page) {
  std::string out;
  std::size_t at = 0;
  while (at < page.size()) {
    std::size_t end = std::min(page.find('\n', at), page.size());
    std::string line(page.substr(at, end - at));
    if (line.starts_with("# ")) line = "## " + to_upper_ascii(line.substr(2));
    else if (line.starts_with("## ")) line = "### " + line.substr(3);
    out += line + "\n";
    at = end + 1;
  }
  return out;
}

const HelpPage& page(std::string_view topic) {
  for (const auto& p : help_pages())
    if (p.topic == topic) return p;
  throw Error(Exit::internal, fmt::format("no compiled help page {}", topic));
}

std::string hopper_man_markdown(const std::vector<CommandDoc>& commands) {
  std::string out =
      "# hopper\n\n## NAME\n\nhopper - a sales-funnel manager for the terminal\n\n"
      "## SYNOPSIS\n\n    hopper [GLOBAL OPTIONS] COMMAND [OPTIONS]\n\n"
      "## DESCRIPTION\n\nhopper keeps a sales team's leads, customers and opportunities in a workspace: a "
      "directory with `funnel.toml`, the rules (grades, layers, pipelines and stages, pool rules, validation), "
      "and `.hopper/hopper.db`, a SQLite database, or a PostgreSQL server a team shares (`[store] url`). Reps add leads, log follow-ups and move customers and deals "
      "through the funnel; managers see who holds what and read forecasts; cron jobs recycle the customer pool "
      "and mail reports. Every command is one transaction and every change is in the event log (`hopper "
      "history`); nothing is ever deleted.\n\n"
      "Commands come as NOUN VERB (`hopper lead add`). `hopper help` lists the help topics; every command "
      "explains itself with `--help`.\n";
  out += "\n## GLOBAL OPTIONS\n\nEvery command takes these.\n\n" + global_options(commands);
  out += "\n## COMMANDS\n" + command_sections(commands, "###", "###");
  for (const char* topic : {"dates", "money", "formats", "scripting", "pool-rules"})
    out += "\n" + as_man_section(page(topic).text);
  out += "\n" + as_man_section(limits_text());
  std::string exit_codes = as_man_section(page("exit-codes").text);  // "## EXIT CODES\n…"
  out += "\n## EXIT STATUS" + exit_codes.substr(exit_codes.find('\n'));
  out += "\n## ENVIRONMENT\n\n"
         "- `HOPPER_NOW` — the clock, as `--now`.\n"
         "- `HOPPER_USER` — the acting rep, as `--as`.\n"
         "- `HOPPER_DIR` — the workspace, as `-C`.\n"
         "- `NO_COLOR` — no colour, even on a terminal.\n"
         "- `HOPPER_FORCE_TTY` — a number of columns: write tables as on a terminal that wide, even piped.\n"
         "- `HOPPER_STORE` — a PostgreSQL server for a workspace whose funnel.toml names none.\n"
         "- `PGHOST`, `PGUSER`, `PGPASSWORD`, `PGSERVICE` … — libpq's, for a workspace on a server.\n"
         "- `USER` — the acting rep when nothing else names one.\n"
         "\n## FILES\n\n"
         "- `funnel.toml` — the rules of the workspace; see funnel.toml(5).\n"
         "- `.hopper/hopper.db` — the database (mode 0600); `hopper backup FILE` copies it safely.\n"
         "\n## SEE ALSO\n\nfunnel.toml(5), sqlite3(1), psql(1), pg_dump(1), cron(8)\n";
  return out;
}

// Inline Markdown as roff: `code` and **bold** in bold; backslashes escaped.
std::string roff_inline(const std::string& text) {
  std::string out;
  bool code = false, bold = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '`') {
      out += (code = !code) ? "\\fB" : "\\fR";
    } else if (!code && c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
      out += (bold = !bold) ? "\\fB" : "\\fR";
      ++i;
    } else if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && code) {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

// The Markdown of docs/ (headings, paragraphs, lists, indented and fenced
// code) as a man page.
std::string roff(const std::string& markdown, const std::string& name, int section) {
  std::string out = fmt::format(".TH \"{}\" \"{}\" \"\" \"hopper {}\" \"hopper manual\"\n", to_upper_ascii(name),
                                section, HOPPER_VERSION);
  bool fenced = false, indented = false, first_heading = true;
  bool new_paragraph = false;  // a blank line was seen: the next text starts a paragraph
  auto request = [&](const std::string& r) {
    out += r + "\n";
    new_paragraph = false;
  };
  auto text = [&](const std::string& t) {
    if (new_paragraph) request(".PP");
    // A line starting with . or ' would be read as a request.
    out += (t.starts_with(".") || t.starts_with("'") ? "\\&" : "") + t + "\n";
  };
  std::size_t at = 0;
  while (at < markdown.size()) {
    std::size_t end = std::min(markdown.find('\n', at), markdown.size());
    std::string line = markdown.substr(at, end - at);
    at = end + 1;
    if (line.starts_with("```")) {
      request((fenced = !fenced) ? ".PP\n.RS 4\n.nf" : ".fi\n.RE");
      continue;
    }
    if (fenced) {
      std::string escaped;
      for (char c : line) escaped += c == '\\' ? std::string("\\e") : std::string(1, c);
      text(escaped);
      continue;
    }
    bool code_line = line.starts_with("    ");
    if (code_line != indented) {
      request(code_line ? ".PP\n.RS 4\n.nf" : ".fi\n.RE");
      indented = code_line;
    }
    auto heading = [](const std::string& title) {
      std::string quoted;
      for (char c : title) quoted += c == '"' ? std::string("\\(dq") : std::string(1, c);
      return "\"" + quoted + "\"";
    };
    if (code_line) text(roff_inline(line.substr(4)));
    else if (line.starts_with("# ")) {
      if (!first_heading) request(".SH " + heading(to_upper_ascii(line.substr(2))));
      first_heading = false;
    } else if (line.starts_with("## ")) request(".SH " + heading(to_upper_ascii(line.substr(3))));
    else if (line.starts_with("### ")) request(".SS " + heading(roff_inline(line.substr(4))));
    else if (line.starts_with("- ")) {
      request(".IP \\(bu 2");
      text(roff_inline(line.substr(2)));
    } else if (trim(line).empty()) new_paragraph = true;
    else text(roff_inline(trim(line)));
  }
  if (indented) request(".fi\n.RE");
  return out;
}

struct Topic {
  std::string name;
  std::string summary;
};

}  // namespace

void add_help_commands(Commands& c) {
  struct HelpOptions {
    std::string topic, man;
  };
  auto h = std::make_shared<HelpOptions>();
  const CLI::App* root = &c.root();
  CLI::App* app = c.add(&c.root(), "help", "Help topics beyond --help: dates, money, formats, config, …",
                        Needs::nothing, [h, root](Context& ctx) {
    auto commands = describe_commands(*root);
    if (!h->man.empty()) {
      if (h->man == "hopper.1") return ctx.print(roff(hopper_man_markdown(commands), "hopper", 1));
      if (h->man == "funnel.toml.5") {
        std::string_view text = page("config").text;
        text.remove_prefix(text.find('\n'));  // its title: the man page has NAME
        return ctx.print(roff("# funnel.toml\n\n## NAME\n\nfunnel.toml - the rules of a hopper workspace\n\n"
                              "## DESCRIPTION\n" + std::string(text) + "\n## SEE ALSO\n\nhopper(1)\n",
                              "funnel.toml", 5));
      }
      throw Error(Exit::usage, "--man takes hopper.1 or funnel.toml.5");
    }
    const std::vector<Topic> topics = {
        {"dates", "dates, relative dates and report periods"},
        {"money", "amounts as you may type them, and how they show"},
        {"formats", "table, tsv, csv, json, jsonl, md and html output"},
        {"config", "funnel.toml: every key, its default and the rule it sets"},
        {"pool-rules", "holding, claiming, forced release, stakes and conflicts"},
        {"scripting", "hopper in scripts and cron: output, exit codes, the clock"},
        {"exit-codes", "what each exit code means"},
        {"limits", "the longest text, the largest amount, the range of dates"},
        {"commands", "every command and option (the reference)"},
    };
    std::vector<std::string> list{"hopper help TOPIC:"};
    for (const auto& t : topics) list.push_back(fmt::format("  {:<12} {}", t.name, t.summary));
    list.push_back("Each command explains itself: hopper --help, hopper GROUP --help, hopper GROUP COMMAND --help");
    if (h->topic.empty()) return ctx.print(join(list, "\n") + "\n");
    if (h->topic == "limits") return ctx.print(limits_text());
    if (h->topic == "commands") return ctx.print(reference(commands));
    for (const auto& p : help_pages())
      if (h->topic == p.topic) return ctx.print(std::string(p.text));
    std::vector<std::string> names;
    for (const auto& t : topics) names.push_back(t.name);
    list.insert(list.begin(), fmt::format("no help topic '{}'{}", h->topic, did_you_mean(h->topic, names)));
    throw Error(Exit::usage, list);
  });
  app->add_option("topic", h->topic, "A topic; hopper help lists them");
  app->add_option("--man", h->man, "Print a man page: hopper.1 or funnel.toml.5 (the build makes them)")->group("");
  app->footer("Example: hopper help dates");
}

}  // namespace hopper::cli
