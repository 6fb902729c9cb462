package corpus

import "testing"

// BenchmarkLoadDefault reads the embedded corpus: parse, ids, years.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
