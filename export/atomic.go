package export

import "github.com/attache/attache/internal/atomicfile"

// WriteFileAtomic puts an export on disk whole or not at all, with the
// permissions every file Attaché writes gets (see atomicfile): pass 0o666
// for a document the user's umask decides on (an existing file keeps its
// own mode), 0o600 for a private one.
var WriteFileAtomic = atomicfile.Write
