// Legal notices and automatic footers (mailing lists, unsubscribe blocks, virus scanners) are not
// the sender's words: each shape below is cut wherever it starts, and the sender's own sentences
// about confidentiality, unsubscribing or the law stay. Every text here is written for this test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzers/clean/signature_stripper.h"
#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::Plain;
using clean_testing::RealMailLexicon;

struct FooterCase {
  const char* name;
  std::string body;
  std::string kept;  // what the cleaner must keep
};

void ExpectCut(const std::vector<FooterCase>& cases) {
  for (const FooterCase& c : cases) {
    SCOPED_TRACE(c.name);
    const CleanedBody body = Plain(c.body);
    EXPECT_EQ(body.text, c.kept);
    EXPECT_EQ(body.stripping, Stripping::kHeuristic);
    EXPECT_GT(body.disclaimer_bytes, 0u);
  }
}

void ExpectKept(const std::vector<FooterCase>& cases) {
  for (const FooterCase& c : cases) {
    SCOPED_TRACE(c.name);
    const CleanedBody body = Plain(c.body);
    EXPECT_EQ(body.text, c.kept);
    EXPECT_EQ(body.disclaimer_bytes, 0u);
  }
}

// One letter a line, after any split: T text, Q quote, S signature, D disclaimer.
std::string Roles(std::string_view text) {
  MarkedLines m = MarkedLines::Split(text);
  MarkSignature(RealMailLexicon(), m);
  std::string out;
  for (LineRole r : m.roles) out += "TQSD"[static_cast<int>(r)];
  return out;
}

const std::string kAsk = "Can you confirm the delivery date for the pallets?";

TEST(SignatureStripper, ConfidentialityBannerAfterBodyIsStripped) {
  ExpectCut({
      {"asterisks around the title",
       kAsk + "\n\n**CONFIDENTIALITY NOTICE** This message is meant only for the named recipient.\n"
              "Anyone else reading it should tell the sender and erase it.\n",
       kAsk},
      {"title alone on a line of asterisks",
       kAsk + "\n\n*** Confidentiality Notice ***\nThe contents of this email are private to the "
              "addressee.\n",
       kAsk},
      {"equals signs above and below",
       kAsk + "\n\n============================================\nLEGAL NOTICE: the contents are "
              "private to the addressee and may be privileged.\n"
              "============================================\n",
       kAsk},
      {"dashes around the title",
       kAsk + "\n\n----- Confidentiality statement -----\nThis transmission may carry privileged "
              "material for the addressee alone.\n",
       kAsk},
      {"plus signs glued to the title",
       kAsk + "\n\n+++++CONFIDENTIALITY NOTICE+++++ The information contained in this email is "
              "for the addressee only.\n",
       kAsk},
  });
}

TEST(SignatureStripper, NoticeOpenersAreStrippedWhereverTheyStart) {
  ExpectCut({
      {"including any attachments, no blank line above",
       kAsk + "\nThis message (including any attachments) is intended only for the named "
              "recipient and may be privileged.\n",
       kAsk},
      {"the information contained in this e-mail",
       kAsk + "\n\nThe information contained in this e-mail is confidential and privileged, and "
              "is meant for the addressee.\n",
       kAsk},
      {"not the intended recipient, no blank line above",
       kAsk + "\nIf you are not the intended recipient, please let the sender know and remove "
              "this email from your system.\n",
       kAsk},
      {"received this communication in error",
       kAsk + "\n\nIf you have received this communication in error, please notify us and delete "
              "it.\n",
       kAsk},
      {"hereby notified, the words that fired escalation rules",
       kAsk + "\n\nIf you are not the intended recipient, you are hereby notified that any "
              "copying or dissemination of it\nis strictly prohibited. Please notify us "
              "immediately by telephone and destroy the original.\n",
       kAsk},
      {"a wrapped notice whose files clause varies",
       kAsk + "\n\nThis e-mail and any documents sent along with it are\nconfidential and meant "
              "for the addressee only.\n",
       kAsk},
      {"German",
       "Bitte schicken Sie mir die Rechnung.\n\nSollten Sie diese E-Mail irrtümlich "
       "erhalten haben, informieren Sie bitte den Absender.\n",
       "Bitte schicken Sie mir die Rechnung."},
      {"French",
       "Merci de confirmer la date.\n\nSi vous avez reçu ce courriel par erreur, "
       "merci d'en avertir l'expéditeur.\n",
       "Merci de confirmer la date."},
  });
}

TEST(SignatureStripper, NoticeAfterADashDashSignatureIsStripped) {
  ExpectCut({
      {"no blank line between signature and notice",
       "Thanks for the quick turnaround.\n\n-- \nMaya Lindqvist\nHarbor Analytics\nThis e-mail "
       "(and anything attached) is confidential and intended for the addressee only.\n",
       "Thanks for the quick turnaround."},
      {"blank line between signature and notice",
       "Thanks for the quick turnaround.\n\n-- \nMaya Lindqvist\nHarbor Analytics\n\nIf you have "
       "received this email by mistake, tell us and delete it.\n",
       "Thanks for the quick turnaround."},
  });
}

TEST(SignatureStripper, AutomaticFootersAreStripped) {
  const std::string kNews = "Hi all, the new rota is below.\nMonday: Ana. Tuesday: Joe.";
  ExpectCut({
      {"unsubscribe link",
       kNews + "\n\nTo unsubscribe from these updates, visit "
               "https://news.example.org/unsubscribe?id=42\n",
       kNews},
      {"group footer under a dash-dash line",
       kNews + "\n\n--\nYou received this message because you are subscribed to the \"Rota\" "
               "group.\nTo stop getting these, write to rota+unsubscribe@example.org.\n",
       kNews},
      {"mailing list footer under a line of underscores",
       kNews + "\n\n_______________________________________________\nrota-team mailing list\n"
               "rota-team@lists.example.net\nhttps://lists.example.net/listinfo/rota-team\n",
       kNews},
      {"list removal note with no blank line above",
       kNews + "\nIf you wish to be removed from this mailing list, reply with REMOVE.\n", kNews},
      {"virus scanner",
       kNews + "\n\nThis email has been scanned for viruses and malware by SafeMail Gateway.\n",
       kNews},
      {"virus-free badge", kNews + "\n\nVirus-free. www.scanner.example\n", kNews},
      {"automated notice",
       kNews + "\n\nThis is an automated message from the rota tool; this mailbox is not "
               "monitored.\n",
       kNews},
  });
}

TEST(SignatureStripper, NoticeGluedBehindABannerInsideALineIsSplitOff) {
  const std::string text =
      "See you at the review.\nTomas   ****************** This email and any attachments are "
      "confidential and meant for the addressee only.\nIf you have received it in error, tell "
      "us.\n******************";
  EXPECT_EQ(Roles(text), "TTDDD");
  const CleanedBody body = Plain(text);
  EXPECT_EQ(body.text, "See you at the review.\nTomas");
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
}

TEST(SignatureStripper, SenderProseAfterANoticeIsKept) {
  const CleanedBody body = Plain(
      "Approved.\n\nCONFIDENTIALITY NOTICE: this email is for the named recipient only.\n\n"
      "P.S. I still have not received the corrected invoice, please send it today.\n");
  EXPECT_EQ(body.text,
            "Approved.\n\nP.S. I still have not received the corrected invoice, please send it "
            "today.");
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
}

TEST(SignatureStripper, SeveralNoticeParagraphsGoTogether) {
  const CleanedBody body = Plain(
      "Approved.\n\nCONFIDENTIALITY NOTICE: this email is for the named recipient only.\n\n"
      "We accept no liability for damage caused by this message.\n\nAcme Ltd\nwww.acme.example\n");
  EXPECT_EQ(body.text, "Approved.");
}

TEST(SignatureStripper, SenderSentencesAboutFootersAreNotCut) {
  ExpectKept({
      {"confidential in the sender's own sentence",
       "Please keep the draft to yourself.\n\nThis is confidential, please don't forward it.",
       "Please keep the draft to yourself.\n\nThis is confidential, please don't forward it."},
      {"this email is confidential, in the sender's words",
       "Numbers below.\n\nThis email is confidential, please don't forward it to the vendor.",
       "Numbers below.\n\nThis email is confidential, please don't forward it to the vendor."},
      {"an unsubscribe complaint",
       "I tried to unsubscribe three times and you still email me.\n\nTake me off the list today.",
       "I tried to unsubscribe three times and you still email me.\n\nTake me off the list today."},
      {"an unsubscribe complaint that opens like a footer",
       "Hello.\n\nTo unsubscribe, I clicked your link three times and you still email me.",
       "Hello.\n\nTo unsubscribe, I clicked your link three times and you still email me."},
      {"a legal discussion",
       "Section 7 says the pricing is confidential and any disclosure is strictly prohibited.\n"
       "You shared it with our competitor anyway, which is a breach.\n\nOur counsel will write "
       "to your legal team about the intended recipient of that file.",
       "Section 7 says the pricing is confidential and any disclosure is strictly prohibited.\n"
       "You shared it with our competitor anyway, which is a breach.\n\nOur counsel will write "
       "to your legal team about the intended recipient of that file."},
      {"a message meant for a team",
       "Hi all.\n\nThis message is intended for the whole team: the deadline moves to Friday.",
       "Hi all.\n\nThis message is intended for the whole team: the deadline moves to Friday."},
      {"a mailing list request", "Done.\n\nPlease add Priya to the release mailing list.",
       "Done.\n\nPlease add Priya to the release mailing list."},
      {"a wrapped sentence going on with an opener's words",
       "We read the notice in your signature and we think that\nthe information in this email "
       "is not privileged at all.",
       "We read the notice in your signature and we think that\nthe information in this email "
       "is not privileged at all."},
  });
}

TEST(SignatureStripper, AMessageThatIsOnlyANoticeIsKeptWholeAndUncertain) {
  const std::string text =
      "CONFIDENTIALITY NOTICE: this email is for the named recipient only. If you have received "
      "it in error, delete it.";
  const CleanedBody body = Plain(text);
  EXPECT_EQ(body.text, text);
  EXPECT_EQ(body.stripping, Stripping::kUncertain);
}

TEST(SignatureStripper, HostileFooterShapesStayBounded) {
  // Thousands of openers without a footer term, and a line of banner runs: nothing is cut, and
  // the bounded windows keep it one pass.
  std::string openers = "Start.\n";
  for (int i = 0; i < 5000; ++i) openers += "This email is confidential.\n";
  EXPECT_EQ(Plain(openers).stripping, Stripping::kNone);
  std::string banners = "Start.\nword";
  for (int i = 0; i < 50000; ++i) banners += " ***** This email";
  EXPECT_EQ(Plain(banners).stripping, Stripping::kNone);
}

}  // namespace
}  // namespace tonewatch
