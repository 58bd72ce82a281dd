package cli

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"ccselect/docs"
	"ccselect/samples"
)

// Every bundle export writes validates against docs/bundle.schema.json, which ccselect schema
// prints: the sample, a new evaluation of every template (no vendors, reviewers or scores yet:
// empty lists must be [], not null) and one built with the CLI.
func TestExportsValidateAgainstSchema(t *testing.T) {
	if out := mustCLI(t, "schema"); out != string(docs.BundleSchema) {
		t.Fatal("ccselect schema does not print docs/bundle.schema.json")
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs.BundleSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("bundle.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("bundle.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	evals := []string{"示例：云呼叫中心选型 / Sample CCaaS selection"}
	for _, tpl := range samples.TemplateNames() {
		mustCLI(t, "new", "--db", db, "--template", tpl, "--name", tpl)
		evals = append(evals, tpl)
	}
	mustCLI(t, "vendor", "add", "云启通讯", "--id", "yq", "--db", db, "--eval", "default")
	mustCLI(t, "reviewer", "add", "王敏", "--db", db, "--eval", "default")
	mustCLI(t, "score", "set", "--vendor", "yq", "--criterion", "arch_redundancy", "4", "--db", db, "--eval", "default")
	for _, name := range evals {
		out := mustCLI(t, "export", "--db", db, "--eval", name, "--out", "-")
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(out)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("export of %q does not validate: %v", name, err)
		}
	}
}
