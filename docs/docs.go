// Package docs holds the documentation that ships inside the binary: the JSON Schema of the
// evaluation bundle, printed by `ccselect schema` and checked against every export in tests.
package docs

import _ "embed"

// BundleSchema is docs/bundle.schema.json (JSON Schema 2020-12).
//
//go:embed bundle.schema.json
var BundleSchema []byte
