package export

import (
	"fmt"
	"io"
	"strings"

	"ccselect/internal/present"
	"ccselect/model"
)

// mdLabels are the words of the Markdown summary that the ranking report does not already have.
var mdLabels = map[string]model.Text{
	"client":     {Zh: "客户", En: "Client"},
	"price":      {Zh: "参考价（元/座席/月，不计分）", En: "Indicative price (¥/seat/month, not scored)"},
	"pass":       {Zh: "通过", En: "pass"},
	"robustness": {Zh: "稳健性", En: "Robustness"},
}

func ml(lang model.Lang, key string) string { return lookup(mdLabels, lang, key) }

// WriteRankingMarkdown prints the executive summary as Markdown, for pasting into a report or a
// chat: a heading, one line of facts, the ranking as a table (rank, vendor, total, lead, the
// dimension contributions, knock-out status, and the indicative price beside the score) and the
// robustness sentence. p is the problem the ranking came from (the sentence reads its weights).
func WriteRankingMarkdown(w io.Writer, p *model.Problem, rule model.ConsensusRule, lang model.Lang) error {
	e := p.Eval
	res := p.Rank().Clone() // the sentence below ranks again, which reuses the problem's buffers
	f := &e.Framework
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdText(e.Name))
	facts := []string{}
	if e.Client != "" {
		facts = append(facts, fmt.Sprintf("**%s:** %s", ml(lang, "client"), mdText(e.Client)))
	}
	facts = append(facts,
		fmt.Sprintf("**%s:** %s", label(lang, "profile"), mdText(res.Profile)),
		fmt.Sprintf("**%s:** %s", label(lang, "method"), present.MethodName(res.Method, lang)),
		fmt.Sprintf("**%s:** %s", label(lang, "consensus"), label(lang, string(rule))))
	b.WriteString(strings.Join(facts, " · ") + "\n\n")
	if len(res.Vendors) == 0 {
		b.WriteString(label(lang, "no_vendors") + "\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	head := []string{label(lang, "rank"), label(lang, "vendor"), label(lang, "total"), label(lang, "lead")}
	align := []string{"---:", "---", "---:", "---:"}
	for _, d := range f.Dimensions {
		head = append(head, mdText(d.Name.In(lang)))
		align = append(align, "---:")
	}
	head = append(head, label(lang, "status"), ml(lang, "price"))
	align = append(align, "---", "---:")
	b.WriteString("| " + strings.Join(head, " | ") + " |\n")
	b.WriteString("|" + strings.Join(align, "|") + "|\n")
	for i, v := range res.Vendors {
		rank, lead := rankCells(&res, i)
		row := []string{rank, mdText(v.Name.In(lang)), present.Fixed2(v.Total), lead}
		for d := range f.Dimensions {
			row = append(row, present.Fixed2(v.Contributions[d]))
		}
		status := statusText(e, &v, lang)
		if status == "" {
			status = ml(lang, "pass")
		}
		price := "—"
		if x := e.Vendors[v.Vendor].Price; x > 0 {
			price = trim(x)
		}
		row = append(row, mdText(status), price)
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
	}
	if res.Method != (model.WSM{}).Name() {
		b.WriteString("\n" + label(lang, "contrib_note") + "\n")
	}
	fmt.Fprintf(&b, "\n**%s:** %s\n", ml(lang, "robustness"), mdText(present.Robustness(p, nil, nil).In(lang)))
	_, err := io.WriteString(w, b.String())
	return err
}

// mdText makes text safe inside a Markdown table cell: one line, pipes escaped, and the
// characters that would start emphasis, links or HTML escaped so a vendor name prints as typed.
func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}
