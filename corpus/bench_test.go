package corpus

import (
	"os"
	"testing"
)

func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// seriesDir returns a folder of real reports of one government to measure
// on: the 47 reports of one province in the shared corpora beside the
// repository (or beside the folder of its work trees), or "".
func seriesDir() string {
	for _, d := range []string{"../../shared/corpora/provinces/浙江省", "../../../shared/corpora/provinces/浙江省"} {
		if _, err := os.Stat(d); err == nil {
			return d
		}
	}
	return ""
}

// BenchmarkLoadSeries reads a series of some fifty reports; it is skipped
// where the shared corpora are not.
func BenchmarkLoadSeries(b *testing.B) {
	dir := seriesDir()
	if dir == "" {
		b.Skip("no series of reports here (../shared/corpora)")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
