//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// useAVX: the CPU has AVX and the OS saves the YMM registers (x/sys/cpu checks both).
var useAVX = cpu.X86.HasAVX

// totalsAVX sets tot[i] = Σ_j w[j]·et[j*mp+i] for i < mp (a multiple of 4), n ≥ 1, j ascending,
// each product rounded before its add.
//
//go:noescape
func totalsAVX(et, w, tot *float64, n, mp int)
