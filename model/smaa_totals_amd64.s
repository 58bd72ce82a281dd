//go:build amd64 && !purego

#include "textflag.h"

// func cpuHasAVX() bool: CPUID.1:ECX has OSXSAVE (bit 27) and AVX (bit 28), and the OS saves
// the XMM and YMM state (XCR0 bits 1 and 2).
TEXT ·cpuHasAVX(SB), NOSPLIT, $0-1
	MOVL $1, AX
	XORL CX, CX
	CPUID
	ANDL $0x18000000, CX
	CMPL CX, $0x18000000
	JNE  no
	XORL CX, CX
	XGETBV
	ANDL $6, AX
	CMPL AX, $6
	JNE  no
	MOVB $1, ret+0(FP)
	RET
no:
	MOVB $0, ret+0(FP)
	RET

// func totalsAVX(et, w, tot *float64, n, mp int)
// Blocks of 16 vendors (four YMM accumulators), then blocks of 4. Each lane is one vendor's
// total: 0, then + w[j]·et[j][i] for j = 0 … n−1 (VMULPD then VADDPD, no fused multiply-add),
// exactly the scalar sum.
TEXT ·totalsAVX(SB), NOSPLIT, $0-40
	MOVQ et+0(FP), SI
	MOVQ w+8(FP), DX
	MOVQ tot+16(FP), DI
	MOVQ n+24(FP), CX
	MOVQ mp+32(FP), R8
	SHLQ $3, R8            // bytes per weight (column stride), also the end of tot
	XORQ R9, R9            // byte offset of the block's first vendor

loop16:
	LEAQ 128(R9), R11
	CMPQ R11, R8
	JGT  loop4
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	LEAQ (SI)(R9*1), AX
	MOVQ DX, BX
	MOVQ CX, R12

j16:
	VBROADCASTSD (BX), Y4
	VMULPD (AX), Y4, Y5
	VADDPD Y5, Y0, Y0
	VMULPD 32(AX), Y4, Y6
	VADDPD Y6, Y1, Y1
	VMULPD 64(AX), Y4, Y7
	VADDPD Y7, Y2, Y2
	VMULPD 96(AX), Y4, Y8
	VADDPD Y8, Y3, Y3
	ADDQ $8, BX
	ADDQ R8, AX
	DECQ R12
	JNZ  j16
	VMOVUPD Y0, (DI)(R9*1)
	VMOVUPD Y1, 32(DI)(R9*1)
	VMOVUPD Y2, 64(DI)(R9*1)
	VMOVUPD Y3, 96(DI)(R9*1)
	MOVQ R11, R9
	JMP  loop16

loop4:
	LEAQ 32(R9), R11
	CMPQ R11, R8
	JGT  done
	VXORPD Y0, Y0, Y0
	LEAQ (SI)(R9*1), AX
	MOVQ DX, BX
	MOVQ CX, R12

j4:
	VBROADCASTSD (BX), Y4
	VMULPD (AX), Y4, Y5
	VADDPD Y5, Y0, Y0
	ADDQ $8, BX
	ADDQ R8, AX
	DECQ R12
	JNZ  j4
	VMOVUPD Y0, (DI)(R9*1)
	MOVQ R11, R9
	JMP  loop4

done:
	VZEROUPPER
	RET
