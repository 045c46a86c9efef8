// Stands in for the one piece of GCC 13's libstdc++ (version GLIBCXX_3.4.32) that TorchSharp's
// libLibTorchSharp.so needs, on distros whose libstdc++ is older (Debian 12 ships GLIBCXX_3.4.30).
// fix-glibcxx.sh builds this with the system g++ and adds it as a DT_NEEDED of libLibTorchSharp.so.
//
// GCC 13's <iostream> stopped putting a static std::ios_base::Init into every translation unit; it
// only references std::ios_base_library_init() so that libstdc++.so itself sets up std::cout and
// friends. An older libstdc++ neither defines that symbol nor does that set-up, so this library does
// both. It is built without a version script, so the definition is unversioned and would satisfy
// the versioned reference too.
#include <ios>

extern "C" void _ZSt21ios_base_library_initv(void) {}

static std::ios_base::Init algospace_ios_base_init;
