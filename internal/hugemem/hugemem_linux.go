package hugemem

import "syscall"

// advise madvises the huge pages wholly inside [start, start+size). The error is ignored: the
// kernel refuses advice it cannot take (THP "never", an old kernel), and then nothing changes.
func advise(start, size uintptr) {
	if from, to := alignedRange(start, size); to > from {
		syscall.Syscall(syscall.SYS_MADVISE, from, to-from, syscall.MADV_HUGEPAGE)
	}
}
