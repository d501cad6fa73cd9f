package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of /proc's CPU times: 100 on every
// Linux architecture Go runs on.
const clockTicks = 100

// processTreeCPU is the CPU time (user + system) used so far by the parent
// of process pid and the parent's live children: for a PostgreSQL backend,
// the whole server.
func processTreeCPU(pid int) (time.Duration, error) {
	st, err := procStat(pid)
	if err != nil {
		return 0, err
	}
	root := st.ppid
	paths, _ := filepath.Glob("/proc/[0-9]*/stat")
	var ticks int64
	for _, p := range paths {
		n, err := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if err != nil {
			continue
		}
		st, err := procStat(n)
		if err != nil || (n != root && st.ppid != root) {
			continue // gone meanwhile, or not the server's
		}
		ticks += st.cpu
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

type procStatus struct {
	ppid int
	cpu  int64 // utime + stime, in clock ticks
}

// procStat reads /proc/PID/stat: the fields after the command name, which
// is in parentheses and may hold spaces, are state, ppid, … utime (14th
// field), stime (15th).
func procStat(pid int) (procStatus, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStatus{}, err
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return procStatus{}, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3, state
	if len(f) < 13 {
		return procStatus{}, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	ppid, err1 := strconv.Atoi(f[1])
	ut, err2 := strconv.ParseInt(f[11], 10, 64)
	stm, err3 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return procStatus{}, fmt.Errorf("/proc/%d/stat: unreadable", pid)
	}
	return procStatus{ppid: ppid, cpu: ut + stm}, nil
}
