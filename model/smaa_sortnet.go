package model

// Sorting networks for the SMAA kernel: ranking m totals and sorting the n−1 uniforms of a
// simplex draw are the two sorts of every draw. A sorting network is a fixed sequence of
// compare-exchanges, so no branch depends on the data and, written out as straight-line code
// on local variables (smaa_sortnet_unrolled.go), its independent compare-exchanges overlap.
// Measured on the 2-core dev machine: 20 keys in ≈58 ns against ≈215 ns for the branch-free
// insertion sort, 14 keys in ≈35 ns against ≈130 ns.
//
// The networks are Batcher's odd-even merge sort, sorting descending (largest first). Every size
// up to 16 is written out, then every fourth up to 32: a shorter input is padded with zero keys,
// which no caller's real keys are below, so the padding stays at the end.

// sortNetSizes are the sizes written out in smaa_sortnet_unrolled.go, smallest first.
var sortNetSizes = [...]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 24, 28, 32}

// maxUnrolledSort is the largest input the unrolled networks take.
const maxUnrolledSort = 32

// unrolledSort returns the unrolled network for n keys (n ≤ maxUnrolledSort) and the size of
// the buffer it sorts (n rounded up to a written-out size; the rest is padding).
func unrolledSort(n int) (func([]uint64), int) {
	for i, size := range sortNetSizes {
		if n <= size {
			return sortNetFuncs[i], size
		}
	}
	panic("unrolledSort: too many keys")
}

// halvesSort sorts maxUnrolledSort < n ≤ 2·maxUnrolledSort keys: each half through an unrolled
// network, then one branch-free merge. At 50 keys this is ≈3× faster than Batcher's 403-step
// network run from a table (which loads two indexes per step) and ≈5× faster than insertion.
type halvesSort struct {
	n, h         int // keys, keys in the first half
	sortA, sortB func([]uint64)
	sizeA, sizeB int
}

// halvesScratch: where the halves live inside the caller's buffer, which must have capacity
// 256 (the keys stay at the front).
const halvesA, halvesB = 64, 128

func newHalvesSort(n int) *halvesSort {
	h := (n + 1) / 2
	t := &halvesSort{n: n, h: h}
	t.sortA, t.sizeA = unrolledSort(h)
	t.sortB, t.sizeB = unrolledSort(n - h)
	return t
}

// sort sorts k[:n] descending, using k[n:256] as scratch.
func (t *halvesSort) sort(k []uint64) {
	k = k[:256]
	n, h := t.n, t.h
	a := k[halvesA : halvesA+maxUnrolledSort+1]
	b := k[halvesB : halvesB+maxUnrolledSort+1]
	copy(a, k[:h])
	clear(a[h:]) // padding, and the zero that ends the half for the merge
	copy(b, k[h:n])
	clear(b[n-h:])
	t.sortA(a[:t.sizeA])
	t.sortB(b[:t.sizeB])
	// Keys are distinct and above zero, so the zero after each half stops it, and exactly one
	// side advances per step.
	i, j := 0, 0
	for p := range k[:n] {
		x, y := a[i], b[j]
		var fromA int
		if x > y {
			fromA = 1
		}
		k[p] = max(x, y)
		i += fromA
		j += 1 - fromA
	}
}
