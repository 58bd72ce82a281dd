package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/model"
)

// report --compare P1,P2,…: every vendor's rank and total under each profile, and the profiles
// whose winner differs from the first one's.

type compareView struct {
	Profiles      []string          `json:"profiles"`
	Vendors       []compareVendor   `json:"vendors"`
	Winners       map[string]string `json:"winners"`        // profile → leader id ("" : nobody ranked)
	WinnerDiffers []string          `json:"winner_differs"` // profiles whose winner is not the first profile's
}

type compareVendor struct {
	ID     string             `json:"id"`
	Ranks  map[string]int     `json:"ranks"` // 0: excluded by a knock-out
	Totals map[string]float64 `json:"totals"`
}

func runCompare(c *cobra.Command, list string, r model.ConsensusRule, m model.Method, f string) error {
	if c.Flags().Changed("profile") {
		return usagef("--compare names the profiles itself; drop --profile")
	}
	if f == "csv" {
		return usagef("--compare prints a table or JSON (--format table or json)")
	}
	var names []string
	seen := map[string]bool{}
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return usagef("--compare needs two or more profiles, comma-separated (e.g. default,finance)")
	}
	ev, err := loadSource(c)
	if err != nil {
		return err
	}
	v := compareView{Profiles: names, Winners: map[string]string{}, WinnerDiffers: []string{}}
	byVendor := make([]compareVendor, len(ev.Vendors))
	for i, vd := range ev.Vendors {
		byVendor[i] = compareVendor{ID: vd.ID, Ranks: map[string]int{}, Totals: map[string]float64{}}
	}
	for _, name := range names {
		p, err := model.NewProblem(ev, name, r, m)
		if err != nil {
			return err
		}
		res := p.Rank()
		if l, ok := res.Leader(); ok {
			v.Winners[name] = l.ID
		} else {
			v.Winners[name] = ""
		}
		for _, vr := range res.Vendors {
			byVendor[vr.Vendor].Ranks[name] = vr.Rank
			byVendor[vr.Vendor].Totals[name] = vr.Total
		}
	}
	for _, name := range names[1:] {
		if v.Winners[name] != v.Winners[names[0]] {
			v.WinnerDiffers = append(v.WinnerDiffers, name)
		}
	}
	v.Vendors = byVendor
	out := c.OutOrStdout()
	if f == "json" {
		return writeJSON(out, orderedJSON{{"profiles", v.Profiles}, {"vendors", v.Vendors}, {"winners", v.Winners}, {"winner_differs", v.WinnerDiffers}})
	}
	l := lang(c)
	differs := map[string]bool{}
	for _, n := range v.WinnerDiffers {
		differs[n] = true
	}
	header := []string{tr(l, "vendor", "厂商")}
	right := map[int]bool{}
	for i, n := range names {
		if differs[n] {
			n += " *"
		}
		header = append(header, n)
		right[i+1] = true
	}
	t := export.TextTable{Header: header, Right: right}
	for i, vd := range byVendor {
		row := []string{ev.Vendors[i].Name.In(l)}
		for _, n := range names {
			if vd.Ranks[n] == 0 {
				row = append(row, tr(l, "excluded", "已否决"))
				continue
			}
			row = append(row, fmt.Sprintf("#%d  %.3f", vd.Ranks[n], vd.Totals[n]))
		}
		t.Add(row...)
	}
	if err := t.Write(out); err != nil {
		return err
	}
	if len(v.WinnerDiffers) == 0 {
		_, err = fmt.Fprintf(out, tr(l, "the winner is %s under every profile\n", "各权重配置下第一名相同：%s\n"), orNobody(v.Winners[names[0]]))
		return err
	}
	var parts []string
	for _, n := range v.WinnerDiffers {
		parts = append(parts, fmt.Sprintf("%s (%s)", n, orNobody(v.Winners[n])))
	}
	_, err = fmt.Fprintf(out, tr(l, "* winner differs from %s (%s) under: %s\n", "* 第一名与 %s（%s）不同的配置：%s\n"), names[0], orNobody(v.Winners[names[0]]), strings.Join(parts, ", "))
	return err
}
