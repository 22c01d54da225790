#include <doctest/doctest.h>

#include <string>

#include "hopper/config.h"
#include "hopper/error.h"
#include "hopper/validation.h"

using namespace hopper;

static Config rules(const std::string& toml = "") { return parse_config(toml).config; }

TEST_CASE("a mobile number has 11 digits starting 13–19, after spaces, dashes and +86 are removed") {
  Config c = rules();
  CHECK_FALSE(phone_problem(c, "13912345678"));
  CHECK_FALSE(phone_problem(c, "139 1234 5678"));
  CHECK_FALSE(phone_problem(c, "139-1234-5678"));
  CHECK_FALSE(phone_problem(c, "+86 139 1234 5678"));
  // Fewer than 11 digits is no mobile number: screened out on entry.
  auto short_one = phone_problem(c, "1391234567");
  REQUIRE(short_one);
  CHECK(short_one->find("10 characters") != std::string::npos);
  CHECK(short_one->find("lead.phone_pattern") != std::string::npos);
  CHECK(phone_problem(c, "139123456789"));  // 12 digits
  CHECK(phone_problem(c, "12912345678"));   // no mobile prefix 12
  CHECK(phone_problem(c, "1391234567a"));
  CHECK(phone_problem(c, ""));
}

TEST_CASE("lead.phone_pattern from funnel.toml replaces the mobile rule") {
  Config c = rules("[lead]\nphone_pattern = '^0\\d{2,3}\\d{7,8}$'\n");
  CHECK_FALSE(phone_problem(c, "021-12345678"));
  CHECK(phone_problem(c, "13912345678"));
}

TEST_CASE("an email is name@domain.tld, without spaces or a second @") {
  CHECK_FALSE(email_problem("li@example.com"));
  CHECK_FALSE(email_problem("li.wang@mail.example.com.cn"));
  for (const char* bad : {"li", "li@example", "li@@example.com", "li wang@example.com", "@example.com", ""})
    CHECK_MESSAGE(email_problem(bad), bad);
}

TEST_CASE("grades and segments are the workspace's own, with the closest one suggested") {
  Config c = rules();
  for (const char* g : {"A", "B", "C", "D"}) CHECK_FALSE(grade_problem(c, g));
  auto e = grade_problem(c, "E");
  REQUIRE(e);
  CHECK(e->find("A, B, C, D") != std::string::npos);
  CHECK(grade_problem(c, "a"));  // grades are compared exactly
  CHECK_FALSE(segment_problem(c, "SMB"));
  CHECK_FALSE(segment_problem(c, "KA"));
  auto s = segment_problem(c, "SBM");
  REQUIRE(s);
  CHECK(s->find("SMB") != std::string::npos);
  Config own = rules("[grades]\norder = [\"gold\", \"silver\"]\n");
  CHECK_FALSE(grade_problem(own, "gold"));
  CHECK(grade_problem(own, "A"));
}

TEST_CASE("text is refused past its length, counted in characters, never cut") {
  CHECK_FALSE(length_problem(std::string(kMaxLineChars, 'x'), kMaxLineChars));
  CHECK(length_problem(std::string(kMaxLineChars + 1, 'x'), kMaxLineChars));
  std::string wide;
  for (std::size_t i = 0; i < kMaxLineChars; ++i) wide += "华";  // 3 bytes each
  CHECK_FALSE(length_problem(wide, kMaxLineChars));
  CHECK(length_problem(wide + "华", kMaxLineChars));
  std::vector<FieldProblem> problems;
  std::string name(kMaxLineChars + 1, 'n'), company = "ok";
  check_line_lengths(problems, {{"name", &name}, {"company", &company, "--org"}});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "name");
  CHECK_FALSE(nul_problem("plain"));
  CHECK(nul_problem(std::string("a\0b", 3)));
}

TEST_CASE("a rep's name reads as one word of a command line") {
  CHECK_FALSE(rep_name_problem("li"));
  CHECK_FALSE(rep_name_problem("王芳"));
  CHECK_FALSE(rep_name_problem(std::string(64, 'x')));
  for (const std::string& bad : {std::string(""), std::string(" li"), std::string("li "), std::string("-li"),
                                 std::string(65, 'x'), std::string("li\x1b[31m"), std::string("li\nwang")})
    CHECK_MESSAGE(rep_name_problem(bad), bad);
}

TEST_CASE("a server's address is a postgresql URL or connection string, never with a password") {
  CHECK_FALSE(server_url_problem("postgresql://db.example.com/sales"));
  CHECK_FALSE(server_url_problem("postgres://li@db/sales"));
  CHECK_FALSE(server_url_problem("service=team"));
  CHECK(server_url_problem("db.example.com"));
  CHECK(server_url_problem("postgresql://li:secret@db/sales"));
  CHECK(server_url_problem("host=db password=secret"));
  CHECK(server_url_problem("host=db PASSWORD=secret"));
}

TEST_CASE("refusing problems lists every one and changes nothing") {
  CHECK_NOTHROW(refuse_problems("lead add", {}));
  try {
    refuse_problems("lead add", {{"phone", "is bad"}, {"email", "is worse", "--mail"}});
    FAIL("no refusal");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::invalid);
    std::string text = e.what();
    CHECK(text.find("--phone is bad") != std::string::npos);
    CHECK(text.find("--mail is worse") != std::string::npos);
  }
}
