// Compiled with the read layer's include folder: a header of a lower layer
// is found (the `layers_compile_down` test).
#include "model/model.h"
