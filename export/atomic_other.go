//go:build !unix

package export

import "io/fs"

// noFollow is not needed on Windows (the one non-Unix system ccselect is built for):
// O_CREATE|O_EXCL is CREATE_NEW, which fails on any existing name, a symbolic link included,
// and never opens what a link points to.
const noFollow = 0

// ownedByMe is true on Windows: files there have no Unix owner, a user's exports live in folders
// only they can write by default, and creating a symbolic link takes a privilege ordinary users
// lack, so nobody else can plant one.
func ownedByMe(fs.FileInfo) bool { return true }
