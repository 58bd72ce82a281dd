package docs

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compile returns the bundle schema compiled (format assertions on, so "created" must be a
// date-time), for the tests here and in internal/cli that validate exports against it.
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(BundleSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("bundle.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("bundle.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The sample bundle that ships with ccselect is what the schema describes; a field the schema
// does not know (or a null list) fails it.
func TestSampleValidates(t *testing.T) {
	s := compile(t)
	data, err := os.ReadFile("../samples/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("sample.json does not validate: %v", err)
	}
	for name, bad := range map[string]string{
		"unknown field": `{"format":"ccselect-evaluation","version":1,"evaluation":{"name":"x","vendros":[]}}`,
		"null vendors":  string(bytes.Replace(data, []byte(`"vendors": [`), []byte(`"vendors": null, "x": [`), 1)),
		"version 2":     string(bytes.Replace(data, []byte(`"version": 1`), []byte(`"version": 2`), 1)),
	} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(v) == nil {
			t.Errorf("%s: validates, want a failure", name)
		}
	}
}

// docExample is the JSON example of bundle.md.
func docExample(t *testing.T) []byte {
	t.Helper()
	md, err := os.ReadFile("bundle.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := bytes.Cut(md, []byte("```json\n"))
	block, _, ok2 := bytes.Cut(rest, []byte("```"))
	if !ok || !ok2 {
		t.Fatal("bundle.md has no ```json example")
	}
	return block
}

// The example in bundle.md is a valid bundle: documentation that does not validate teaches the
// wrong format.
func TestDocExampleValidates(t *testing.T) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(docExample(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := compile(t).Validate(v); err != nil {
		t.Fatalf("the example in bundle.md does not validate: %v", err)
	}
}
