package model

import "unsafe"

// cacheLinePad keeps what is around it on cache lines of its own. Two SMAA workers write their
// counters on every draw; if their allocations share a 64-byte line, each write evicts the
// line from the other core (false sharing). Two lines, since adjacent-line prefetch pairs them.
type cacheLinePad [128]byte

// apart allocates n elements with a cacheLinePad's worth of unused slack on both sides, so no
// other allocation shares their cache lines.
func apart[T byte | uint64 | float64](n int) []T {
	var zero T
	pad := len(cacheLinePad{}) / int(unsafe.Sizeof(zero))
	b := make([]T, pad+n+pad)
	return b[pad : pad+n : pad+n]
}
