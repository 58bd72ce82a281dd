//go:build !amd64 || purego

package model

const useAVX = false

func totalsAVX(et, w, tot *float64, n, mp int) { panic("totalsAVX: no AVX on this platform") }
