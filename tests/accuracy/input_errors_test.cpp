// Bad accuracy inputs: every problem of a file reported at once as "file:line: message", the
// offending line and a caret, and nothing read from that file. Messages compared verbatim.

#include <gtest/gtest.h>

#include "accuracy/families.h"
#include "accuracy/measured.h"
#include "accuracy/published.h"
#include "support/spaces.h"

namespace {

std::string MeasurementError(const std::string& text) {
  auto rows = accuracy::ParseMeasurements("m.csv", text, testing_support::BuiltinCatalog());
  return rows ? "(no error)" : rows.error().message;
}

TEST(MeasuredCsv, MissingColumn) {
  EXPECT_EQ(MeasurementError("variant,top1,task,dataset\nmbv3-w0.50-r112,52.4,classification,imagenet\n"),
            "m.csv:1: missing column 'precision'\n"
            "    variant,top1,task,dataset\n"
            "    ^");
}

TEST(MeasuredCsv, AccuracyOutsideRange) {
  EXPECT_EQ(MeasurementError("variant,top1,precision,task,dataset\nmbv3-w0.50-r112,101.5,int8,classification,imagenet\n"),
            "m.csv:2: top1 101.5 is outside 0-100\n"
            "    mbv3-w0.50-r112,101.5,int8,classification,imagenet\n"
            "                    ^");
}

TEST(MeasuredCsv, UnknownFamilyVariantAndValuesAllReported) {
  EXPECT_EQ(MeasurementError("variant,top1,precision,task,dataset\n"
                             "mbv4-w0.50-r112,52.4,int8,classification,imagenet\n"
                             "mcunet-in9,50,int8,classification,imagenet\n"
                             "mbv3-w0.50-r112,x,int9,classification,imagenet\n"),
            "m.csv:2: unknown family 'mbv4' in 'mbv4-w0.50-r112' (did you mean 'mbv2'?)\n"
            "    mbv4-w0.50-r112,52.4,int8,classification,imagenet\n"
            "    ^\n"
            "m.csv:3: unknown variant 'mcunet-in9': expected FAMILY-wW.WW-rRRR (e.g. "
            "mbv3-w0.75-r128) or a fixed net's name (did you mean 'mcunet-in0'?)\n"
            "    mcunet-in9,50,int8,classification,imagenet\n"
            "    ^\n"
            "m.csv:4: top1 'x' is not a number\n"
            "    mbv3-w0.50-r112,x,int9,classification,imagenet\n"
            "                    ^\n"
            "m.csv:4: precision 'int9' is not one of fp32, int8, int4, mixed (did you mean 'int8'?)\n"
            "    mbv3-w0.50-r112,x,int9,classification,imagenet\n"
            "                      ^");
}

TEST(MeasuredCsv, MissingFieldsAndOpenQuote) {
  EXPECT_EQ(MeasurementError("variant,top1,precision\nmbv3-w0.50-r112,52.4\n\"mbv3,50\n"),
            "m.csv:2: 2 fields, but the header has 3 columns\n"
            "    mbv3-w0.50-r112,52.4\n"
            "    ^\n"
            "m.csv:3: unterminated quoted field\n"
            "    \"mbv3,50\n"
            "    ^");
}

TEST(MeasuredCsv, GoodFileIsCanonicalised) {
  auto rows = accuracy::ParseMeasurements(
      "m.csv", "# comment\nvariant,top1,precision,task,dataset,source\nmbv3-w0.5-r112,52.4,int8,classification,imagenet,\"lab, run 3\"\n",
      testing_support::BuiltinCatalog());
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].variant, "mbv3-w0.50-r112");
  EXPECT_EQ((*rows)[0].top1_pct, 52.4);
  EXPECT_EQ((*rows)[0].source, "lab, run 3");
}

TEST(PublishedCsv, MisspeltColumn) {
  auto rows = accuracy::ParsePublished(
      "p.csv", "family,model,width,resolution,macs_m,top1,precison,source\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().message,
            "p.csv:1: missing column 'precision' (did you mean 'precison'?)\n"
            "    family,model,width,resolution,macs_m,top1,precison,source\n"
            "    ^");
}

TEST(PublishedCsv, BadRows) {
  auto rows = accuracy::ParsePublished("p.csv",
                                       "family,model,width,resolution,macs_m,top1,precision,source\n"
                                       "X,a,1.0,224,300,-3,fp32,src\n"
                                       "X,a,,,,70,fp32,\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().message,
            "p.csv:2: top1 -3 is outside 0-100\n"
            "    X,a,1.0,224,300,-3,fp32,src\n"
            "                    ^\n"
            "p.csv:3: empty source: every published figure must say where it comes from\n"
            "    X,a,,,,70,fp32,\n"
            "                   ^\n"
            "p.csv:3: duplicate model name 'a'\n"
            "    X,a,,,,70,fp32,\n"
            "      ^");
}

TEST(FamilyMap, UnknownRowGetsSuggestion) {
  auto published = accuracy::ParsePublished(
      "p.csv", "family,model,width,resolution,macs_m,top1,precision,source\n"
               "X,net-a,1.0,224,300,70,fp32,src\n");
  ASSERT_TRUE(published.ok());
  auto map = accuracy::ParseFamilyMap("f.toml",
                                      "[[family]]\nname = \"x\"\nrows = [\"net-b\"]\n", *published);
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.error().message,
            "f.toml:3: unknown row 'net-b' (not a model of the published table) (did you mean "
            "'net-a'?)\n"
            "    rows = [\"net-b\"]\n"
            "            ^");
}

}  // namespace
