//go:build amd64 && !purego

package model

// useAVX: the CPU and OS support 256-bit AVX registers (checked once; see smaa_totals_amd64.s).
// Four instructions of our own rather than golang.org/x/sys/cpu: that package's init would
// run in every process, and start-up time is budgeted.
var useAVX = cpuHasAVX()

func cpuHasAVX() bool

// totalsAVX sets tot[i] = Σ_j w[j]·et[j*mp+i] for i < mp (a multiple of 4), n ≥ 1, j ascending,
// each product rounded before its add.
//
//go:noescape
func totalsAVX(et, w, tot *float64, n, mp int)
