#include <doctest/doctest.h>

#include "hopper/normalize.h"

using namespace hopper;

TEST_CASE("phones lose spaces, dashes and the +86 prefix") {
  CHECK(normalize_phone("+86 138-0013-8000") == "13800138000");
  CHECK(normalize_phone("0086 13800138000") == "13800138000");
  CHECK(normalize_phone("138 0013 8000") == "13800138000");
  CHECK(normalize_phone("(010) 6552-1234") == "01065521234");
}

TEST_CASE("emails compare lower-cased") {
  CHECK(normalize_email(" Anna@Nordlicht.DE ") == "anna@nordlicht.de");
  CHECK(is_valid_email("a.b@example.com"));
  CHECK_FALSE(is_valid_email("a@b"));
  CHECK_FALSE(is_valid_email("no at sign"));
  CHECK_FALSE(is_valid_email("a@@b.com"));
}

TEST_CASE("company names without legal suffixes") {
  CHECK(normalize_company("华星科技有限公司") == normalize_company("华星科技"));
  CHECK(normalize_company("远航物流股份有限公司") == "远航物流");
  CHECK(normalize_company("Acme Co., Ltd.") == "acme");
  CHECK(normalize_company("ACME Inc.") == "acme");
  CHECK(normalize_company("Nordlicht GmbH") == "nordlicht");
  CHECK(normalize_company("Blue Harbor Trading Co., Ltd.") == "blueharbortrading");
  CHECK(normalize_company("公司") == "公司");  // a suffix alone is kept, not emptied
  CHECK(normalize_company("Acme") != normalize_company("Acme Tools"));
}

TEST_CASE("look-alike text folds to one key: fullwidth forms, zero-width and bidi characters") {
  CHECK(normalize_phone("１３８－００１３－８０００") == "13800138000");
  CHECK(normalize_phone("138\u200b0013\u200d8000") == "13800138000");
  CHECK(normalize_phone("＋８６ 13800138000") == "13800138000");
  CHECK(normalize_email("ａｎｎａ@ｅｘａｍｐｌｅ.com") == "anna@example.com");
  CHECK(normalize_email("an\u200bna@example.com") == "anna@example.com");
  CHECK(normalize_company("华\u200b星科技") == normalize_company("华星科技"));
  CHECK(normalize_company("Ａｃｍｅ Co., Ltd.") == "acme");
  CHECK(normalize_company("Acme\u202e") == "acme");
  CHECK(normalize_company("华星科技（北京）有限公司") == normalize_company("华星科技(北京)有限公司"));
  CHECK(fold_lookalikes("a\xff") == "a\xff");  // not UTF-8: compared as it is
}
