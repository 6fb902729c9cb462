package paint

import (
	"testing"

	"github.com/fatih/color"
)

func TestFunc(t *testing.T) {
	if got := Func(false, color.FgRed)("甲"); got != "甲" {
		t.Errorf("off: %q", got)
	}
	if got := Func(true, color.FgRed)("甲"); got != "\x1b[31m甲\x1b[0m" {
		t.Errorf("on: %q", got)
	}
}
