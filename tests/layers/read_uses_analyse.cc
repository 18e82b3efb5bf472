// Compiled with the read layer's include folder: a header of a higher layer
// is not found, so the compile fails (the `layers_compile_up` test, which
// passes when it fails).
#include "analyse/coverage.h"
