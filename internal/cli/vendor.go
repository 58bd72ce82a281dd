package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/internal/ops"
	"ccselect/internal/termtext"
	"ccselect/model"
	"ccselect/storage"
)

func newVendorCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "vendor",
		Short: "Add, list, rename, change or remove the vendors",
		Long:  "The candidate vendors of an evaluation. A vendor has an id (used in CSV files and --vendor), a name, an indicative price and a note.",
		Example: `  ccselect vendor add 云启通讯 --id yq --price 180 --eval W
  ccselect vendor list --eval W
  ccselect vendor set yq --price 175 --note "after the second offer"
  ccselect vendor rename yq "Yunqi Telecom"
  ccselect vendor rm yq`,
		Args: noArgs,
	}
	add := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a vendor",
		Long: `Add a vendor to the evaluation. Without --id the id is derived from the name
(lower-case letters and digits; a Chinese name gives vendor-N).`,
		Example: "  ccselect vendor add 云启通讯 --id yq --eval W\n  ccselect vendor add \"Rock Link\" --price 150 --note \"on-prem option\"",
		Args:    exactArgs(1, "the vendor's NAME"),
		RunE:    runVendorAdd,
	}
	add.Flags().String("id", "", "vendor id (default: derived from the name)")
	add.Flags().String("price", "", "indicative price per seat per month")
	add.Flags().String("note", "", "a note about the vendor")
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the vendors",
		Long:    "List the vendors of the evaluation: id, name, price and note.",
		Example: "  ccselect vendor list --eval W\n  ccselect vendor list --format json",
		Args:    noArgs,
		RunE:    runVendorList,
	}
	addFormat(list, "table", "json")
	rename := &cobra.Command{
		Use:               "rename VENDOR NEW-NAME",
		Short:             "Rename a vendor",
		Long:              "Rename a vendor; its id, scores and notes stay.",
		Example:           `  ccselect vendor rename yq "Yunqi Telecom"`,
		Args:              exactArgs(2, "VENDOR and NEW-NAME"),
		ValidArgsFunction: completeVendorArg,
		RunE: func(c *cobra.Command, args []string) error {
			name, err := ops.CheckName("vendor", args[1])
			if err != nil {
				return asUsage(err)
			}
			return editVendor(c, args[0], func(v *model.Vendor) { v.Name = model.Both(name) })
		},
	}
	set := &cobra.Command{
		Use:               "set VENDOR",
		Short:             "Change a vendor's price or note",
		Long:              "Change a vendor's indicative price (--price 0 clears it) or note.",
		Example:           `  ccselect vendor set yq --price 175 --note "after the second offer"`,
		Args:              exactArgs(1, "VENDOR"),
		ValidArgsFunction: completeVendorArg,
		RunE: func(c *cobra.Command, args []string) error {
			if !c.Flags().Changed("price") && !c.Flags().Changed("note") {
				return usagef("nothing to set: give --price or --note")
			}
			price, note, err := priceAndNote(c)
			if err != nil {
				return err
			}
			return editVendor(c, args[0], func(v *model.Vendor) {
				if c.Flags().Changed("price") {
					v.Price = price
				}
				if c.Flags().Changed("note") {
					v.Notes = note
				}
			})
		},
	}
	set.Flags().String("price", "", "indicative price per seat per month (0 clears it)")
	set.Flags().String("note", "", "a note about the vendor")
	rm := &cobra.Command{
		Use:               "rm VENDOR",
		Aliases:           []string{"remove", "delete"},
		Short:             "Remove a vendor and its scores",
		Long:              "Remove a vendor and every score given to it (undo in the workbench brings both back).",
		Example:           "  ccselect vendor rm yq --eval W",
		Args:              exactArgs(1, "VENDOR"),
		ValidArgsFunction: completeVendorArg,
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				id, err := resolveVendor(ev, args[0])
				if err != nil {
					return err
				}
				if err := st.DeleteVendor(ev.ID, id, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("removed vendor %s from %q", id, ev.Name), orderedJSON{{"id", id}, {"removed", true}})
			})
		},
	}
	for _, s := range []*cobra.Command{add, list, rename, set, rm} {
		addEval(s)
		if s != list {
			addAs(s)
			addFormat(s, "text", "json")
		}
	}
	c.AddCommand(add, list, rename, set, rm)
	return c
}

func parsePrice(c *cobra.Command) (float64, error) {
	s := strings.TrimSpace(str(c, "price"))
	if s == "" {
		return 0, nil
	}
	p, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(p) || math.IsInf(p, 0) || p < 0 {
		return 0, usagef("--price must be a number of 0 or more, got %q", s)
	}
	return p, nil
}

// checkNote refuses control characters other than newline in a note.
func checkNote(s string) (string, error) {
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f {
			return "", usagef("the note contains a control character; use plain text")
		}
	}
	return strings.TrimSpace(s), nil
}

func runVendorAdd(c *cobra.Command, args []string) error {
	name, err := ops.CheckName("vendor", args[0])
	if err != nil {
		return asUsage(err)
	}
	id := strings.TrimSpace(str(c, "id"))
	if id != "" {
		if err := checkID("vendor", id); err != nil {
			return err
		}
	}
	price, note, err := priceAndNote(c)
	if err != nil {
		return err
	}
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		if id == "" {
			id = model.NewID(name, "vendor", func(s string) bool { return ev.VendorIndex(s) >= 0 })
		} else if ev.VendorIndex(id) >= 0 {
			return fmt.Errorf("vendor %s already exists in %q (ccselect vendor set or rename changes it)", id, ev.Name)
		}
		v := model.Vendor{ID: id, Name: model.Both(name), Price: price, Notes: note}
		if err := st.SaveVendor(ev.ID, v, actor(c)); err != nil {
			return err
		}
		return done(c, fmt.Sprintf("added vendor %s %q to %q", id, name, ev.Name), orderedJSON{{"id", id}, {"name", name}})
	})
}

// checkID: ids appear in CSV files, flags and URLs of reports: letters, digits, - and _.
func checkID(what, id string) error {
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return usagef("--id %q: a %s id uses letters, digits, - and _ only", id, what)
		}
	}
	if len(id) > 64 {
		return usagef("--id is longer than 64 characters")
	}
	return nil
}

func editVendor(c *cobra.Command, ref string, change func(*model.Vendor)) error {
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		id, err := resolveVendor(ev, ref)
		if err != nil {
			return err
		}
		v := ev.Vendors[ev.VendorIndex(id)]
		change(&v)
		if err := st.SaveVendor(ev.ID, v, actor(c)); err != nil {
			return err
		}
		return done(c, fmt.Sprintf("updated vendor %s", id), orderedJSON{{"id", id}, {"name", v.Name.In(lang(c))}, {"price", v.Price}, {"note", v.Notes}})
	})
}

func runVendorList(c *cobra.Command, _ []string) error {
	return showEval(c, func(ev *model.Evaluation, f string) error {
		if f == "json" {
			vs := ev.Vendors
			if vs == nil {
				vs = []model.Vendor{}
			}
			return writeJSON(c.OutOrStdout(), vs)
		}
		t := export.TextTable{Header: []string{"id", "name", "price", "note"}, Right: map[int]bool{2: true}}
		for _, v := range ev.Vendors {
			price := ""
			if v.Price > 0 {
				price = strconv.FormatFloat(v.Price, 'f', -1, 64)
			}
			t.Add(v.ID, termtext.Clean(v.Name.In(lang(c))), price, termtext.Clean(v.Notes))
		}
		return t.Write(c.OutOrStdout())
	})
}

// priceAndNote reads --price and --note as vendor add and vendor set take them.
func priceAndNote(c *cobra.Command) (price float64, note string, err error) {
	if price, err = parsePrice(c); err != nil {
		return 0, "", err
	}
	note, err = checkNote(str(c, "note"))
	return price, note, err
}
