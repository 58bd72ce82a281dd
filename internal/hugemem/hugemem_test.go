package hugemem

import "testing"

// Advise must never fault or change a slice, whatever its size or element type; whether the
// kernel took the advice is the fault count's business (measured in the README), not a test's.
func TestAdviseLeavesSliceIntact(t *testing.T) {
	for _, n := range []int{0, 1, minBytes/8 - 1, minBytes / 8, 3 * minBytes / 8} {
		s := make([]float64, n)
		Advise(s)
		for i := range s {
			s[i] = float64(i)
		}
		for i := range s {
			if s[i] != float64(i) {
				t.Fatalf("n=%d: element %d is %v", n, i, s[i])
			}
		}
	}
	Advise([]struct{}(nil))
	Advise(make([]struct{}, 10))
}

// The advised range is the whole huge pages inside the slice, worked by hand with 2 MiB = 0x200000.
func TestAlignedRange(t *testing.T) {
	for _, tc := range []struct{ start, size, from, to uintptr }{
		{0x200000, 0x400000, 0x200000, 0x600000}, // aligned: both pages
		{0x200001, 0x400000, 0x400000, 0x600000}, // one byte late: only the second page is whole
		{0x3fffff, 0x200002, 0x400000, 0x600000}, // straddles: the one page inside
		{0x200010, 0x1fffff, 0x400000, 0x400000}, // less than a page inside: empty
	} {
		if from, to := alignedRange(tc.start, tc.size); from != tc.from || to != tc.to {
			t.Errorf("alignedRange(%#x, %#x) = %#x, %#x; want %#x, %#x", tc.start, tc.size, from, to, tc.from, tc.to)
		}
	}
}
