package export

import (
	"encoding/json"
	"io"

	"ccselect/model"
)

// label returns the zh or en wording of the few fixed words the ranking report uses. Domain
// names shared with the workbench (methods, consensus, units, templates) come from
// internal/present; these are the report's own column and section words.
func label(lang model.Lang, key string) string { return lookup(reportLabels, lang, key) }

// lookup finds key in a label table; an unknown key prints as itself, visibly, rather than blank.
func lookup(table map[string]model.Text, lang model.Lang, key string) string {
	if t, ok := table[key]; ok {
		return t.In(lang)
	}
	return key
}

// writeJSON prints v as indented JSON with CJK and "&" left as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

var reportLabels = map[string]model.Text{
	"rank":       {Zh: "排名", En: "Rank"},
	"vendor":     {Zh: "厂商", En: "Vendor"},
	"total":      {Zh: "总分", En: "Total"},
	"closeness":  {Zh: "贴近度", En: "Closeness"},
	"lead":       {Zh: "领先", En: "Lead"},
	"status":     {Zh: "状态", En: "Status"},
	"excluded":   {Zh: "淘汰", En: "excluded"},
	"incomplete": {Zh: "缺评分", En: "incomplete"},
	"missing":    {Zh: "缺", En: "missing"},
	"profile":    {Zh: "权重配置", En: "Profile"},
	"method":     {Zh: "方法", En: "Method"},
	"evaluation": {Zh: "评估", En: "Evaluation"},
	"consensus":  {Zh: "评审汇总", En: "Consensus"},
	"mean":       {Zh: "平均值", En: "mean"},
	"median":     {Zh: "中位数", En: "median"},
	"no_value":   {Zh: "无评分", En: "no score"},
	"contrib_note": {Zh: "贴近度为与理想解的相对贴近度（0–1）；各维度列仍为加权和下的贡献，供参考。",
		En: "Closeness is the relative closeness to the ideal (0–1); the dimension columns are the weighted-sum contributions, for reference."},
	"no_vendors": {Zh: "还没有厂商：请在工作台（ccselect）中添加，或导入评估文件。", En: "No vendors yet: add them in the workbench (ccselect) or import a bundle."},
}
