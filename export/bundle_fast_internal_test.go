package export

import (
	"bytes"

	"ccselect/model"
)

// DecodeCarefully is DecodeBundleBytes without the fast path (for the tests that compare them).
func DecodeCarefully(data []byte) (*model.Evaluation, error) {
	data, err := screenBundle(data)
	if err != nil {
		return nil, err
	}
	return decodeCareful(data)
}

// FastPathTaken reports whether DecodeBundleBytes would accept data without the careful path
// (data has passed the UTF-8 and limit checks).
func FastPathTaken(data []byte) bool {
	_, ok := decodeFast(bytes.TrimPrefix(data, []byte("\ufeff")))
	return ok
}

// PlainShapes reports whether the fast path decodes with json.Unmarshal (see plainShapes).
func PlainShapes() bool { return plainShapes() }
