package acceptance

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	_ "modernc.org/sqlite"
)

// A hostile case: files to lay out in a fresh directory (which always holds db.db, a good
// database, and s.json, the good sample bundle), the command, the exit code (1 data error, 2
// usage error) and a piece of the error message. Afterwards every file must be byte-for-byte as
// before and no file may have appeared.
type hostile struct {
	name  string
	files map[string][]byte
	setup func(t *testing.T, dir string)
	args  []string
	code  int
	want  string
}

// bundleCase imports a mutated bundle into the good database.
func bundleCase(name string, data []byte, want string) hostile {
	return hostile{name: name, files: map[string][]byte{"in.json": data},
		args: []string{"import", "in.json", "--db", "db.db"}, code: 1, want: want}
}

// replace applies a regular-expression edit to the sample bundle (the first match only).
func replace(pattern, with string) []byte {
	re := regexp.MustCompile(pattern)
	done := false
	return re.ReplaceAllFunc(sampleJSON, func(m []byte) []byte {
		if done {
			return m
		}
		done = true
		return re.ReplaceAll(m, []byte(with))
	})
}

const firstVendorName = `("vendors": \[\s*\{\s*"id": "yunqi",\s*"name": \{\s*"zh": )"[^"]*"`
const firstValue = `("value": )5`
const measuredValue = `("criterion": "track_record",\s*"reviewer": "\w+",\s*"value": )[0-9.]+`

func sqliteFile(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func catalogue() []hostile {
	var cs []hostile
	// Truncated bundles at many offsets.
	for _, off := range []int{1, 2, 17, 64, 100, 333, 1000, 4096, 10000, 50000, len(sampleJSON) / 2, len(sampleJSON) - 3} {
		want := "truncated"
		if !utf8.Valid(sampleJSON[:off]) { // the cut splits a character
			want = "UTF-8"
		}
		cs = append(cs, bundleCase(fmt.Sprintf("truncated at %d", off), sampleJSON[:off], want))
	}
	cs = append(cs,
		// Wrong types.
		bundleCase("value is a string", replace(firstValue, `$1"5"`), "value"),
		bundleCase("industry is a list", bytes.Replace(sampleJSON, []byte(`"industry": "default"`), []byte(`"industry": ["default"]`), 1), "industry"),
		bundleCase("name is a number", replace(`("evaluation": \{\s*"name": )"[^"]*"`, `${1}5`), "name"),
		bundleCase("version is a string", bytes.Replace(sampleJSON, []byte(`"version": 1`), []byte(`"version": "1"`), 1), "version"),
		bundleCase("another format", bytes.Replace(sampleJSON, []byte(`"ccselect-evaluation"`), []byte(`"excel"`), 1), "format"),
		bundleCase("threshold is a boolean", replace(`("threshold": )99.9`, `${1}true`), "threshold"),
		bundleCase("top level is an array", []byte(`[1, 2, 3]`), "not an object"),
		bundleCase("evaluation is null", []byte(`{"format": "ccselect-evaluation", "version": 1, "evaluation": null}`), "evaluation"),
		bundleCase("value is null", replace(firstValue, `${1}null`), "null"),
		bundleCase("unknown field", bytes.Replace(sampleJSON, []byte(`"client":`), []byte(`"clinet": "x", "client":`), 1), "clinet"),
		// Numbers JSON does not have, or that are out of range.
		bundleCase("NaN literal", replace(firstValue, `${1}NaN`), "invalid character"),
		bundleCase("Infinity literal", replace(firstValue, `${1}Infinity`), "invalid character"),
		bundleCase("-Infinity literal", replace(firstValue, `${1}-Infinity`), "invalid character"),
		bundleCase("1e400 overflows", replace(firstValue, `${1}1e400`), "value"),
		bundleCase("measured value 1e308", replace(measuredValue, `${1}1e308`), "out of range"),
		bundleCase("threshold 1e308", replace(`("threshold": )99.9`, `${1}1e308`), "out of range"),
		bundleCase("parameter P 1e308", bytes.Replace(sampleJSON, []byte(`"P": 1000`), []byte(`"P": 1e308`), 1), "out of range"),
		bundleCase("negative price", bytes.Replace(sampleJSON, []byte(`"price": 260`), []byte(`"price": -1`), 1), "price"),
		bundleCase("rating 7", replace(firstValue, `${1}7`), "outside 1–5"),
		// Duplicate keys.
		bundleCase("duplicate name key", bytes.Replace(sampleJSON, []byte(`"client":`), []byte(`"name": "again", "client":`), 1), "duplicate key"),
		bundleCase("duplicate value key", replace(firstValue, `${1}5, "value": 1`), "duplicate key"),
		// Encodings.
		bundleCase("UTF-16LE with BOM", utf16LE(sampleJSON[:2000]), "UTF-8"),
		bundleCase("UTF-16BE", utf16BE(sampleJSON[:2000]), "UTF-8"),
		bundleCase("GBK name", replace(firstVendorName, "$1\"\xd4\xc6\xc6\xf4\""), "UTF-8"),
		bundleCase("raw NUL byte", bytes.Replace(sampleJSON, []byte("Yunqi"), []byte("Yu\x00nqi"), 1), "invalid character"),
		bundleCase("escaped NUL in a name", replace(firstVendorName, `$1"a\u0000b"`), "NUL"),
		// Deep nesting.
		bundleCase("10000 nested arrays", []byte(strings.Repeat("[", 10000)+strings.Repeat("]", 10000)), "nests"),
		bundleCase("nested objects in a field", bytes.Replace(sampleJSON, []byte(`"client": "示例银行 (fictional)"`),
			[]byte(`"client": `+strings.Repeat(`{"a":`, 200)+"1"+strings.Repeat("}", 200)), 1), "nests"),
		// Huge text and limits.
		bundleCase("1 MB vendor name", replace(firstVendorName, `$1"`+strings.Repeat("A", 1<<20)+`"`), "longer than any field"),
		bundleCase("201-character name", replace(firstVendorName, `$1"`+strings.Repeat("名", 201)+`"`), "at most 200"),
		bundleCase("10001-character note", bytes.Replace(sampleJSON, []byte(`"note": "3-AZ active-active + DR region"`),
			[]byte(`"note": "`+strings.Repeat("x", 10001)+`"`), 1), "at most 10000"),
		// Control characters and other text that must not reach a terminal or a CSV.
		bundleCase("ESC in a vendor name", replace(firstVendorName, `$1"\u001b[31mred"`), "escape"),
		bundleCase("raw ESC in a vendor name", replace(firstVendorName, "$1\"\x1b]0;title\x07\""), "invalid character"),
		bundleCase("RLO bidi override", replace(firstVendorName, `$1"abc\u202Edef"`), "bidirectional"),
		bundleCase("isolate U+2066", replace(firstVendorName, `$1"abc\u2066def"`), "bidirectional"),
		bundleCase("C1 control U+0085", replace(firstVendorName, `$1"abc\u0085def"`), "control"),
		bundleCase("lone high surrogate", replace(firstVendorName, `$1"abc\ud800def"`), "lone surrogate"),
		bundleCase("lone low surrogate", replace(firstVendorName, `$1"\udc00"`), "lone surrogate"),
		bundleCase("evaluation name of spaces", replace(`("evaluation": \{\s*"name": )"[^"]*"`, `$1"   "`), "only spaces"),
		bundleCase("tab in a name", replace(firstVendorName, `$1"a\tb"`), "line break or tab"),
		bundleCase("newline in a reviewer name", bytes.Replace(sampleJSON, []byte(`"name": "王敏"`), []byte(`"name": "王\n敏"`), 1), "line break"),
		// Not a bundle at all.
		bundleCase("empty file", []byte{}, "empty"),
		bundleCase("only spaces", []byte("  \n\t "), "empty"),
		bundleCase("trailing data", append(append([]byte{}, sampleJSON...), []byte(`{"x":1}`)...), "after the end"),
		bundleCase("plain text", []byte("vendor,score\nyunqi,5\n"), "invalid character"),
		bundleCase("a SQLite file as a bundle", goodDB, "is a ccselect database, not a bundle"),
	)
	// Database files that are not a good ccselect database, for every reading command.
	dbFiles := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  string
	}{
		{"foreign SQLite", func(t *testing.T, p string) { sqliteFile(t, p, "CREATE TABLE moz_places (url TEXT)") }, "another program"},
		{"foreign SQLite in WAL mode", func(t *testing.T, p string) {
			sqliteFile(t, p, "PRAGMA journal_mode=WAL", "CREATE TABLE moz_places (url TEXT)", "PRAGMA user_version = 70")
		}, "another program"},
		{"damaged (truncated)", func(t *testing.T, p string) { write(t, p, goodDB[:len(goodDB)-4096]) }, "damaged"},
		{"damaged (garbage pages)", func(t *testing.T, p string) {
			b := append([]byte{}, goodDB...)
			for i := 4096; i < len(b); i++ {
				b[i] = byte(i*7 + 3)
			}
			write(t, p, b)
		}, "damaged"},
		{"zero-byte file", func(t *testing.T, p string) { write(t, p, nil) }, "no ccselect database"},
		{"text file", func(t *testing.T, p string) { write(t, p, []byte(strings.Repeat("not a database\n", 20))) }, "not a SQLite database"},
		{"newer schema", func(t *testing.T, p string) {
			write(t, p, goodDB)
			sqliteFile(t, p, "PRAGMA user_version = 99")
		}, "newer"},
		{"directory", func(t *testing.T, p string) { os.Mkdir(p, 0o700) }, "directory"},
		{"FIFO", func(t *testing.T, p string) { syscall.Mkfifo(p, 0o600) }, "not a regular file"},
		{"symlink to a foreign file", func(t *testing.T, p string) {
			sqliteFile(t, p+".real", "CREATE TABLE t (x)")
			os.Symlink(filepath.Base(p)+".real", p)
		}, "another program"},
	}
	for _, d := range dbFiles {
		for _, cmd := range [][]string{{"list"}, {"check"}, {"report"}, {"export", "--format", "json", "--out", "out.json"}, {"import", "s.json"}} {
			d := d
			cs = append(cs, hostile{name: d.name + " / " + cmd[0],
				setup: func(t *testing.T, dir string) { d.setup(t, filepath.Join(dir, "x.db")) },
				args:  append(append([]string{}, cmd...), "--db", "x.db"), code: 1, want: d.want})
		}
	}
	cs = append(cs,
		hostile{name: "missing database / list", args: []string{"list", "--db", "nope.db"}, code: 1, want: "no database"},
		hostile{name: "missing database / report", args: []string{"report", "--db", "nope.db"}, code: 1, want: "no database"},
		hostile{name: "bundle is a directory", setup: func(t *testing.T, dir string) { os.Mkdir(filepath.Join(dir, "d.json"), 0o700) },
			args: []string{"import", "d.json", "--db", "db.db"}, code: 1, want: "directory"},
		hostile{name: "bundle is a FIFO", setup: func(t *testing.T, dir string) { syscall.Mkfifo(filepath.Join(dir, "f.json"), 0o600) },
			args: []string{"import", "f.json", "--db", "db.db"}, code: 1, want: "empty"},
		hostile{name: "bundle is a dangling symlink", setup: func(t *testing.T, dir string) { os.Symlink("gone.json", filepath.Join(dir, "l.json")) },
			args: []string{"import", "l.json", "--db", "db.db"}, code: 1, want: "no such file"},
		hostile{name: "bundle does not exist", args: []string{"import", "nope.json", "--db", "db.db"}, code: 1, want: "no such file"},
		hostile{name: "import under a taken name", args: []string{"import", "s.json", "--db", "db.db"}, code: 1, want: "already exists"},
		hostile{name: "import with no file", args: []string{"import", "--db", "db.db"}, code: 2, want: "FILE"},
		hostile{name: "unknown flag", args: []string{"list", "--db", "db.db", "--bogus"}, code: 2, want: "bogus"},
		hostile{name: "export in another format", args: []string{"export", "--format", "xml", "--out", "o", "--db", "db.db"}, code: 2, want: "xml"},
	)
	return cs
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func utf16LE(b []byte) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(string(b))) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16BE(b []byte) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(string(b))) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// snapshot records every entry of dir: a regular file by its hash, anything else by its type.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		p := filepath.Join(dir, e.Name())
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !fi.Mode().IsRegular() {
			out[e.Name()] = fi.Mode().Type().String()
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	return out
}

// Issue 7: the hostile-input catalogue. For each case: the exit code, the error text, and every
// file involved (database, -wal, input, the directory) byte-for-byte unchanged.
func TestHostileInputs(t *testing.T) {
	cs := catalogue()
	if len(cs) < 60 {
		t.Fatalf("catalogue has %d cases, want at least 60", len(cs))
	}
	t.Logf("%d hostile cases", len(cs))
	for _, c := range cs {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "db.db"), goodDB)
			write(t, filepath.Join(dir, "s.json"), sampleJSON)
			for name, b := range c.files {
				write(t, filepath.Join(dir, name), b)
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			before := snapshot(t, dir)
			r := ccselect(dir, c.args...)
			if r.code != c.code {
				t.Errorf("exit code %d, want %d; stderr: %.300s", r.code, c.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.want) {
				t.Errorf("stderr %.300q should contain %q", r.stderr, c.want)
			}
			after := snapshot(t, dir)
			for name, h := range after {
				if before[name] == h {
					continue
				}
				// A WAL reader of the good database may leave SQLite's empty -wal and -shm.
				if (name == "db.db-wal" || name == "db.db-shm") && before[name] == "" && h == fmt.Sprintf("%x", sha256.Sum256(nil)) {
					continue
				}
				t.Errorf("%s changed or appeared", name)
			}
			for name := range before {
				if _, ok := after[name]; !ok {
					t.Errorf("%s disappeared", name)
				}
			}
			if t.Failed() {
				names := make([]string, 0, len(after))
				for n := range after {
					names = append(names, n)
				}
				sort.Strings(names)
				t.Logf("directory after: %v", names)
			}
		})
	}
}
