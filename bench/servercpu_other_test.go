//go:build !linux

package bench

import (
	"errors"
	"time"
)

// processTreeCPU is not measured on this platform; benchmarks then omit
// server-cpu-ms.
func processTreeCPU(int) (time.Duration, error) {
	return 0, errors.New("server CPU time is read from /proc, on Linux only")
}
