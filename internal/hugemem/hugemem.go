// Package hugemem asks the operating system to back a large, freshly made slice with huge pages
// (2 MiB on x86-64 Linux instead of 4 KiB), where it can.
//
// Why: a 200k-score evaluation loads into an 18 MB []model.Score, touched once, front to back. On
// the virtual machines consultants and CI use, each 4 KiB page fault costs ≈10 µs, so filling that
// slice cost ≈4,500 faults, a third of a whole `ccselect report` (issue 13). With
// transparent_hugepage set to "madvise", the common default, the kernel gives huge pages only to
// memory that asked for them, and the Go runtime does not ask. Advice is only advice: where it
// is not taken (another OS, THP off, no huge page free), nothing changes but the fault count.
package hugemem

import "unsafe"

// minBytes is the smallest slice worth advising: below two huge pages the aligned part inside
// the slice is at most one page, not worth a system call.
const minBytes = 4 << 20

// Advise asks for huge pages for the part of s's backing array that covers whole, aligned huge
// pages. Call it right after make and before writing s: advice changes only pages not yet
// touched.
func Advise[T any](s []T) {
	if cap(s) == 0 {
		return
	}
	s = s[:cap(s)]
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	if size < minBytes {
		return
	}
	advise(uintptr(unsafe.Pointer(unsafe.SliceData(s))), size)
}

const hugePage = 2 << 20

// alignedRange is the part of [start, start+size) made of whole huge pages (to ≤ from: none).
func alignedRange(start, size uintptr) (from, to uintptr) {
	return (start + hugePage - 1) &^ (hugePage - 1), (start + size) &^ (hugePage - 1)
}
