//go:build !unix

package bench

import "time"

// cpuTime is not measured on this platform; benchmarks then omit cpu-ms.
func cpuTime() time.Duration { return 0 }
