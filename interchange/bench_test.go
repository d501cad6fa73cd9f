package interchange

import (
	"bytes"
	"testing"

	"github.com/attache/attache/internal/testbundle"
)

// 6,000 excerpts of one long report: each excerpt's span is found through
// one index of the text (it took 14 s to write and 10 s to read when every
// span walked the text from its start; now about 0.1 s and 0.2 s).
func BenchmarkWriteReadManyExcerpts(b *testing.B) {
	bundle := testbundle.Long(6000, 1)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, bundle); err != nil {
			b.Fatal(err)
		}
		if _, err := ReadJSON(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
