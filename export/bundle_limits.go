package export

import (
	"errors"
	"fmt"

	"ccselect/model"
)

// maxDepth bounds how deeply a bundle may nest: the real shape is 6 levels deep, and a stream of
// ten million '[' must be refused before a decoder recurses into it.
const maxDepth = 64

// maxRawString is the longest string, as written in JSON, that can still hold a text within
// model.MaxNoteLen characters (every character written as a 12-byte surrogate-pair escape).
const maxRawString = model.MaxNoteLen*12 + 2

// scanLimits is one linear pass over the raw bundle, before any decoder builds anything from it:
// it refuses nesting beyond maxDepth, a string too long for any field (a 1 MB vendor name is
// refused here in microseconds, with its position), and a \u escape that encodes a lone UTF-16
// surrogate, which encoding/json would silently turn into U+FFFD.
func scanLimits(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			if depth++; depth > maxDepth {
				return fmt.Errorf("%s: the bundle nests more than %d levels deep", position(data, i), maxDepth)
			}
		case '}', ']':
			depth--
		case '"':
			end, err := scanString(data, i)
			if err != nil {
				return err
			}
			if end-i > maxRawString {
				return fmt.Errorf("%s: a text longer than any field allows (names at most %d characters, notes %d)",
					position(data, i), model.MaxNameLen, model.MaxNoteLen)
			}
			i = end
		}
	}
	return nil
}

// scanString returns the offset of the closing quote of the string opening at data[start],
// refusing a lone surrogate escape. An unterminated string is left to the JSON parser.
func scanString(data []byte, start int) (int, error) {
	pendingHigh := -1 // offset of a high surrogate escape waiting for its low half
	for i := start + 1; i < len(data); i++ {
		switch data[i] {
		case '"':
			if pendingHigh >= 0 {
				return 0, loneSurrogate(data, pendingHigh)
			}
			return i, nil
		case '\\':
			if i+1 >= len(data) {
				return len(data), nil
			}
			if data[i+1] != 'u' {
				if pendingHigh >= 0 {
					return 0, loneSurrogate(data, pendingHigh)
				}
				i++
				continue
			}
			v, ok := hex4(data, i+2)
			if !ok {
				return len(data), nil // the parser reports the bad escape
			}
			switch {
			case v >= 0xd800 && v <= 0xdbff:
				if pendingHigh >= 0 {
					return 0, loneSurrogate(data, pendingHigh)
				}
				pendingHigh = i
			case v >= 0xdc00 && v <= 0xdfff:
				if pendingHigh < 0 {
					return 0, loneSurrogate(data, i)
				}
				pendingHigh = -1
			default:
				if pendingHigh >= 0 {
					return 0, loneSurrogate(data, pendingHigh)
				}
			}
			i += 5
		default:
			if pendingHigh >= 0 {
				return 0, loneSurrogate(data, pendingHigh)
			}
		}
	}
	return len(data), nil
}

func hex4(data []byte, at int) (int, bool) {
	if at+4 > len(data) {
		return 0, false
	}
	v := 0
	for _, c := range data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			v = v*16 + int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v*16 + int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v*16 + int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

var errLoneSurrogate = errors.New("a \\u escape encodes half of a UTF-16 surrogate pair (a lone surrogate), which is not text")

func loneSurrogate(data []byte, at int) error {
	return fmt.Errorf("%s: %w", position(data, at), errLoneSurrogate)
}
