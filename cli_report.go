package main

import (
	"io"

	"ccselect/export"
	"ccselect/model"
)

func cmdReport(args []string, out io.Writer) error {
	fs := newFlags("report")
	pf := addProblemFlags(fs)
	method := fs.String("method", "wsm", "wsm (weighted sum) or topsis")
	format := fs.String("format", "table", "table, json or csv")
	lang := langFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	l, err := resolveLang(*lang)
	if err != nil {
		return err
	}
	m, err := model.ParseMethod(*method)
	if err != nil {
		return asUsage(err)
	}
	rule, err := pf.rule()
	if err != nil {
		return err
	}
	if *format != "table" && *format != "json" && *format != "csv" {
		return usagef("--format must be table, json or csv, got %q", *format)
	}
	ev, p, err := pf.compile(rule, m)
	if err != nil {
		return err
	}
	res := p.Rank()
	switch *format {
	case "json":
		return export.WriteRankingJSON(out, export.BuildRankingReport(ev, res, rule, l))
	case "csv":
		return export.WriteRankingCSV(out, ev, res, l)
	}
	return export.WriteRankingTable(out, ev, res, rule, l)
}
