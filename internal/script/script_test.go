package script

import (
	"runtime"
	"testing"
	"time"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		text string
		want Script
	}{
		{"现在，我代表市人民政府，向大会报告政府工作，请予审议。", Simplified},
		{"現在，我代表市人民政府，向大會報告政府工作，請予審議。", Traditional},
		{"行政長官二〇二二年施政報告", Traditional},
		{"一、2018年工作回顾", Simplified},
		{"2018 GDP", ""},
		{"人民政府", ""}, // both scripts write it so
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if !Differ("发展经济", "發展經濟") || Differ("发展经济", "推进改革") || Differ("人民", "發展") {
		t.Errorf("Differ")
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		in   string
		c    Conversion
		want string
	}{
		{"发展经济，为人民服务", ToTaiwan, "發展經濟，為人民服務"},
		{"发展经济，为人民服务", ToTraditional, "發展經濟，爲人民服務"},
		{"發展經濟，為人民服務", ToSimplified, "发展经济，为人民服务"},
		{"", ToSimplified, ""},
	}
	for _, tt := range tests {
		got, err := Convert(tt.in, tt.c)
		if err != nil || got != tt.want {
			t.Errorf("Convert(%q, %s) = %q, %v; want %q", tt.in, tt.c, got, err, tt.want)
		}
	}
	if got, err := To("發展經濟", Simplified); err != nil || got != "发展经济" {
		t.Errorf("To simplified = %q, %v", got, err)
	}
	if _, err := Convert("x", "x2y"); err == nil {
		t.Errorf("an unknown conversion converts")
	}
	for name, want := range map[string]Conversion{"simplified": ToSimplified, "traditional": ToTaiwan, "opencc": ToTraditional} {
		if got, err := ParseTarget(name); err != nil || got != want {
			t.Errorf("ParseTarget(%q) = %q, %v", name, got, err)
		}
	}
	if _, err := ParseTarget("cyrillic"); err == nil {
		t.Errorf("ParseTarget takes anything")
	}
}

// TestLoadCost measures what loading a conversion's dictionaries costs, for
// the package comment; it fails only if the cost grows far past it.
func TestLoadCost(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	if _, err := Convert("测试", ToTraditional); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("s2t loaded in %v, heap %+.1f MB live, %.1f MB allocated", took,
		float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6)
	if took > 5*time.Second {
		t.Errorf("loading s2t took %v", took)
	}
}
