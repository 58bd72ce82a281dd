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

// blockStride is the room a block takes in the scratch: its keys and a zero.
const blockStride = maxUnrolledSort + 1

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
func (t *blockSort) scratch() int { return len(t.blocks)*blockStride + t.n + len(t.blocks) + 1 }

// sort sorts k[:n] descending, using k[n:n+scratch()] as scratch.
func (t *blockSort) sort(k []uint64) {
	n := t.n
	nb := len(t.blocks)
	a := k[n : n+nb*blockStride]
	b := k[n+nb*blockStride : n+t.scratch()]
	// Runs live one after another, each followed by a zero: (start, length) pairs.
	var runsBuf [2 * 64]int
	runs := runsBuf[:0]
	for i, l := range t.blocks {
		blk := a[i*blockStride : (i+1)*blockStride]
		copy(blk, k[i*maxUnrolledSort:i*maxUnrolledSort+l])
		clear(blk[l:])
		if l == maxUnrolledSort {
			t.full(blk[:maxUnrolledSort])
		} else {
			t.last(blk[:t.lastSz])
		}
		runs = append(runs, i*blockStride, l)
	}
	src, dst := a, b
	for len(runs) > 2 {
		out := runs[:0]
		pos := 0
		for r := 0; r < len(runs); r += 4 {
			s0, l0 := runs[r], runs[r+1]
			if r+2 >= len(runs) { // odd run out: copied with its zero
				copy(dst[pos:pos+l0+1], src[s0:s0+l0+1])
				out = append(out, pos, l0)
				pos += l0 + 1
				continue
			}
			s1, l1 := runs[r+2], runs[r+3]
			mergeDesc(dst[pos:pos+l0+l1], src[s0:s0+l0+1], src[s1:s1+l1+1])
			dst[pos+l0+l1] = 0
			out = append(out, pos, l0+l1)
			pos += l0 + l1 + 1
		}
		runs = out
		src, dst = dst, src
	}
	copy(k[:n], src[runs[0]:runs[0]+n])
}

// mergeDesc merges two descending runs, each ending in a zero, into out (len = both runs).
func mergeDesc(out, x, y []uint64) {
	i, j := 0, 0
	for p := range out {
		u, v := x[i], y[j]
		var fromX int
		if u > v {
			fromX = 1
		}
		out[p] = max(u, v)
		i += fromX
		j += 1 - fromX
	}
}
