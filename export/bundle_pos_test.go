package export

import "testing"

// locateKey reports what an editor shows: 1-based line, column in characters ("名字" is two),
// and the JSON path through objects and arrays.
func TestLocateKey(t *testing.T) {
	line, col, path, ok := locateKey([]byte("{\"a\": [1, {\"b\": 2}],\n  \"名字\": {\"vendros\": 3}}"), "vendros")
	if !ok || line != 2 || col != 10 || path != "$.名字.vendros" {
		t.Errorf("locateKey = %d:%d %s %v, want 2:10 $.名字.vendros", line, col, path, ok)
	}
	line, _, path, _ = locateKey([]byte("[{}, {\"x\": [0, {\"k\": 1}]}]"), "k")
	if line != 1 || path != "$[1].x[1].k" {
		t.Errorf("locateKey in arrays = line %d %s, want $[1].x[1].k", line, path)
	}
}
