package model

// blockSort sorts more than 2·maxUnrolledSort keys for rankSorted: blocks of maxUnrolledSort
// keys through the unrolled network, then bottom-up branch-free merges of the sorted runs. Keys
// must be distinct and above zero (rank keys are: totals are ≥ 1 and carry their vendor index),
// so a zero after each run stops it. At 200 keys this is ≈2.5× faster than slices.Sort.
type blockSort struct {
	n      int
	blocks []int // length of each block; all maxUnrolledSort but the last
	last   func([]uint64)
	lastSz int
	full   func([]uint64)
}

// blockStride is the room a block takes in the scratch: a top sentinel (all ones), its keys and
// a zero.
const blockStride = maxUnrolledSort + 2

func newBlockSort(n int) *blockSort {
	t := &blockSort{n: n}
	for lo := 0; lo < n; lo += maxUnrolledSort {
		t.blocks = append(t.blocks, min(maxUnrolledSort, n-lo))
	}
	t.full, _ = unrolledSort(maxUnrolledSort)
	t.last, t.lastSz = unrolledSort(t.blocks[len(t.blocks)-1])
	return t
}

// scratch is the buffer length sort needs after the n keys.
func (t *blockSort) scratch() int { return 2 * len(t.blocks) * blockStride }

// sort sorts k[:n] descending, using k[n:n+scratch()] as scratch.
func (t *blockSort) sort(k []uint64) {
	n := t.n
	nb := len(t.blocks)
	a := k[n : n+nb*blockStride]
	b := k[n+nb*blockStride : n+2*nb*blockStride]
	// Runs live one after another, each between a top sentinel and a zero: (start of the keys,
	// length) pairs.
	var runsBuf [2 * 64]int
	runs := runsBuf[:0]
	for i, l := range t.blocks {
		blk := a[i*blockStride : (i+1)*blockStride]
		blk[0] = ^uint64(0)
		keys := blk[1:]
		copy(keys, k[i*maxUnrolledSort:i*maxUnrolledSort+l])
		clear(keys[l:])
		if l == maxUnrolledSort {
			t.full(keys[:maxUnrolledSort])
		} else {
			t.last(keys[:t.lastSz])
		}
		runs = append(runs, i*blockStride+1, l)
	}
	src, dst := a, b
	for len(runs) > 2 {
		out := runs[:0]
		pos := 1
		for r := 0; r < len(runs); r += 4 {
			s0, l0 := runs[r], runs[r+1]
			dst[pos-1] = ^uint64(0)
			if r+2 >= len(runs) { // odd run out: copied with its zero
				copy(dst[pos:pos+l0+1], src[s0:s0+l0+1])
				out = append(out, pos, l0)
				pos += l0 + 2
				continue
			}
			s1, l1 := runs[r+2], runs[r+3]
			mergeDesc(dst[pos:pos+l0+l1], src[s0-1:s0+l0+1], src[s1-1:s1+l1+1])
			dst[pos+l0+l1] = 0
			out = append(out, pos, l0+l1)
			pos += l0 + l1 + 2
		}
		runs = out
		src, dst = dst, src
	}
	copy(k[:n], src[runs[0]:runs[0]+n])
}

// mergeDesc merges two descending runs x and y, each written between a top sentinel (all ones)
// and a zero, into out (len = both runs). The front is filled with the larger heads and the back
// with the smaller tails at the same time: two independent chains of loads, so each step
// overlaps the other's latency. With distinct keys both ends meet exactly.
func mergeDesc(out, x, y []uint64) {
	n := len(out)
	lx, ly := len(x)-2, len(y)-2
	i, j := 1, 1     // heads
	ie, je := lx, ly // tails
	back := n / 2
	for p := range back {
		u, v := x[i], y[j]
		fromX := 0
		if u > v {
			fromX = 1
		}
		out[p] = max(u, v)
		i += fromX
		j += 1 - fromX
		u2, v2 := x[ie], y[je]
		fromX2 := 0
		if u2 < v2 {
			fromX2 = 1
		}
		out[n-1-p] = min(u2, v2)
		ie -= fromX2
		je -= 1 - fromX2
	}
	if n&1 == 1 {
		out[back] = max(x[i], y[j])
	}
}
