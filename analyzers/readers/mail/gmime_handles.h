#pragma once

#include <glib-object.h>
#include <gmime/gmime.h>

#include <memory>

namespace tonewatch {

// Owning handles for GMime and GLib objects: every reference we take is released by its deleter.
struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
struct GFree {
  void operator()(void* p) const { g_free(p); }
};
struct ReferencesFree {
  void operator()(GMimeReferences* r) const {
    if (r != nullptr) g_mime_references_free(r);
  }
};

template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;
using GCharPtr = std::unique_ptr<char, GFree>;
using ReferencesPtr = std::unique_ptr<GMimeReferences, ReferencesFree>;

// Initializes GMime once per process (thread-safe). Call before any GMime use.
void EnsureGMime();

}  // namespace tonewatch
