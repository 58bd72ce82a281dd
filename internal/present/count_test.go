package present_test

import (
	"testing"

	"ccselect/internal/present"
)

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 100000: "100,000",
		1234567: "1,234,567", -5: "-5", -1234: "-1,234", -123456: "-123,456"} {
		if got := present.Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
