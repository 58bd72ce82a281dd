package model

import (
	"math"
	"math/rand/v2"
)

// The SMAA kernel draws standard exponentials straight from its PCG with the ziggurat method of
// Marsaglia & Tsang (2000), "The Ziggurat Method for Generating Random Variables", J. Stat.
// Software 5(8): 256 layers of equal area under exp(−x). math/rand/v2's ExpFloat64 uses the same
// method, layout and constants, so drawing here gives its numbers from the same stream
// (TestSMAAExpMatchesMathRand) — sampler v2 is unchanged — without rand.Rand's interface call
// per draw, about twice as fast.

// zigExpR is the start of the tail, r, and zigExpV the area of each layer, v (the paper's
// constants for 256 layers).
const (
	zigExpR = 7.69711747013104972
	zigExpV = 3.949659822581572e-3
)

// zigExp holds the layer tables in the widths the method compares them in: k[i] is the
// fraction of layer i that lies wholly under the curve, scaled to 32 bits; w[i] turns a 32-bit
// draw into an x inside layer i; f[i] = exp(−x_i) at the layer's edge.
type zigExp struct {
	k    [256]uint32
	w, f [256]float32
}

// zigExpTables is built once, at start-up, by the paper's set-up (its zigset); a few
// microseconds. The bits equal math/rand/v2's tables, which the draw-for-draw test proves.
var zigExpTables = newZigExp()

func newZigExp() *zigExp {
	const m = 1 << 32
	t := &zigExp{}
	x := zigExpR
	q := zigExpV / math.Exp(-x)
	t.k[0] = uint32((x / q) * m)
	t.k[1] = 0
	t.w[0] = float32(q / m)
	t.w[255] = float32(x / m)
	t.f[0] = 1
	t.f[255] = float32(math.Exp(-x))
	for i := 254; i >= 1; i-- {
		prev := x
		x = -math.Log(zigExpV/x + math.Exp(-x)) // the next layer's edge: equal areas
		t.k[i+1] = uint32((x / prev) * m)
		t.f[i] = float32(math.Exp(-x))
		t.w[i] = float32(x / m)
	}
	return t
}

// expFloat64 draws one standard exponential from p: a layer i and a 32-bit position j from one
// 64-bit draw; inside the layer's rectangle under the curve it is accepted at once (≈98.9%);
// layer 0 past r is the tail, drawn by inversion; otherwise the wedge is tested against exp.
func expFloat64(p *rand.PCG) float64 {
	t := zigExpTables
	for {
		u := p.Uint64()
		j, i := uint32(u), uint8(u>>32)
		x := float64(j) * float64(t.w[i])
		if j < t.k[i] {
			return x
		}
		if i == 0 {
			return zigExpR - math.Log(unitFloat(p.Uint64()))
		}
		if t.f[i]+float32(unitFloat(p.Uint64()))*(t.f[i-1]-t.f[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}

// unitFloat maps a 64-bit draw to [0, 1) with 53 random bits, as rand.Float64 does.
func unitFloat(u uint64) float64 { return float64(u<<11>>11) / (1 << 53) }
