// zlib (Debian: zlib1g-dev): gzip and deflate streams.
#include <zlib.h>
