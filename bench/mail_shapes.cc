#include "bench/mail_shapes.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

#include "bench/mail_words.h"

namespace tonewatch::bench {
namespace {

using words::Lang;
using words::Langs;
using words::Words;

// ---- Randomness: splitmix64. Every choice is drawn from a stream keyed by (seed, what, where),
// so a message's bytes do not depend on which other messages are generated with it.

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint64_t Key(uint64_t a, uint64_t b, uint64_t c = 0, uint64_t d = 0) {
  return Mix(a ^ Mix(b ^ Mix(c ^ Mix(d))));
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix(state_ += 0x632be59bd9b4e019ull); }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  long Between(long lo, long hi) {
    return lo + static_cast<long>(Below(static_cast<size_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) / 9007199254740992.0 < p; }
  std::string_view Pick(const Words& w) {
    return w.empty() ? std::string_view() : w[Below(w.size())];
  }
  // An index by weight.
  size_t Weighted(std::initializer_list<int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    long r = Between(0, total - 1);
    size_t i = 0;
    for (int w : weights) {
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return 0;
  }

 private:
  uint64_t state_;
};

// ---- Text helpers.

using Vars = std::initializer_list<std::pair<std::string_view, std::string_view>>;

std::string Fill(std::string_view tpl, Vars vars) {
  std::string out;
  out.reserve(tpl.size() + 32);
  for (size_t i = 0; i < tpl.size();) {
    if (tpl[i] == '{') {
      const size_t close = tpl.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view key = tpl.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : vars) {
          if (k == key) {
            out += v;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += tpl[i++];
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Decodes one UTF-8 sequence at s[i] (the generator writes valid UTF-8 only).
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  ++i;
  for (; extra > 0 && i < s.size(); --extra, ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

// UTF-8 to ISO-8859-1; false when a character does not fit.
bool ToLatin1(std::string_view utf8, std::string* out) {
  out->clear();
  out->reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = NextCodePoint(utf8, i);
    if (cp > 0xFF) return false;
    out->push_back(static_cast<char>(cp));
  }
  return true;
}

// An ASCII spelling of a name, for e-mail addresses and domains.
std::string Ascii(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = NextCodePoint(s, i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    switch (cp) {
      case U'ä':
        out += "ae";
        break;
      case U'ö':
        out += "oe";
        break;
      case U'ü':
        out += "ue";
        break;
      case U'Ä':
        out += "Ae";
        break;
      case U'Ö':
        out += "Oe";
        break;
      case U'Ü':
        out += "Ue";
        break;
      case U'ß':
        out += "ss";
        break;
      case U'Å':
      case U'Á':
        out += "A";
        break;
      case U'É':
      case U'Ê':
        out += "E";
        break;
      case U'Í':
        out += "I";
        break;
      case U'Ł':
        out += "L";
        break;
      case U'Ś':
        out += "S";
        break;
      case U'Ó':
        out += "O";
        break;
      case U'Ż':
      case U'Ź':
        out += "Z";
        break;
      case U'à':
      case U'á':
      case U'â':
      case U'å':
      case U'ã':
      case U'ą':
        out += "a";
        break;
      case U'ç':
      case U'ć':
        out += "c";
        break;
      case U'è':
      case U'é':
      case U'ê':
      case U'ë':
      case U'ę':
        out += "e";
        break;
      case U'ì':
      case U'í':
      case U'î':
      case U'ï':
        out += "i";
        break;
      case U'ñ':
      case U'ń':
        out += "n";
        break;
      case U'ò':
      case U'ó':
      case U'ô':
      case U'õ':
        out += "o";
        break;
      case U'ù':
      case U'ú':
      case U'û':
        out += "u";
        break;
      case U'ł':
        out += "l";
        break;
      case U'ś':
        out += "s";
        break;
      case U'ź':
      case U'ż':
        out += "z";
        break;
      default:
        break;
    }
  }
  return out;
}

std::string Slug(std::string_view s, size_t max_words) {
  std::string out;
  size_t words = 0;
  bool in_word = false;
  for (char c : Ascii(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (!in_word && words++ >= max_words) break;
      if (!in_word && !out.empty()) out += '-';
      out += c;
      in_word = true;
    } else if (c >= 'A' && c <= 'Z') {
      if (!in_word && words++ >= max_words) break;
      if (!in_word && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      in_word = true;
    } else if (c == '\'') {
      continue;
    } else {
      in_word = false;
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < s.size()) lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// Wraps a paragraph at `width` columns (counted in bytes: close enough for the generator). With
// `flowed`, each broken line keeps its trailing space (RFC 3676 format=flowed).
std::string Wrap(std::string_view para, size_t width, bool flowed) {
  std::string out;
  size_t line_start = 0;
  while (para.size() - line_start > width) {
    size_t cut = para.rfind(' ', line_start + width);
    if (cut == std::string_view::npos || cut <= line_start) {
      cut = para.find(' ', line_start + width);
      if (cut == std::string_view::npos) break;
    }
    out.append(para.substr(line_start, cut - line_start));
    if (flowed) out += ' ';
    out += '\n';
    line_start = cut + 1;
  }
  out.append(para.substr(line_start));
  return out;
}

std::string Thousands(long v, char sep) {
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

// ---- Encodings.

constexpr char kHex[] = "0123456789ABCDEF";

std::string QuotedPrintable(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    const bool has_nl = nl != std::string_view::npos;
    if (!has_nl) nl = s.size();
    const std::string_view line = s.substr(start, nl - start);
    size_t col = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      const bool last = i + 1 == line.size();
      const bool encode =
          c == '=' || c >= 0x7F || (c < 0x20 && c != '\t') || ((c == ' ' || c == '\t') && last);
      const size_t width = encode ? 3 : 1;
      if (col + width > 75) {
        out += "=\n";
        col = 0;
      }
      if (encode) {
        out += '=';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
      col += width;
    }
    if (has_nl) out += '\n';
    start = nl + 1;
  }
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view s, size_t line = 76) {
  std::string out;
  out.reserve(s.size() * 4 / 3 + s.size() / 57 + 8);
  size_t col = 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    const uint32_t b0 = static_cast<unsigned char>(s[i]);
    const uint32_t b1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    const uint32_t b2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    const uint32_t v = (b0 << 16) | (b1 << 8) | b2;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += i + 1 < s.size() ? kB64[(v >> 6) & 63] : '=';
    out += i + 2 < s.size() ? kB64[v & 63] : '=';
    col += 4;
    if (line > 0 && col >= line) {
      out += '\n';
      col = 0;
    }
  }
  if (line > 0 && col > 0) out += '\n';
  return out;
}

// RFC 2047 encoded words for a header value (Q or B), split so that no word is over 75 bytes and
// no character is cut; the words are joined by folding white space.
std::string EncodedWords(std::string_view utf8, bool latin1, bool b_encoding) {
  std::string bytes(utf8);
  const char* charset = "UTF-8";
  if (latin1) {
    std::string l;
    if (ToLatin1(utf8, &l)) {
      bytes = l;
      charset = "iso-8859-1";
    }
  }
  const bool is_utf8 = charset[0] == 'U';
  std::string out;
  size_t i = 0;
  while (i < bytes.size()) {
    size_t end = std::min(bytes.size(), i + (b_encoding ? 36 : 24));
    while (is_utf8 && end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80)
      --end;
    const std::string_view chunk(bytes.data() + i, end - i);
    if (!out.empty()) out += "\n ";
    out += "=?";
    out += charset;
    if (b_encoding) {
      out += "?B?";
      out += Base64(chunk, 0);
    } else {
      out += "?Q?";
      for (unsigned char c : chunk) {
        if (c == ' ') {
          out += '_';
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '!' || c == '*' || c == '+' || c == '-' || c == '/') {
          out += static_cast<char>(c);
        } else {
          out += '=';
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
      }
    }
    out += "?=";
    i = end;
  }
  return out;
}

// RFC 2231: filename*=UTF-8''%C3%9C...
std::string Rfc2231(std::string_view utf8) {
  std::string out = "UTF-8''";
  for (unsigned char c : utf8) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// ---- Dates.

struct Civil {
  long year;
  int month, day, hour, minute, second, weekday;  // month 1-12, weekday 0 = Sunday
};

Civil ToCivil(int64_t t) {
  int64_t days = t / 86400;
  int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  Civil c{};
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<long>(yoe + era * 400 + (c.month <= 2 ? 1 : 0));
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  return c;
}

std::string Two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

std::string Zone(int tz) {
  char b[32];
  const int a = tz < 0 ? -tz : tz;
  std::snprintf(b, sizeof b, "%c%02d%02d", tz < 0 ? '-' : '+', a / 60, a % 60);
  return b;
}

// Formats a date template of mail_words.h in `lang`, at Unix time t shown in zone tz (minutes).
std::string When(std::string_view tpl, const Lang& lang, int64_t t, int tz,
                 std::string_view name = {}, std::string_view email = {}) {
  const Civil c = ToCivil(t + tz * 60);
  const int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
  const std::string d = std::to_string(c.day), y = std::to_string(c.year),
                    H = std::to_string(c.hour), hh = Two(c.hour), mm = Two(c.minute),
                    ss = Two(c.second), dd = Two(c.day), mo = Two(c.month), h = std::to_string(h12),
                    zone = Zone(tz);
  return Fill(tpl, {{"wd", lang.wd_short[c.weekday]},
                    {"WD", lang.wd_long[c.weekday]},
                    {"d", d},
                    {"dd", dd},
                    {"mon", lang.mon_short[c.month - 1]},
                    {"MON", lang.mon_long[c.month - 1]},
                    {"mm", mo},
                    {"y", y},
                    {"H", H},
                    {"HH", hh},
                    {"MM", mm},
                    {"SS", ss},
                    {"h12", h},
                    {"AP", c.hour < 12 ? "AM" : "PM"},
                    {"tz", zone},
                    {"name", name},
                    {"email", email}});
}

std::string Rfc5322Date(int64_t t, int tz) {
  return When("{wd}, {d} {mon} {y} {HH}:{MM}:{SS} {tz}", Langs()[0], t, tz);
}

// ---- The people and companies of the mailbox.

enum class Client {
  kGmailHtml,
  kOutlookHtml,
  kOutlookText,
  kGmailText,
  kThunderbird,
  kApple,
  kMutt
};

const char* ClientName(Client c) {
  switch (c) {
    case Client::kGmailHtml:
      return "gmail-html";
    case Client::kOutlookHtml:
      return "outlook-html";
    case Client::kOutlookText:
      return "outlook-text";
    case Client::kGmailText:
      return "gmail-text";
    case Client::kThunderbird:
      return "thunderbird";
    case Client::kApple:
      return "apple-mobile";
    case Client::kMutt:
      return "mutt";
  }
  return "";
}

bool Html(Client c) { return c == Client::kGmailHtml || c == Client::kOutlookHtml; }
bool Outlook(Client c) { return c == Client::kOutlookHtml || c == Client::kOutlookText; }
bool Gmail(Client c) { return c == Client::kGmailHtml || c == Client::kGmailText; }

struct Org {
  std::string name, domain, city, regno;
  int lang = 0;
  int footer = -1;              // index into the language's footers; -1: none
  int environment = -1;         // a one-line footer of words::EnvironmentLines; -1: none
  bool gateway_footer = false;  // the mail gateway appends it under the whole message
  bool banner = false;          // the footer sits between lines of asterisks
  bool logo = false;            // Outlook signatures carry an inline logo
  bool cloud = false;           // hosted on the big cloud service (Outlook-like headers)
  int tz = 0;                   // minutes east of UTC
};

struct Person {
  std::string name, first, email, display, title, phone, company, web, host;
  int lang = 0;
  Client client = Client::kOutlookText;
  bool owa = false;          // Outlook on the web: "____" text block and divRplyFwdMsg
  bool latin1 = false;       // sends ISO-8859-1 when the text fits
  int cte = 0;               // non-ASCII text: 0 quoted-printable, 1 8bit, 2 base64
  bool raw_headers = false;  // raw UTF-8 in headers instead of RFC 2047
  bool sig_dashes = false;   // "-- " above the signature
  int signoff = 0;
  int tz = 0;
  int org = -1;  // -1: the mailbox owner's company
};

constexpr int kOrgs = 360;
constexpr std::string_view kOwnDomain = "brightline.example";
constexpr std::string_view kOwnCompany = "Brightline Services";

class Directory {
 public:
  explicit Directory(uint64_t seed) : seed_(seed) {
    struct Own {
      const char *name, *title;
      Client client;
      bool owa;
    };
    const Own own[] = {{"Dana Okafor", "Account Director", Client::kOutlookText, false},
                       {"Sam Whitfield", "Support Lead", Client::kOutlookHtml, true},
                       {"Priya Raman", "Delivery Manager", Client::kGmailText, false},
                       {"Marcus Bell", "Head of Client Services", Client::kOutlookHtml, false},
                       {"Grace Liu", "Billing Specialist", Client::kGmailHtml, false},
                       {"Tomasz Nowak", "Solutions Engineer", Client::kMutt, false}};
    int i = 0;
    for (const Own& o : own) {
      Person p;
      p.name = o.name;
      p.first = p.name.substr(0, p.name.find(' '));
      p.email = Slug(p.first, 1) + "@" + std::string(kOwnDomain);
      p.display = p.name;
      p.title = o.title;
      p.company = kOwnCompany;
      p.phone = "+44 20 7946 0" + std::to_string(100 + i * 17);
      p.web = "www.brightline.example";
      p.host = "smtp.brightline.example";
      p.client = o.client;
      p.owa = o.owa;
      p.sig_dashes = o.client == Client::kMutt;
      p.signoff = i % 3;
      ours_.push_back(p);
      ++i;
    }
  }

  const Person& Ours(int i) const { return ours_[static_cast<size_t>(i)]; }
  int OursCount() const { return static_cast<int>(ours_.size()); }

  const Org& OrgAt(int i) {
    auto it = orgs_.find(i);
    if (it != orgs_.end()) return it->second;
    Rng r(Key(seed_, 0x0A9, static_cast<uint64_t>(i)));
    Org o;
    o.lang = r.Chance(0.085) ? static_cast<int>(1 + r.Below(Langs().size() - 1)) : 0;
    const Lang& lang = Langs()[static_cast<size_t>(o.lang)];
    if (o.lang == 0) {
      const Words& pre = words::CompanyPrefixes();
      const Words& suf = words::CompanySuffixes();
      o.name = std::string(pre[static_cast<size_t>(i * 7) % pre.size()]) + " " +
               std::string(suf[static_cast<size_t>(i) / pre.size() % suf.size()]);
      o.domain = Slug(o.name, 2) + ".example";
    } else {
      o.name = r.Pick(lang.companies);
      o.domain = Slug(o.name, 2) + std::to_string(i) + ".example";
    }
    o.city = r.Pick(lang.cities);
    o.regno = std::to_string(r.Between(1000000, 9999999));
    if (r.Chance(o.lang == 0 ? 0.38 : 0.5)) {
      o.footer = static_cast<int>(r.Below(lang.footers.size()));
      o.gateway_footer = r.Chance(0.4);
      o.banner = o.lang == 0 && r.Chance(0.3);
    }
    if (r.Chance(0.15)) o.environment = static_cast<int>(r.Below(words::EnvironmentLines().size()));
    o.logo = r.Chance(0.35);
    o.cloud = r.Chance(0.5);
    static constexpr int kEnglishZones[] = {0, 0, 60, -300, -300, -360, -480, 600};
    o.tz = o.lang == 0 ? kEnglishZones[r.Below(8)] : (o.lang == 5 ? 0 : 60);
    return orgs_.emplace(i, std::move(o)).first->second;
  }

  const Person& ClientAt(int org, int idx) {
    const auto key = std::make_pair(org, idx);
    auto it = people_.find(key);
    if (it != people_.end()) return it->second;
    const Org& o = OrgAt(org);
    const Lang& lang = Langs()[static_cast<size_t>(o.lang)];
    Rng r(Key(seed_, 0xBE0, static_cast<uint64_t>(org), static_cast<uint64_t>(idx)));
    Person p;
    p.org = org;
    p.lang = o.lang;
    p.first = o.lang == 0 && r.Chance(0.05) ? r.Pick(words::AccentedEnglishFirstNames())
                                            : r.Pick(lang.first_names);
    const std::string last(r.Pick(lang.last_names));
    p.name = p.first + " " + last;
    const std::string local = r.Chance(0.75) ? Slug(p.first, 3) + "." + Slug(last, 3)
                                             : Slug(p.first, 1).substr(0, 1) + Slug(last, 3);
    std::string clean;
    for (char c : local)
      if (c != '-' || clean.empty() || clean.back() != '.') clean += c;
    p.email = clean + "@" + o.domain;
    p.title = r.Pick(lang.titles.empty() ? Langs()[0].titles : lang.titles);
    p.company = o.name;
    const long country = r.Between(30, 49), area = r.Between(20, 89),
               line = r.Between(100000, 999999);
    p.phone =
        "+" + std::to_string(country) + " " + std::to_string(area) + " " + std::to_string(line);
    p.web = "www." + o.domain;
    p.client = static_cast<Client>(r.Weighted({22, 22, 20, 12, 12, 8, 4}));
    p.owa = Outlook(p.client) && r.Chance(0.4);
    p.display = Outlook(p.client) && o.lang == 0 && r.Chance(0.2) ? last + ", " + p.first : p.name;
    const bool old_client =
        Outlook(p.client) || p.client == Client::kThunderbird || p.client == Client::kMutt;
    p.latin1 = lang.latin1 && old_client && r.Chance(o.lang == 0 ? 0.3 : 0.6);
    p.cte = Gmail(p.client) ? (r.Chance(0.3) ? 2 : 0)
            : (p.client == Client::kThunderbird || p.client == Client::kMutt)
                ? (r.Chance(0.75) ? 1 : 0)
                : 0;
    p.raw_headers = !p.latin1 && o.lang != 0 && p.client == Client::kMutt && r.Chance(0.5);
    p.sig_dashes = (p.client == Client::kThunderbird || p.client == Client::kMutt)
                       ? r.Chance(0.6)
                       : (p.client == Client::kGmailHtml && r.Chance(0.3));
    p.signoff = static_cast<int>(r.Below(lang.signoffs.size()));
    p.tz = o.tz;
    p.host = o.cloud ? "mail-" + Slug(o.name, 1) + std::to_string(r.Between(1, 9)) +
                           ".outbound.cloudmail.example"
                     : "smtp" + std::to_string(r.Between(1, 3)) + "." + o.domain;
    return people_.emplace(key, std::move(p)).first->second;
  }

 private:
  uint64_t seed_;
  std::vector<Person> ours_;
  std::map<int, Org> orgs_;
  std::map<std::pair<int, int>, Person> people_;
};

// ---- Threads: who writes when. A sender >= 0 is a client person of the thread's company, < 0
// is one of ours (-1 - index).

struct Planned {
  int64_t time;
  int sender;
  int parent;  // position replied to; -1 for the first
};

struct Plan {
  long id = 0;
  int org = 0;
  int topic = 0;
  int mood = 0;  // 0 calm, 1 tense, 2 hot
  int colleague = 1;
  int clients = 1;
  int paste_at = -1;  // the position that pastes a long export, or -1
  long number = 0;    // the thread's order/ticket number
  long amount = 0;
  std::vector<Planned> msgs;
};

constexpr int64_t kEpoch = 1780272000;  // Monday 2026-06-01 00:00:00 UTC

// Mail is written in office hours: plans count time on a clock of working seconds (ten hours a
// day, five days a week) and this turns it into a date.
int64_t OfficeTime(int64_t working_seconds) {
  constexpr int64_t kDay = 10 * 3600;
  const int64_t day = working_seconds / kDay;
  return kEpoch + (day / 5 * 7 + day % 5) * 86400 + 8 * 3600 + working_seconds % kDay;
}

Plan MakePlan(Directory& dir, uint64_t seed, long id, int64_t start) {
  Rng r(Key(seed, 0x7A1, static_cast<uint64_t>(id)));
  Plan p;
  p.id = id;
  p.org = r.Chance(0.5) ? static_cast<int>(r.Below(40)) : static_cast<int>(r.Below(kOrgs));
  const Org& org = dir.OrgAt(p.org);
  p.topic = static_cast<int>(r.Below(Langs()[static_cast<size_t>(org.lang)].topics.size()));
  p.mood = static_cast<int>(r.Weighted({50, 32, 18}));
  p.colleague = static_cast<int>(1 + r.Below(static_cast<size_t>(dir.OursCount() - 1)));
  p.clients = static_cast<int>(1 + r.Weighted({60, 30, 10}));
  p.number = r.Between(1000, 99999);
  p.amount = r.Between(8, 950) * 100;
  int length = 1;
  if (r.Chance(0.004)) {
    length = static_cast<int>(r.Chance(0.35) ? r.Between(26, 50) : r.Between(15, 25));
  } else {
    while (length < 14 && r.Chance(0.72)) ++length;
  }
  if (length >= 2 && r.Chance(0.0025))
    p.paste_at = std::max(0, length - 1 - static_cast<int>(r.Between(0, 3)));
  int64_t t = start;
  int sender = r.Chance(0.75) ? 0 : (r.Chance(0.8) ? -1 : -1 - p.colleague);
  for (int pos = 0; pos < length; ++pos) {
    Planned m{OfficeTime(t), sender, pos == 0 ? -1 : pos - 1};
    if (pos >= 2 && r.Chance(0.08)) m.parent = pos - 2;
    p.msgs.push_back(m);
    // The next message: mostly the other side answers.
    const bool client_now = sender >= 0;
    const bool switch_side = r.Chance(0.8);
    if (client_now == switch_side) {  // ours next
      sender = r.Chance(0.7) ? -1 : -1 - p.colleague;
    } else {
      sender = static_cast<int>(r.Below(static_cast<size_t>(p.clients)));
    }
    const size_t wait = r.Weighted({35, 45, 20});
    t += wait == 0   ? r.Between(180, 3600)
         : wait == 1 ? r.Between(3600, 36000)
                     : r.Between(36000, 4 * 36000);
  }
  return p;
}

// ---- One message's words, before any client formats them.

enum class Kind { kProse, kBlank, kMono, kSignature, kFooter };

struct Line {
  Kind kind;
  std::string text;
};

// What a reply sees of the message it answers.
struct Sent {
  std::string text;  // the decoded text/plain body: fresh words and the history they quote
  std::string html;  // the inner HTML ("" when the message had no HTML part)
  std::string from_name, from_email, from_display;
  std::string to_names, cc_names;  // for Outlook's header block
  std::string to_field;            // the To header's addresses
  std::string subject, message_id, references;
  int64_t time = 0;
  int sender = 0;
};

std::string Address(const Person& p) {
  const bool quote = p.display.find(',') != std::string::npos;
  return (quote ? "\"" + p.display + "\"" : p.display) + " <" + p.email + ">";
}

struct Context {
  Directory& dir;
  uint64_t seed;
  const Plan& plan;
  const Org& org;
  const Lang& thread_lang;
};

const Person& PersonOf(Context& c, int sender) {
  return sender >= 0 ? c.dir.ClientAt(c.plan.org, sender) : c.dir.Ours(-1 - sender);
}

// A sentence of `pool` with its placeholders filled; with `used`, not one of those (a few tries).
std::string Sentence(Rng& r, const Lang& lang, const Words& pool, const Context& c,
                     std::string_view first, std::vector<std::string_view>* used = nullptr) {
  const Words& use = pool.empty() ? Langs()[0].info : pool;
  std::string_view tpl = r.Pick(use);
  for (int i = 0;
       used != nullptr && i < 4 && std::find(used->begin(), used->end(), tpl) != used->end(); ++i)
    tpl = r.Pick(use);
  if (used != nullptr) used->push_back(tpl);
  const std::string n = std::to_string(c.plan.number);
  const std::string n2 = std::to_string(2 + c.plan.number % 37);
  const std::string amount =
      Fill(lang.money, {{"units", Thousands(c.plan.amount, lang.thousands)}});
  const std::string_view day = lang.wd_long[1 + r.Below(5)];
  const std::string colleague = c.dir.Ours(c.plan.colleague).first;
  return Fill(tpl, {{"first", first},
                    {"day", day},
                    {"n", n},
                    {"n2", n2},
                    {"amount", amount},
                    {"colleague", colleague}});
}

std::string PasteLine(Rng& r, long number) {
  static constexpr const char* kStatus[] = {"held",      "shipped",   "backordered",
                                            "cancelled", "delivered", "returned"};
  static constexpr const char* kNote[] = {
      "address check", "awaiting stock", "customs hold", "", "damaged in transit", "partial", ""};
  const unsigned long long a = r.Next(), b = r.Next();  // each value from a few bits
  char out[160];
  std::snprintf(out, sizeof out,
                "2026-%02llu-%02llu %02llu:%02llu,ORD-%llu,SKU-%c%c-%04llu,%llu,WH-%llu,%s,%s",
                6 + a % 6, 1 + a / 6 % 28, 6 + a / 168 % 14, a / 2352 % 60,
                static_cast<unsigned long long>(number) + a / 141120 % 100000,
                static_cast<char>('A' + b % 26), static_cast<char>('A' + b / 26 % 26),
                1 + b / 676 % 9999, 1 + b / 6759324 % 240, 1 + b / 1622237760 % 9,
                kStatus[b / 14600139840 % 6], kNote[b / 87600839040 % 7]);
  return out;
}

// The words the sender writes in this message.
std::vector<Line> FreshWords(Rng& r, Context& c, const Person& from, const Person& to, int pos,
                             int recipients, bool* has_log, bool* has_paste) {
  const Lang& lang = Langs()[static_cast<size_t>(from.lang)];
  const bool client = from.org >= 0;
  std::vector<Line> out;
  auto prose = [&](std::string s) { out.push_back({Kind::kProse, std::move(s)}); };
  auto blank = [&] { out.push_back({Kind::kBlank, ""}); };
  const bool mobile = from.client == Client::kApple;
  const bool brief = pos > 0 && r.Chance(mobile ? 0.5 : 0.2);
  if (!(mobile && r.Chance(0.5)) && !brief) {
    prose(recipients > 1 && r.Chance(0.3) ? std::string(r.Pick(lang.greetings_all))
                                          : Fill(r.Pick(lang.greetings), {{"first", to.first}}));
    blank();
  }
  if (brief) {
    prose(Sentence(r, lang, lang.short_replies, c, to.first));
    blank();
  } else {
    const double heat = std::min(0.7, (c.plan.mood == 0   ? 0.03
                                       : c.plan.mood == 1 ? 0.18
                                                          : 0.4) +
                                          0.015 * pos);
    std::vector<std::string_view> used;
    const double repair = c.plan.mood > 0 ? 0.45 : 0.08;
    const int paragraphs = mobile ? 1 : static_cast<int>(1 + r.Weighted({55, 30, 12, 3}));
    for (int p = 0; p < paragraphs; ++p) {
      std::string para;
      if (p == 0 && pos > 0 && r.Chance(0.35)) para = Sentence(r, lang, lang.openers, c, to.first);
      const int sentences = static_cast<int>(mobile ? r.Between(1, 2) : r.Between(1, 3));
      for (int s = 0; s < sentences; ++s) {
        const Words* pool = &lang.info;
        if (client && r.Chance(heat)) {
          pool = &lang.heated;
        } else if (!client && r.Chance(repair)) {
          pool = &lang.repair;
        } else if (r.Chance(0.25)) {
          pool = &lang.requests;
        }
        if (!para.empty()) para += ' ';
        para += Sentence(r, lang, *pool, c, to.first, &used);
      }
      prose(std::move(para));
      blank();
    }
    if (!mobile && r.Chance(0.04)) {  // a technical excerpt: literal words, no tone
      *has_log = true;
      prose(std::string(r.Pick(words::LogIntros())));
      blank();
      const long lines = r.Between(3, 8);
      for (long i = 0; i < lines; ++i)
        out.push_back({Kind::kMono, Sentence(r, lang, words::LogLines(), c, to.first)});
      blank();
    }
    const bool big_paste = pos == c.plan.paste_at;
    if (!mobile && (big_paste || r.Chance(0.006))) {  // a pasted export
      *has_paste = true;
      prose(std::string(r.Pick(words::PasteIntros())));
      blank();
      out.push_back({Kind::kMono, "date,order,sku,qty,warehouse,status,note"});
      const long lines = big_paste ? r.Between(4000, 9000) : r.Between(50, 300);
      for (long i = 0; i < lines; ++i) out.push_back({Kind::kMono, PasteLine(r, c.plan.number)});
      blank();
    }
    if (r.Chance(0.35)) {
      prose(Sentence(r, lang, lang.closers, c, to.first));
      blank();
    }
  }
  // Signature.
  if (mobile) {
    out.push_back({Kind::kSignature, std::string(lang.sent_from_phone)});
    return out;
  }
  prose(std::string(lang.signoffs[static_cast<size_t>(from.signoff) % lang.signoffs.size()]));
  if (from.sig_dashes) {
    out.push_back({Kind::kSignature, from.first});
    blank();
    out.push_back({Kind::kSignature, "-- "});
    out.push_back({Kind::kSignature, from.name});
  } else {
    out.push_back({Kind::kSignature, from.name});
  }
  if (!brief || r.Chance(0.3)) {
    out.push_back({Kind::kSignature, from.title + " | " + from.company});
    if (r.Chance(0.7)) out.push_back({Kind::kSignature, "T " + from.phone});
    if (r.Chance(0.5)) out.push_back({Kind::kSignature, from.web});
  }
  // A footer the client's signature template carries (a gateway's is added later).
  if (client && c.org.footer >= 0 && !c.org.gateway_footer) {
    blank();
    const Lang& ol = Langs()[static_cast<size_t>(c.org.lang)];
    const std::string footer =
        Fill(ol.footers[static_cast<size_t>(c.org.footer)],
             {{"company", c.org.name}, {"city", c.org.city}, {"regno", c.org.regno}});
    if (c.org.banner) out.push_back({Kind::kFooter, std::string(70, '*')});
    for (std::string_view l : SplitLines(footer)) out.push_back({Kind::kFooter, std::string(l)});
    if (c.org.banner) out.push_back({Kind::kFooter, std::string(70, '*')});
  }
  if (client && c.org.environment >= 0) {
    blank();
    out.push_back(
        {Kind::kFooter, Fill(words::EnvironmentLines()[static_cast<size_t>(c.org.environment)],
                             {{"company", c.org.name}})});
  }
  return out;
}

std::string GatewayFooter(const Context& c) {
  const Lang& ol = Langs()[static_cast<size_t>(c.org.lang)];
  return Fill(ol.footers[static_cast<size_t>(c.org.footer)],
              {{"company", c.org.name}, {"city", c.org.city}, {"regno", c.org.regno}});
}

std::string RenderText(const std::vector<Line>& lines, Client client) {
  const bool wrap = client == Client::kThunderbird || client == Client::kMutt;
  std::string out;
  for (const Line& l : lines) {
    if (wrap && (l.kind == Kind::kProse || l.kind == Kind::kFooter))
      out += Wrap(l.text, 72, client == Client::kThunderbird);
    else
      out += l.text;
    out += '\n';
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

constexpr std::string_view kLogoCid = "image001.png@01DB2C3A.5F6E7D80";

std::string RenderHtml(const std::vector<Line>& lines, const Person& from, bool logo) {
  std::string out;
  if (from.client == Client::kGmailHtml) {
    out += "<div dir=\"ltr\">";
    bool in_sig = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      if (l.kind == Kind::kSignature && !in_sig) {
        out +=
            "<div><br></div>-- <br><div dir=\"ltr\" class=\"gmail_signature\" "
            "data-smartmail=\"gmail_signature\"><div dir=\"ltr\">";
        in_sig = true;
      }
      if (l.kind == Kind::kBlank) {
        out += in_sig ? "<br>" : "<div><br></div>";
      } else if (l.kind == Kind::kMono) {
        out += "<div><font face=\"monospace\">" + HtmlEscape(l.text) + "</font></div>";
      } else if (l.kind == Kind::kFooter) {
        out += "<div><font size=\"1\" color=\"#888888\">" + HtmlEscape(l.text) + "</font></div>";
      } else if (in_sig) {
        if (l.text != "-- ") out += HtmlEscape(l.text) + "<br>";
      } else {
        out += "<div>" + HtmlEscape(l.text) + "</div>";
      }
    }
    if (in_sig) out += "</div></div>";
    out += "</div>\n";
    return out;
  }
  // Outlook: Word's paragraphs.
  for (const Line& l : lines) {
    switch (l.kind) {
      case Kind::kBlank:
        out += "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n";
        break;
      case Kind::kMono:
        out += "<p class=\"MsoPlainText\">" + HtmlEscape(l.text) + "<o:p></o:p></p>\n";
        break;
      case Kind::kSignature:
        out += "<p class=\"MsoNormal\"><span style=\"font-size:9.0pt;color:#595959\">" +
               HtmlEscape(l.text) + "<o:p></o:p></span></p>\n";
        break;
      case Kind::kFooter:
        out += "<p class=\"MsoNormal\"><span style=\"font-size:7.5pt;color:gray\">" +
               HtmlEscape(l.text) + "<o:p></o:p></span></p>\n";
        break;
      case Kind::kProse:
        out += "<p class=\"MsoNormal\">" + HtmlEscape(l.text) + "<o:p></o:p></p>\n";
        break;
    }
  }
  if (logo) {
    out +=
        "<p class=\"MsoNormal\"><img width=\"160\" height=\"48\" style=\"width:1.6666in;"
        "height:.5in\" id=\"Picture_x0020_1\" src=\"cid:" +
        std::string(kLogoCid) + "\" alt=\"" + HtmlEscape(from.company) + "\"><o:p></o:p></p>\n";
  }
  return out;
}

// A plain-text message shown as HTML, for a reply in an HTML client.
std::string TextAsHtml(std::string_view text, bool outlook) {
  std::string out = outlook ? "<div><p class=\"MsoNormal\">" : "<div dir=\"ltr\">";
  bool first = true;
  for (std::string_view l : SplitLines(text)) {
    if (!first) out += "<br>\n";
    out += HtmlEscape(l);
    first = false;
  }
  out += outlook ? "<o:p></o:p></p></div>\n" : "</div>\n";
  return out;
}

std::string Prefix(std::string_view text, bool tight) {
  std::string out;
  out.reserve(text.size() + text.size() / 20 + 8);
  for (std::string_view l : SplitLines(text)) {
    if (l.empty()) {
      out += ">\n";
    } else if (tight && l[0] == '>') {
      out += '>';
      out += l;
      out += '\n';
    } else {
      out += "> ";
      out += l;
      out += '\n';
    }
  }
  return out;
}

std::string OutlookSubjectPrefix(const Person& p, bool forward) {
  const Lang& lang = Langs()[static_cast<size_t>(p.lang)];
  if (Outlook(p.client)) return std::string(forward ? lang.fw_outlook : lang.re_outlook);
  return std::string(forward ? lang.fw_gmail : lang.re_gmail);
}

// ---- MIME.

struct Entity {
  std::string head;  // Content-* lines
  std::string body;  // encoded
};

std::string Boundary(Rng& r, Client c) {
  char b[64];
  const unsigned long long x = r.Next(), y = r.Next();
  switch (c) {
    case Client::kGmailHtml:
    case Client::kGmailText:
      std::snprintf(b, sizeof b, "000000000000%014llx", x & 0xFFFFFFFFFFFFFull);
      break;
    case Client::kOutlookHtml:
    case Client::kOutlookText:
      std::snprintf(b, sizeof b, "_000_%016llX_", x);
      break;
    case Client::kApple:
      std::snprintf(b, sizeof b, "Apple-Mail-%08llX-%04llX-%012llX", x >> 32, y & 0xFFFF, y >> 16);
      break;
    default:
      std::snprintf(b, sizeof b, "------------%012llx%012llx", x & 0xFFFFFFFFFFFFull,
                    y & 0xFFFFFFFFFFFFull);
  }
  return b;
}

Entity Multipart(std::string_view subtype, const std::string& boundary,
                 const std::vector<Entity>& parts, std::string_view params = {}) {
  Entity e;
  e.head = "Content-Type: multipart/" + std::string(subtype) + ";" + std::string(params) +
           "\n\tboundary=\"" + boundary + "\"\n";
  for (const Entity& p : parts) {
    e.body += "\n--" + boundary + "\n" + p.head + "\n" + p.body;
    if (e.body.back() != '\n') e.body += '\n';
  }
  e.body += "\n--" + boundary + "--\n";
  return e;
}

// A text part in the sender's charset and transfer encoding. Returns the encoded size over the
// decoded UTF-8 size in *ratio, to scale the quoted share.
Entity TextPart(std::string_view subtype, std::string_view utf8, const Person& p,
                const std::string& charset, double* ratio) {
  std::string bytes(utf8);
  if (charset == "iso-8859-1") ToLatin1(utf8, &bytes);
  size_t longest = 0;
  for (std::string_view l : SplitLines(bytes)) longest = std::max(longest, l.size());
  const bool ascii = IsAscii(bytes);
  std::string cte;
  if (subtype == "html") {
    cte = p.cte == 2 && !ascii ? "base64" : "quoted-printable";
  } else if (Outlook(p.client)) {
    cte = "quoted-printable";
  } else if (ascii) {
    cte = longest <= 76                                                    ? "7bit"
          : longest > 998 || Gmail(p.client) || p.client == Client::kApple ? "quoted-printable"
                                                                           : "7bit";
  } else {
    cte = p.cte == 2 ? "base64" : p.cte == 1 && longest <= 998 ? "8bit" : "quoted-printable";
  }
  Entity e;
  e.head = "Content-Type: text/" + std::string(subtype) + "; charset=\"" + charset + "\"";
  if (subtype == "plain" && p.client == Client::kThunderbird) e.head += "; format=flowed";
  e.head += "\nContent-Transfer-Encoding: " + cte + "\n";
  if (cte == "base64") {
    e.body = Base64(bytes);
  } else if (cte == "quoted-printable") {
    e.body = QuotedPrintable(bytes);
  } else {
    e.body = bytes;
    if (e.body.empty() || e.body.back() != '\n') e.body += '\n';
  }
  *ratio =
      utf8.empty() ? 1.0 : static_cast<double>(e.body.size()) / static_cast<double>(utf8.size());
  return e;
}

std::string RandomBytes(Rng& r, size_t n) {
  std::string out;
  out.reserve(n + 8);
  while (out.size() < n) {
    uint64_t v = r.Next();
    for (int i = 0; i < 8 && out.size() < n; ++i, v >>= 8)
      out.push_back(static_cast<char>(v & 0xFF));
  }
  return out;
}

std::string FileBytes(Rng& r, std::string_view name, size_t size) {
  std::string head, tail;
  if (name.ends_with(".png")) {
    head = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0", 29);
    head += RandomBytes(r, 4) + std::string("\0\0\x20\0IDAT", 8);
    tail = std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
  } else if (name.ends_with(".xlsx")) {
    head = std::string("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 14) + "[Content_Types].xml";
    tail = std::string("PK\x05\x06\0\0\0\0\x0b\0\x0b\0", 12);
  } else {
    head =
        "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        "4 0 obj\n<< /Length " +
        std::to_string(size) + " /Filter /FlateDecode >>\nstream\n";
    tail = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  }
  const size_t body = size > head.size() + tail.size() ? size - head.size() - tail.size() : 16;
  return head + RandomBytes(r, body) + tail;
}

std::string MimeType(std::string_view name) {
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".xlsx"))
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/pdf";
}

Entity AttachmentPart(Rng& r, const Person& p, std::string_view name, size_t size) {
  const std::string mime = MimeType(name);
  std::string name_param, file_param;
  if (IsAscii(name)) {
    name_param = "name=\"" + std::string(name) + "\"";
    file_param = "filename=\"" + std::string(name) + "\"";
  } else if (p.client == Client::kThunderbird || p.client == Client::kMutt) {
    name_param = "name*=" + Rfc2231(name);
    file_param = "filename*=" + Rfc2231(name);
  } else {
    const std::string w = EncodedWords(name, p.latin1, Gmail(p.client));
    name_param = "name=\"" + w + "\"";
    file_param = "filename=\"" + w + "\"";
  }
  Entity e;
  e.head = "Content-Type: " + mime + ";\n\t" + name_param + "\n";
  if (Outlook(p.client))
    e.head += "Content-Description: " + std::string(IsAscii(name) ? name : "attachment") + "\n";
  e.head +=
      "Content-Disposition: attachment;\n\t" + file_param + "; size=" + std::to_string(size) + "\n";
  e.head += "Content-Transfer-Encoding: base64\n";
  if (Gmail(p.client)) {
    char id[40];
    std::snprintf(id, sizeof id, "f_l%010llx0",
                  static_cast<unsigned long long>(r.Next() & 0xFFFFFFFFFFull));
    e.head += "X-Attachment-Id: " + std::string(id) + "\nContent-ID: <" + id + ">\n";
  }
  e.body = Base64(FileBytes(r, name, size));
  return e;
}

Entity LogoPart(Rng& r) {
  Entity e;
  e.head =
      "Content-Type: image/png; name=\"image001.png\"\nContent-Description: image001.png\n"
      "Content-Disposition: inline; filename=\"image001.png\"; size=5123\n"
      "Content-ID: <" +
      std::string(kLogoCid) + ">\nContent-Transfer-Encoding: base64\n";
  e.body = Base64(FileBytes(r, "image001.png", 5123));
  return e;
}

std::string MessageId(Rng& r, const Person& p) {
  char b[160];
  const unsigned long long x = r.Next(), y = r.Next();
  if (Gmail(p.client)) {
    std::string s = "CA";
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_=-";
    for (int i = 0; i < 42; ++i) s += alphabet[r.Below(66)];
    return s + "@mail.webmail.example";
  }
  if (Outlook(p.client)) {
    std::snprintf(b, sizeof b,
                  "AM%lluPR%02lluMB%04llu%016llX%016llX@AM%lluPR%02lluMB%04llu.eurprd%02llu.prod."
                  "cloudmail.example",
                  x % 9, x / 10 % 100, x / 1000 % 10000, x, y, x % 9, x / 10 % 100,
                  x / 1000 % 10000, x / 10 % 100);
    return b;
  }
  if (p.client == Client::kMutt) {
    std::snprintf(b, sizeof b, "%016llx.%08llx@%s", x, y & 0xFFFFFFFF, p.host.c_str());
    return b;
  }
  std::snprintf(
      b, sizeof b, "%08llx-%04llx-4%03llx-%04llx-%012llx@%s", x >> 32, (x >> 16) & 0xFFFF,
      x & 0xFFF, (y >> 48) | 0x8000, y & 0xFFFFFFFFFFFFull,
      p.org >= 0 ? p.host.substr(p.host.find('.') + 1).c_str() : std::string(kOwnDomain).c_str());
  return b;
}

// "Name <email>, Name <email>" folded under 78 columns.
std::string AddressList(std::string_view field, const std::vector<std::string>& addrs) {
  std::string out(field);
  size_t col = out.size();
  for (size_t i = 0; i < addrs.size(); ++i) {
    if (i > 0) {
      out += ",";
      ++col;
    }
    if (i > 0 && col + addrs[i].size() + 1 > 78) {
      out += "\n\t";
      col = 1;
    } else {
      out += " ";
      ++col;
    }
    out += addrs[i];
    col += addrs[i].size();
  }
  return out + "\n";
}

std::string HeaderText(std::string_view utf8, const Person& p) {
  if (IsAscii(utf8) || p.raw_headers) return std::string(utf8);
  return EncodedWords(utf8, p.latin1, Gmail(p.client));
}

std::string HeaderAddress(const Person& p) {
  if (IsAscii(p.display) || p.raw_headers) return Address(p);
  return EncodedWords(p.display, p.latin1, Gmail(p.client)) + " <" + p.email + ">";
}

std::string Folded(std::string_view field, std::string_view value, size_t width) {
  std::string out(field);
  out += ' ';
  size_t col = out.size();
  for (size_t i = 0; i < value.size(); i += width) {
    if (i > 0) {
      out += "\n\t";
      col = 1;
    }
    out += value.substr(i, width);
    col += width;
  }
  (void)col;
  return out + "\n";
}

std::string TraceHeaders(Rng& r, const Person& from, int64_t t) {
  std::string h;
  const std::string own = "dana@" + std::string(kOwnDomain);
  char ip[48];
  const bool net = r.Chance(0.5);
  const long host = r.Between(2, 250);
  std::snprintf(ip, sizeof ip, "%s.%ld", net ? "198.51.100" : "203.0.113", host);
  char qid[24];
  std::snprintf(qid, sizeof qid, "%010llX",
                static_cast<unsigned long long>(r.Next() & 0xFFFFFFFFFFull));
  h += "Return-Path: <" + from.email + ">\nDelivered-To: " + own + "\n";
  h += "Received: from mx1.brightline.example (mx1.brightline.example [192.0.2.10])\n"
       "\tby imap.brightline.example with LMTP\n\tid " +
       std::string(qid) + "\n\t(envelope-from <" + from.email + ">)\n\tfor <" + own + ">; " +
       Rfc5322Date(t + 41, 0) + "\n";
  if (from.org < 0) return h;
  const std::string domain = from.email.substr(from.email.find('@') + 1);
  h += "Received: from " + from.host + " (" + from.host + " [" + ip +
       "])\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)\n"
       "\tby mx1.brightline.example (Postfix) with ESMTPS id " +
       std::string(qid).substr(0, 9) + "\n\tfor <" + own + ">; " + Rfc5322Date(t + 37, 0) + "\n";
  if (from.host.find("cloudmail") != std::string::npos) {
    long v[16];  // drawn one by one: the order of function arguments is unspecified
    for (long& x : v) x = r.Between(1, 9999);
    char b[600];
    std::snprintf(
        b, sizeof b,
        "Received: from AM%ldPR%02ldMB%04ld.eurprd%02ld.prod.cloudmail.example\n"
        "\t([fe80::%lx:%lx:%lx]) by AM%ldPR%02ldMB%04ld.eurprd%02ld.prod.cloudmail.example\n"
        "\t([fe80::%lx:%lx:%lx%%6]) with mapi id 15.20.8%03ld.0%02ld; ",
        v[0] % 9 + 1, v[1] % 99 + 1, v[2], v[3] % 9 + 1, v[4] * 7, v[5] * 7, v[6] * 7, v[7] % 9 + 1,
        v[8] % 99 + 1, v[9], v[10] % 9 + 1, v[11] * 5, v[12] * 5, v[13] * 5, v[14] % 900 + 100,
        v[15] % 90 + 10);
    h += b + Rfc5322Date(t + 2, 0) + "\n";
  }
  const std::string dkim_b = Base64(RandomBytes(r, 6), 0);
  const std::string body_hash = Base64(RandomBytes(r, 32), 0);
  const bool long_key = from.host.find("cloudmail") != std::string::npos;
  const std::string signature = Base64(RandomBytes(r, long_key ? 256 : 128), 0);
  const long score = r.Between(0, 39);
  h += "Authentication-Results: mx1.brightline.example;\n\tdkim=pass (" +
       std::string(long_key ? "2048" : "1024") + "-bit key) header.d=" + domain + " header.i=@" +
       domain + " header.a=rsa-sha256 header.s=s2026 header.b=" + dkim_b + ";\n\tspf=pass (" +
       domain + ": " + ip + " is permitted) smtp.mailfrom=" + from.email +
       ";\n\tdmarc=pass (p=quarantine dis=none) header.from=" + domain + "\n";
  h += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain +
       "; s=s2026;\n\tt=" + std::to_string(t) + "; x=" + std::to_string(t + 604800) +
       "; darn=brightline.example;\n\th=to:subject:message-id:date:from:in-reply-to:references:"
       "mime-version\n\t :from:to:cc:subject:date:message-id:reply-to;\n\tbh=" +
       body_hash + ";\n" + Folded("\tb=", signature, 68);
  h += "X-Spam-Status: No, score=-" + std::to_string(score / 10) + "." +
       std::to_string(score % 10) + " required=5.0 tests=DKIM_SIGNED,DKIM_VALID,SPF_PASS\n";
  return h;
}

std::string ClientHeaders(Rng& r, const Person& p, const std::string& topic, int depth,
                          bool has_attachment) {
  std::string h;
  switch (p.client) {
    case Client::kOutlookHtml:
    case Client::kOutlookText: {
      const Lang& lang = Langs()[static_cast<size_t>(p.lang)];
      h += "Thread-Topic: " + HeaderText(topic, p) + "\n";
      h += "Thread-Index: " +
           Base64(RandomBytes(r, 22 + 5 * static_cast<size_t>(std::min(depth, 40))), 0) + "\n";
      h += "Accept-Language: " + std::string(lang.content_language) +
           (lang.content_language == "en-US" ? "\n" : ", en-US\n");
      h += "Content-Language: " + std::string(lang.content_language) + "\n";
      h += "X-MS-Has-Attach: " + std::string(has_attachment ? "yes" : "") + "\n";
      h += "X-MS-TNEF-Correlator:\n";
      if (!p.owa) h += "X-Mailer: Microsoft Outlook 16.0\n";
      if (p.host.find("cloudmail") == std::string::npos) break;
      h += "x-ms-exchange-organization-scl: -1\nx-ms-publictraffictype: Email\n";
      const uint64_t v = r.Next();
      h += "x-ms-traffictypediagnostic: AM" + std::to_string(1 + v % 9) + "PR" +
           std::to_string(10 + v / 9 % 90) + "MB" + std::to_string(1000 + v / 810 % 9000) +
           ":EE_|DB" + std::to_string(1 + v / 7290000 % 9) + "PR" +
           std::to_string(10 + v / 65610000 % 90) + "MB" +
           std::to_string(1000 + v / 5904900000 % 9000) + ":EE_\n";
      const unsigned long long g1 = r.Next(), g2 = r.Next();
      char guid[48];
      std::snprintf(guid, sizeof guid, "%08llx-%04llx-%04llx-%04llx-%012llx", g1 >> 32,
                    (g1 >> 16) & 0xFFFF, g1 & 0xFFFF, g2 >> 48, g2 & 0xFFFFFFFFFFFFull);
      h += "x-ms-office365-filtering-correlation-id: " + std::string(guid) + "\n";
      break;
    }
    case Client::kGmailHtml:
    case Client::kGmailText:
      h += "X-Gm-Message-State: " + Base64(RandomBytes(r, 45), 0) + "\n";
      break;
    case Client::kThunderbird:
      h += "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101\n "
           "Thunderbird/115.12.0\n";
      h += "Content-Language: " +
           std::string(Langs()[static_cast<size_t>(p.lang)].content_language) + "\n";
      break;
    case Client::kApple:
      h += "X-Mailer: iPhone Mail (21G93)\n";
      break;
    case Client::kMutt:
      h += "User-Agent: NeoMutt/20220429\n";
      break;
  }
  return h;
}

// ---- A message, composed and encoded.

struct Composed {
  RealisticMessage message;
  Sent sent;
};

Composed Compose(Context& c, int pos, const std::vector<Sent>& earlier) {
  Rng r(Key(c.seed, 0xB0D, static_cast<uint64_t>(c.plan.id), static_cast<uint64_t>(pos)));
  const Planned& pm = c.plan.msgs[static_cast<size_t>(pos)];
  const Person& from = PersonOf(c, pm.sender);
  const Sent* parent = pm.parent >= 0 ? &earlier[static_cast<size_t>(pm.parent)] : nullptr;
  const Lang& lang = Langs()[static_cast<size_t>(from.lang)];

  // Recipients: the parent's sender (or, following up one's own message, its addressees), and
  // everyone else of the thread in copy.
  const bool forward = parent != nullptr && pm.sender < 0 && r.Chance(0.04);
  std::vector<int> to_ids, cc_ids;
  if (forward) {
    to_ids.push_back(pm.sender == -1 ? -1 - c.plan.colleague : -1);
  } else {
    int to = parent != nullptr ? parent->sender : (pm.sender >= 0 ? -1 : 0);
    if (to == pm.sender) to = pm.sender >= 0 ? -1 : 0;
    to_ids.push_back(to);
    for (int k = 0; k < c.plan.clients; ++k)
      if (k != pm.sender && k != to && (pos > 0 || k == 0)) cc_ids.push_back(k);
    for (int o : {-1, -1 - c.plan.colleague})
      if (o != pm.sender && o != to && (pos > 0 || o == -1)) cc_ids.push_back(o);
  }
  const Person& to_person = PersonOf(c, to_ids[0]);
  std::vector<std::string> to_addrs, cc_addrs;
  std::string to_names, cc_names;
  for (int id : to_ids) {
    to_addrs.push_back(HeaderAddress(PersonOf(c, id)));
    to_names += (to_names.empty() ? "" : "; ") + PersonOf(c, id).display;
  }
  for (int id : cc_ids) {
    cc_addrs.push_back(HeaderAddress(PersonOf(c, id)));
    cc_names += (cc_names.empty() ? "" : "; ") + PersonOf(c, id).display;
  }

  // Subject.
  const std::string number = std::to_string(c.plan.number);
  const std::string topic =
      Fill(c.thread_lang.topics[static_cast<size_t>(c.plan.topic)], {{"n", number}});
  const std::string subject =
      parent == nullptr ? topic : OutlookSubjectPrefix(from, forward) + topic;

  // Words.
  bool has_log = false, has_paste = false;
  const std::vector<Line> fresh =
      FreshWords(r, c, from, to_person, pos, static_cast<int>(to_ids.size() + cc_ids.size()),
                 &has_log, &has_paste);
  const bool html = Html(from.client);
  const bool logo = from.client == Client::kOutlookHtml && from.org >= 0 && c.org.logo;
  const std::string fresh_text = RenderText(fresh, from.client);
  std::string text = fresh_text, inner = html ? RenderHtml(fresh, from, logo) : "";
  const size_t fresh_html = inner.size();
  size_t fresh_text_bytes = fresh_text.size();
  std::string style;

  if (parent != nullptr) {
    const std::string parent_html =
        parent->html.empty() ? TextAsHtml(parent->text, Outlook(from.client)) : parent->html;
    const std::string p_date_outlook = When(lang.outlook_date, lang, parent->time, from.tz);
    if (Outlook(from.client)) {
      style = "outlook";
      std::string block = "\n";
      if (from.owa || from.client == Client::kOutlookHtml) {
        block += "________________________________\n" + std::string(lang.l_from) + " " +
                 parent->from_display + " <" + parent->from_email + ">\n";
      } else {
        block += std::string(lang.original_message) + "\n" + std::string(lang.l_from) + " " +
                 parent->from_display + " [mailto:" + parent->from_email + "]\n";
      }
      block += std::string(lang.l_sent) + " " + p_date_outlook + "\n" + std::string(lang.l_to) +
               " " + parent->to_names + "\n";
      if (!parent->cc_names.empty())
        block += std::string(lang.l_cc) + " " + parent->cc_names + "\n";
      block += std::string(lang.l_subject) + " " + parent->subject + "\n\n";
      text += block + parent->text;
      if (html) {
        const std::string cc_row =
            parent->cc_names.empty()
                ? ""
                : "<br>\n<b>" + HtmlEscape(lang.l_cc) + "</b> " + HtmlEscape(parent->cc_names);
        if (from.owa) {
          inner +=
              "<div id=\"appendonsend\"></div>\n<hr style=\"display:inline-block;width:98%\" "
              "tabindex=\"-1\">\n<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, "
              "sans-serif\" style=\"font-size:11pt\" color=\"#000000\"><b>" +
              HtmlEscape(lang.l_from) + "</b> " + HtmlEscape(parent->from_display) + " &lt;" +
              HtmlEscape(parent->from_email) + "&gt;<br>\n<b>" + HtmlEscape(lang.l_sent) + "</b> " +
              HtmlEscape(p_date_outlook) + "<br>\n<b>" + HtmlEscape(lang.l_to) + "</b> " +
              HtmlEscape(parent->to_names) + cc_row + "<br>\n<b>" + HtmlEscape(lang.l_subject) +
              "</b> " + HtmlEscape(parent->subject) +
              "</font>\n<div>&nbsp;</div>\n</div>\n<div dir=\"ltr\">\n" + parent_html + "</div>\n";
        } else {
          inner +=
              "<div>\n<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt "
              "0cm 0cm 0cm\">\n<p class=\"MsoNormal\"><b>" +
              HtmlEscape(lang.l_from) + "</b> " + HtmlEscape(parent->from_display) + " &lt;" +
              HtmlEscape(parent->from_email) + "&gt; <br>\n<b>" + HtmlEscape(lang.l_sent) +
              "</b> " + HtmlEscape(p_date_outlook) + "<br>\n<b>" + HtmlEscape(lang.l_to) + "</b> " +
              HtmlEscape(parent->to_names) + cc_row + "<br>\n<b>" + HtmlEscape(lang.l_subject) +
              "</b> " + HtmlEscape(parent->subject) +
              "<o:p></o:p></p>\n</div>\n</div>\n<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n" +
              parent_html;
        }
      }
    } else if (forward) {
      style = "forward";
      const std::string date = When(lang.gmail_forward_date, lang, parent->time, from.tz);
      text = RenderText({{Kind::kProse, std::string(r.Pick(words::ForwardNotes()))}}, from.client) +
             "\n" + fresh_text;
      fresh_text_bytes = text.size();
      text += "\n\n" + std::string(lang.forwarded) + "\n" + std::string(lang.l_from) + " " +
              parent->from_display + " <" + parent->from_email + ">\nDate: " + date +
              "\nSubject: " + parent->subject + "\nTo: " + parent->to_field + "\n\n" + parent->text;
      if (html) {
        inner += "<br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">" +
                 HtmlEscape(lang.forwarded) +
                 "<br>From: <strong class=\"gmail_sendername\" "
                 "dir=\"auto\">" +
                 HtmlEscape(parent->from_display) +
                 "</strong> <span "
                 "dir=\"auto\">&lt;" +
                 HtmlEscape(parent->from_email) + "&gt;</span><br>Date: " + HtmlEscape(date) +
                 "<br>Subject: " + HtmlEscape(parent->subject) +
                 "<br>To: " + HtmlEscape(parent->to_field) + "<br></div><br><br>" + parent_html +
                 "</div>\n";
      }
    } else {
      const std::string attribution =
          from.client == Client::kThunderbird
              ? When(lang.client_attribution, lang, parent->time, from.tz, parent->from_display)
          : from.client == Client::kApple
              ? When("On {mon} {d}, {y}, at {HH}:{MM}, {name} <{email}> wrote:", Langs()[0],
                     parent->time, from.tz, parent->from_display, parent->from_email)
          : from.client == Client::kMutt
              ? When("On {wd}, {mon} {dd}, {y} at {HH}:{MM}:{SS}{AP} {tz}, {name} wrote:",
                     Langs()[0], parent->time, from.tz, parent->from_display)
              : When(lang.gmail_attribution, lang, parent->time, from.tz, parent->from_display,
                     parent->from_email);
      std::string attr_text = attribution;
      if (Gmail(from.client) && attr_text.size() > 78) {  // Gmail wraps it after the "<"
        const size_t lt = attr_text.rfind('<');
        if (lt != std::string::npos) attr_text.insert(lt + 1, "\n");
      }
      const bool tight = from.client == Client::kThunderbird;
      const size_t mode = (from.client == Client::kThunderbird || from.client == Client::kMutt)
                              ? r.Weighted({from.client == Client::kMutt ? 10 : 50, 30, 20})
                              : 0;
      if (mode == 0) {  // top-posted
        style = "gmail";
        if (from.client == Client::kApple)
          text += "\n\n> " + attr_text + "\n> \n" + Prefix(parent->text, false);
        else
          text += "\n\n" + attr_text + (tight ? "\n" : "\n\n") + Prefix(parent->text, tight);
      } else if (mode == 1) {  // bottom-posted
        style = "bottom";
        text = attr_text + "\n" + Prefix(parent->text, tight) + "\n" + fresh_text;
      } else {  // inline: answers between the quoted paragraphs
        style = "inline";
        text = attr_text + "\n";
        fresh_text_bytes = 0;
        std::string para;
        int answered = 0;
        const std::vector<std::string_view> plines = SplitLines(parent->text);
        for (size_t i = 0; i <= plines.size(); ++i) {
          if (i < plines.size() && !plines[i].empty()) {
            para += plines[i];
            para += '\n';
            continue;
          }
          if (para.empty()) continue;
          text += Prefix(para, tight);
          para.clear();
          if (answered < 3 && r.Chance(0.6)) {
            const std::string answer = std::string(r.Pick(words::InlineAnswers()));
            text += "\n" + answer + "\n\n";
            fresh_text_bytes += answer.size() + 3;
            ++answered;
          }
        }
        text += "\n" + fresh_text;
        fresh_text_bytes += fresh_text.size() + 1;
      }
      if (html) {
        inner += "<br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">" +
                 HtmlEscape(attribution) +
                 "<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px "
                 "0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">" +
                 parent_html + "</blockquote></div>\n";
      }
    }
  }
  // A footer the sender's gateway adds under everything, quoted history included.
  if (from.org >= 0 && c.org.footer >= 0 && c.org.gateway_footer) {
    const std::string footer = GatewayFooter(c);
    std::string block = "\n";
    if (c.org.banner) block += std::string(70, '*') + "\n";
    block += footer + "\n";
    if (c.org.banner) block += std::string(70, '*') + "\n";
    text += block;
    fresh_text_bytes += block.size();
    if (html) {
      std::string h = "<div style=\"font-size:8pt;color:#808080\">";
      for (std::string_view l : SplitLines(footer)) h += HtmlEscape(l) + "<br>\n";
      inner += h + "</div>\n";
    }
  }

  // The message.
  RealisticMessage m;
  m.thread = c.plan.id;
  m.position = pos;
  m.time = pm.time;
  m.reply = parent != nullptr;
  m.html = html;
  m.quote_style = style;
  m.log_excerpt = has_log;
  m.pasted_export = has_paste;
  m.client = ClientName(from.client);
  m.message_id = MessageId(r, from);
  const bool ascii = IsAscii(text) && IsAscii(inner);
  m.non_ascii = !ascii;
  std::string latin1_probe;
  m.charset =
      ascii ? (Gmail(from.client) || from.client == Client::kThunderbird ? "UTF-8" : "us-ascii")
      : from.latin1 && ToLatin1(text, &latin1_probe) && ToLatin1(inner, &latin1_probe)
          ? "iso-8859-1"
          : (Outlook(from.client) ? "utf-8" : "UTF-8");

  double text_ratio = 1, html_ratio = 1;
  Entity body = TextPart("plain", text, from, m.charset, &text_ratio);
  double quoted =
      static_cast<double>(text.size() - std::min(text.size(), fresh_text_bytes)) * text_ratio;
  if (html) {
    std::string doc;
    if (from.client == Client::kOutlookHtml) {
      const Lang& l = Langs()[static_cast<size_t>(from.lang)];
      doc =
          from.owa
              ? "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" +
                    m.charset +
                    "\">\n<style type=\"text/css\" style=\"display:none;\"> P "
                    "{margin-top:0;margin-bottom:0;} </style>\n</head>\n<body dir=\"ltr\">\n<div "
                    "class=\"elementToProof\" style=\"font-family: Aptos, Calibri, Helvetica, "
                    "sans-serif; font-size: 12pt; color: rgb(0, 0, 0);\">\n" +
                    inner + "</div>\n</body>\n</html>\n"
              : "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" "
                "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                "xmlns:w=\"urn:schemas-microsoft-com:office:word\" "
                "xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\" "
                "xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n<meta "
                "http-equiv=\"Content-Type\" content=\"text/html; charset=" +
                    m.charset +
                    "\">\n<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered "
                    "medium)\">\n<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:"
                    "\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n@font-face\n\t{font-"
                    "family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n/* Style Definitions "
                    "*/\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11."
                    "0pt;\n\tfont-family:\"Calibri\",sans-serif;}\na:link, "
                    "span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-"
                    "decoration:underline;}\np.MsoPlainText, li.MsoPlainText, "
                    "div.MsoPlainText\n\t{margin:0cm;\n\tfont-size:10.0pt;\n\tfont-family:"
                    "\"Courier New\",monospace;}\nspan.EmailStyle19\n\t{mso-style-type:personal-"
                    "reply;\n\tfont-family:\"Calibri\",sans-serif;\n\tcolor:windowtext;}\n."
                    "MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:10.0pt;}\n@page "
                    "WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:72.0pt 72.0pt 72.0pt "
                    "72.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style>\n</"
                    "head>\n<body "
                    "lang=\"" +
                    std::string(l.content_language) +
                    "\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\n<div "
                    "class=\"WordSection1\">\n" +
                    inner + "</div>\n</body>\n</html>\n";
    } else {
      doc = inner;
    }
    Entity html_part = TextPart("html", doc, from, m.charset, &html_ratio);
    quoted += static_cast<double>(inner.size() - std::min(inner.size(), fresh_html)) * html_ratio;
    body = Multipart("alternative", Boundary(r, from.client), {body, html_part});
    if (logo) {
      m.inline_image = true;
      const std::string boundary = Boundary(r, from.client);
      body = Multipart("related", boundary, {body, LogoPart(r)},
                       "\n\ttype=\"multipart/alternative\";");
    }
  }
  const bool big = r.Chance(0.0002);
  if (from.client != Client::kApple && (big || r.Chance(0.03))) {
    m.attachment = true;
    const bool foreign_name = from.lang != 0 && r.Chance(0.5);
    const std::string name = Fill(
        r.Pick(foreign_name ? words::ForeignAttachments() : words::Attachments()), {{"n", number}});
    const size_t which = r.Weighted({75, 22, 3});
    const long size = big          ? r.Between(1000000, 1600000)
                      : which == 0 ? r.Between(3000, 20000)
                      : which == 1 ? r.Between(20000, 60000)
                                   : r.Between(60000, 200000);
    std::vector<Entity> parts = {body, AttachmentPart(r, from, name, static_cast<size_t>(size))};
    if (r.Chance(0.15))
      parts.push_back(AttachmentPart(r, from, Fill("screenshot.png", {}),
                                     static_cast<size_t>(r.Between(10000, 40000))));
    body = Multipart("mixed", Boundary(r, from.client), parts);
  }

  // Headers.
  std::string refs = parent == nullptr ? "" : parent->references;
  if (parent != nullptr) {
    if (!refs.empty()) refs += "\n ";
    refs += "<" + parent->message_id + ">";
  }
  std::string h;
  if (pm.sender != -1) h += TraceHeaders(r, from, pm.time);
  h += "From: " + HeaderAddress(from) + "\n";
  h += AddressList("To:", to_addrs);
  if (!cc_addrs.empty()) h += AddressList("Cc:", cc_addrs);
  h += "Subject: " + HeaderText(subject, from) + "\n";
  h += "Date: " + Rfc5322Date(pm.time, from.tz) + "\n";
  h += "Message-ID: <" + m.message_id + ">\n";
  if (parent != nullptr) {
    h += "In-Reply-To: <" + parent->message_id + ">\n";
    h += "References: " + refs + "\n";
  }
  h += ClientHeaders(r, from, topic, pos, m.attachment);
  h += "MIME-Version: 1.0\n";
  m.bytes = h + body.head + "\n" + body.body;
  m.quoted_bytes = static_cast<size_t>(quoted);

  Composed out;
  out.sent.text = std::move(text);
  out.sent.html = std::move(inner);
  out.sent.from_name = from.name;
  out.sent.from_email = from.email;
  out.sent.from_display = from.display;
  out.sent.to_names = to_names;
  out.sent.cc_names = cc_names;
  for (size_t i = 0; i < to_ids.size(); ++i)
    out.sent.to_field += (i ? ", " : "") + Address(PersonOf(c, to_ids[i]));
  out.sent.subject = subject;
  out.sent.message_id = m.message_id;
  out.sent.references = refs;
  out.sent.time = pm.time;
  out.sent.sender = pm.sender;
  out.message = std::move(m);
  return out;
}

}  // namespace

void GenerateRealisticMail(uint64_t seed, long first, long count,
                           const std::function<void(RealisticMessage&&)>& sink) {
  if (count <= 0 || first < 0) return;
  Directory dir(seed);
  const long need = first + count;

  // 1. Plan threads in order of their first message until the `need` oldest messages are known:
  // once the need-th oldest message so far is older than the next thread's start, no later thread
  // can come before it.
  std::vector<Plan> plans;
  Rng starts(Key(seed, 0x57A));
  int64_t next_start = 0;  // working seconds (OfficeTime)
  auto advance = [&] { next_start += 60 * starts.Between(1, 30); };
  long total = 0;
  std::vector<int64_t> times;
  for (;;) {
    plans.push_back(MakePlan(dir, seed, static_cast<long>(plans.size()), next_start));
    total += static_cast<long>(plans.back().msgs.size());
    advance();
    if (total >= need && plans.size() % 16 == 0) {
      times.clear();
      for (const Plan& p : plans)
        for (const Planned& m : p.msgs) times.push_back(m.time);
      std::nth_element(times.begin(), times.begin() + (need - 1), times.end());
      if (times[static_cast<size_t>(need - 1)] < OfficeTime(next_start)) break;
    }
  }

  // 2. Number the messages by date.
  struct Slot {
    int64_t time;
    long thread;
    int pos;
  };
  std::vector<Slot> slots;
  slots.reserve(static_cast<size_t>(total));
  for (const Plan& p : plans)
    for (size_t i = 0; i < p.msgs.size(); ++i)
      slots.push_back({p.msgs[i].time, p.id, static_cast<int>(i)});
  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
    return a.time != b.time       ? a.time < b.time
           : a.thread != b.thread ? a.thread < b.thread
                                  : a.pos < b.pos;
  });
  std::map<long, std::vector<std::pair<int, long>>> wanted;  // thread -> (position, number)
  for (long n = first; n < need; ++n) {
    const Slot& s = slots[static_cast<size_t>(n)];
    wanted[s.thread].push_back({s.pos, n});
  }

  // 3. Write each thread that has a wanted message, from its start (replies quote their parent).
  for (auto& [thread, list] : wanted) {
    const Plan& plan = plans[static_cast<size_t>(thread)];
    std::sort(list.begin(), list.end());
    const Org& org = dir.OrgAt(plan.org);
    Context c{dir, seed, plan, org, Langs()[static_cast<size_t>(org.lang)]};
    std::vector<Sent> sent;
    size_t next = 0;
    for (int pos = 0; pos <= list.back().first; ++pos) {
      Composed composed = Compose(c, pos, sent);
      sent.push_back(std::move(composed.sent));
      if (next < list.size() && list[next].first == pos) {
        composed.message.number = list[next].second;
        ++next;
        sink(std::move(composed.message));
      }
    }
  }
}

void MailShape::Add(const RealisticMessage& m) {
  sizes_.push_back(m.bytes.size());
  total_ += m.bytes.size();
  quoted_ += std::min(m.quoted_bytes, m.bytes.size());
  replies_ += m.reply;
  html_ += m.html;
  attachments_ += m.attachment;
  inline_images_ += m.inline_image;
  non_ascii_ += m.non_ascii;
  utf8_ += m.non_ascii && (m.charset == "UTF-8" || m.charset == "utf-8");
  latin1_ += m.charset == "iso-8859-1";
  gmail_ += m.quote_style == "gmail";
  outlook_ += m.quote_style == "outlook";
  bottom_ += m.quote_style == "bottom";
  inline_ += m.quote_style == "inline";
  forward_ += m.quote_style == "forward";
  big_ += m.bytes.size() >= (1u << 20);
  logs_ += m.log_excerpt;
  pastes_ += m.pasted_export;
  thread_positions_.push_back({m.thread, m.position});
  ++clients_[m.client];
}

std::string MailShape::Describe() const {
  if (sizes_.empty()) return "no messages\n";
  std::vector<size_t> s = sizes_;
  std::sort(s.begin(), s.end());
  std::map<long, int> longest;
  for (const auto& [t, p] : thread_positions_) longest[t] = std::max(longest[t], p + 1);
  int max_thread = 0;
  for (const auto& [t, n] : longest) max_thread = std::max(max_thread, n);
  const double n = static_cast<double>(s.size());
  auto pct = [&](long v) { return 100.0 * static_cast<double>(v) / n; };
  auto kb = [](size_t v) { return static_cast<double>(v) / 1000.0; };
  char b[1024];
  std::string out;
  std::snprintf(b, sizeof b,
                "%zu messages in %zu threads (longest %d), %.1f MB; size median %.1f KB, p90 "
                "%.1f KB, max %.2f MB, %ld of 1 MiB or more  \n",
                s.size(), longest.size(), max_thread, static_cast<double>(total_) / 1e6,
                kb(s[s.size() / 2]), kb(s[s.size() * 9 / 10]), static_cast<double>(s.back()) / 1e6,
                big_);
  out += b;
  std::snprintf(b, sizeof b,
                "replies %.1f%% (top-posted with \"wrote:\" %.1f%%, Outlook blocks %.1f%%, "
                "bottom-posted %.1f%%, inline %.1f%%, forwards %.1f%%); %.1f%% of all bytes are "
                "quoted history  \n",
                pct(replies_), pct(gmail_), pct(outlook_), pct(bottom_), pct(inline_),
                pct(forward_), 100.0 * static_cast<double>(quoted_) / static_cast<double>(total_));
  out += b;
  std::snprintf(b, sizeof b,
                "HTML (multipart/alternative) %.1f%%; attachments %.1f%%, inline logos %.1f%%; "
                "non-ASCII %.1f%% (UTF-8 %.1f%%, ISO-8859-1 %.1f%%); new log excerpts %.1f%%, "
                "new pasted exports (50 to 9,000 CSV lines) %.1f%%  \n",
                pct(html_), pct(attachments_), pct(inline_images_), pct(non_ascii_), pct(utf8_),
                pct(latin1_), pct(logs_), pct(pastes_));
  out += b;
  out += "senders' clients:";
  bool first = true;
  for (const auto& [client, count] : clients_) {
    std::snprintf(b, sizeof b, "%s %s %.1f%%", first ? "" : ",", client.c_str(), pct(count));
    out += b;
    first = false;
  }
  out += "  \n";
  return out;
}

}  // namespace tonewatch::bench
