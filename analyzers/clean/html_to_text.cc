#include "analyzers/clean/html_to_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <mutex>

namespace tonewatch {
namespace {

// What Outlook writes for <hr> in its own text/plain part; the reply stripper reads a header
// block below such a line as a structural quote start.
constexpr std::string_view kRuleLine = "________________________________";

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

std::string_view Name(const xmlNode* node) {
  return node->name != nullptr ? std::string_view(reinterpret_cast<const char*>(node->name))
                               : std::string_view();
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsSkipped(std::string_view name) {
  return OneOf(name, {"head", "script", "style", "title", "template", "object", "embed", "svg",
                      "math", "iframe", "select"});
}

bool IsBlock(std::string_view name) {
  return OneOf(name,
               {"p",        "div",    "li",         "tr",         "h1",      "h2",      "h3",
                "h4",       "h5",     "h6",         "blockquote", "pre",     "table",   "ul",
                "ol",       "dl",     "dt",         "dd",         "address", "center",  "section",
                "article",  "aside",  "header",     "footer",     "nav",     "main",    "form",
                "fieldset", "figure", "figcaption", "caption",    "details", "summary", "hgroup",
                "body",     "html",   "thead",      "tbody",      "tfoot",   "legend"});
}

// The value of attribute `name`, as the HTML parser stores it (one text child), or empty.
std::string_view Attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::string_view(reinterpret_cast<const char*>(a->name)) != name) {
      continue;
    }
    const xmlNode* value = a->children;
    if (value != nullptr && value->type == XML_TEXT_NODE && value->content != nullptr) {
      return reinterpret_cast<const char*>(value->content);
    }
    return {};
  }
  return {};
}

bool HasClass(const xmlNode* node, std::string_view wanted) {
  std::string_view classes = Attribute(node, "class");
  while (!classes.empty()) {
    const size_t start = classes.find_first_not_of(" \t\n\r\f");
    if (start == std::string_view::npos) break;
    classes.remove_prefix(start);
    const size_t end = std::min(classes.find_first_of(" \t\n\r\f"), classes.size());
    if (classes.substr(0, end) == wanted) return true;
    classes.remove_prefix(end);
  }
  return false;
}

// Outlook on the web prefixes ids with "x_" when it quotes a message that had them.
bool HasId(const xmlNode* node, std::string_view wanted) {
  std::string_view id = Attribute(node, "id");
  if (id.substr(0, 2) == "x_") id.remove_prefix(2);
  return id == wanted;
}

// Outlook marks where the quoted message begins; everything from there on is the quote.
bool StartsQuotedRest(const xmlNode* node) {
  return HasId(node, "divRplyFwdMsg") || HasId(node, "appendonsend") ||
         HasId(node, "OLK_SRC_BODY_SECTION") ||
         HasId(node, "mail-editor-reference-message-container");
}

bool IsQuoteContainer(const xmlNode* node, std::string_view name) {
  return name == "blockquote" || HasClass(node, "gmail_quote") || HasClass(node, "gmail_extra") ||
         HasClass(node, "yahoo_quoted") || Attribute(node, "id").starts_with("yahoo_quoted") ||
         HasClass(node, "moz-cite-prefix");
}

bool IsSignatureContainer(const xmlNode* node) {
  return HasClass(node, "gmail_signature") || HasClass(node, "moz-signature") ||
         HasId(node, "Signature") || HasId(node, "AppleMailSignature");
}

// Collects text with HTML's white-space rules, a line at a time.
class TextSink {
 public:
  void Text(std::string_view s, bool pre) {
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (pre && c == '\n') {
        Newline();
      } else if (c == '\r') {
        continue;
      } else if (nbsp || (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\f'))) {
        if (nbsp) ++i;
        if (pre) {
          Put(' ');
        } else if (!line_empty_) {
          pending_space_ = true;
        } else if (nbsp) {
          nbsp_only_line_ = true;
        }
      } else {
        if (pending_space_) Put(' ');
        pending_space_ = false;
        Put(c);
      }
    }
  }
  // Ends the current line if it has anything on it (a block boundary). A line that held only
  // no-break spaces is Outlook's empty paragraph (<p>&nbsp;</p>): it ends as a blank line.
  void Break() {
    if (!line_empty_ || nbsp_only_line_) Newline();
    pending_space_ = false;
  }
  // Ends the current line even when empty (<br>).
  void ForceBreak() {
    Newline();
    pending_space_ = false;
  }
  void Cell() {
    if (!line_empty_) pending_space_ = true;
  }
  void Line(std::string_view s) {
    Break();
    Text(s, true);
    Break();
  }
  std::string& out() { return out_; }
  bool full() const { return out_.size() >= kMaxHtmlTextBytes; }

 private:
  void Put(char c) {
    if (full()) return;
    out_ += c;
    line_empty_ = false;
  }
  void Newline() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!full()) out_ += '\n';
    line_empty_ = true;
    nbsp_only_line_ = false;
  }

  std::string out_;
  bool line_empty_ = true;
  bool pending_space_ = false;
  bool nbsp_only_line_ = false;
};

class Renderer {
 public:
  explicit Renderer(const HtmlToTextOptions& options) : options_(options) {}

  HtmlText Run(xmlNode* root) {
    size_t visited = 0;
    xmlNode* node = root;
    while (node != nullptr) {
      if (++visited > kMaxHtmlNodes || main_.full()) {
        truncated_ = true;
        break;
      }
      if (Enter(node) && node->children != nullptr) {
        node = node->children;
        continue;
      }
      // Leave this node and every ancestor that has no next sibling.
      while (node != nullptr) {
        Leave(node);
        if (node->next != nullptr) {
          node = node->next;
          break;
        }
        node = node->parent;
        if (node == nullptr || node->type == XML_HTML_DOCUMENT_NODE) node = nullptr;
      }
    }
    main_.Break();
    HtmlText out;
    out.text = std::move(main_.out());
    out.quoted = std::move(quoted_.out());
    out.signature_bytes = signature_.out().size();
    out.quote_containers = containers_;
    out.truncated = truncated_ || main_.full();
    return out;
  }

 private:
  bool Enter(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        sink_->Text(reinterpret_cast<const char*>(node->content), pre_depth_ > 0);
      }
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    const std::string_view name = Name(node);
    if (IsSkipped(name)) return false;
    if (options_.remove_quotes && !cut_ && diverted_ == nullptr) Divert(node, name);
    if (name == "br") {
      sink_->ForceBreak();
    } else if (name == "hr") {
      sink_->Line(kRuleLine);
    } else if (name == "td" || name == "th") {
      sink_->Cell();
    } else if (IsBlock(name)) {
      sink_->Break();
    }
    if (name == "pre") ++pre_depth_;
    return true;
  }

  void Leave(xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return;
    const std::string_view name = Name(node);
    if (IsBlock(name)) sink_->Break();
    if (name == "pre" && pre_depth_ > 0) --pre_depth_;
    if (node == diverted_) {
      sink_->Break();
      sink_ = &main_;
      diverted_ = nullptr;
    }
  }

  void Divert(xmlNode* node, std::string_view name) {
    if (StartsQuotedRest(node)) {
      cut_ = true;
    } else if (IsQuoteContainer(node, name)) {
      diverted_ = node;
    } else if (IsSignatureContainer(node)) {
      diverted_ = node;
      sink_ = &signature_;
      return;
    } else {
      return;
    }
    ++containers_;
    if (!options_.quote_marker.empty()) main_.Line(options_.quote_marker);
    sink_ = &quoted_;
    quoted_.Break();
  }

  const HtmlToTextOptions& options_;
  TextSink main_;
  TextSink quoted_;
  TextSink signature_;
  TextSink* sink_ = &main_;
  xmlNode* diverted_ = nullptr;  // the container whose text goes elsewhere, until it is left
  bool cut_ = false;             // from here to the end, everything is quote
  int pre_depth_ = 0;
  size_t containers_ = 0;
  bool truncated_ = false;
};

void InitLibxml2() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

HtmlText HtmlToText(std::string_view html, const HtmlToTextOptions& options) {
  InitLibxml2();
  const bool too_big = html.size() > static_cast<size_t>(INT_MAX);
  const int size = too_big ? INT_MAX : static_cast<int>(html.size());
  if (size == 0) return {};
  constexpr int kParseOptions =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  DocPtr doc(htmlReadMemory(html.data(), size, nullptr, "UTF-8", kParseOptions));
  if (doc == nullptr) return {};
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return {};
  HtmlText out = Renderer(options).Run(root);
  out.truncated = out.truncated || too_big;
  return out;
}

}  // namespace tonewatch
