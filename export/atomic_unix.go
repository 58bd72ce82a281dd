//go:build unix

package export

import (
	"io/fs"
	"os"
	"syscall"
)

// noFollow makes opening a planted symbolic link fail instead of following it.
const noFollow = syscall.O_NOFOLLOW

// ownedByMe reports whether this process's effective user owns the file.
func ownedByMe(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid()
}
