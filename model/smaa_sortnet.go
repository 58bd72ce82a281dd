package model

// Sorting networks for the SMAA kernel: ranking m totals and sorting the n−1 uniforms of a
// simplex draw are the two sorts of every draw. A sorting network is a fixed sequence of
// compare-exchanges, so no branch depends on the data and, written out as straight-line code
// on local variables (smaa_sortnet_unrolled.go), its independent compare-exchanges overlap.
// Measured on the 2-core dev machine: 20 keys in ≈58 ns against ≈215 ns for the branch-free
// insertion sort, 14 keys in ≈35 ns against ≈130 ns.
//
// The networks are Batcher's odd-even merge sort, sorting descending (largest first). Only a
// few sizes are written out; a shorter input is padded with zero keys, which every caller's
// real keys are never below, so the padding stays at the end.

// sortNetSizes are the sizes written out in smaa_sortnet_unrolled.go, smallest first.
var sortNetSizes = [...]int{4, 8, 12, 16, 20, 24, 32}

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

// batcherPairs lists the compare-exchanges of Batcher's odd-even merge sort for n keys: the
// network for the next power of two, keeping only the pairs with both ends below n (a pair
// reaching into the padding never swaps: the padding is the minimum and already at the end).
// In each pair (a, b), a < b, and the larger key goes to a.
func batcherPairs(n int) [][2]int {
	size := 1
	for size < n {
		size <<= 1
	}
	var out [][2]int
	for p := 1; p < size; p <<= 1 {
		for k := p; k >= 1; k >>= 1 {
			for j := k % p; j <= size-1-k; j += 2 * k {
				for i := 0; i < k; i++ {
					if (i+j)/(2*p) == (i+j+k)/(2*p) && i+j+k < n {
						out = append(out, [2]int{i + j, i + j + k})
					}
				}
			}
		}
	}
	return out
}

// tableNet is a sorting network run from a table, for inputs too long to write out
// (more than maxUnrolledSort vendors). Slower per compare-exchange than straight-line code
// (each one loads its indexes), but far fewer steps than insertion sort at 50 keys.
type tableNet []uint16 // a | b<<8

func newTableNet(n int) tableNet {
	pairs := batcherPairs(n)
	t := make(tableNet, len(pairs))
	for i, p := range pairs {
		t[i] = uint16(p[0]) | uint16(p[1])<<8
	}
	return t
}

// sort sorts k descending; len(k) must be the n the table was built for.
func (t tableNet) sort(k []uint64) {
	k = k[:256] // indexes are bytes: one bounds check here instead of two per step
	for _, ab := range t {
		a, b := ab&0xff, ab>>8
		x, y := k[a], k[b]
		k[a], k[b] = max(x, y), min(x, y)
	}
}
