package store

import (
	"os"
	"strings"

	"github.com/attache/attache/domain"
)

// Once damage is known (quick_check failed, or SQLite met a page it could
// not read), the library takes no more writes: each could land beside, or
// on, a damaged page and be lost with it, or make the damage worse, and the
// analyst would believe it kept. What was found is written down beside the
// library (damageFile), so the next command or app refuses too, until a
// check finds the file sound again or a backup is restored over it.

// damageFile is where the finding is kept between runs.
func damageFile(path string) string { return path + ".damaged" }

// knownDamage is the refusal for a write, or nil while no damage is known.
func (s *Store) knownDamage() error {
	s.mu.Lock()
	found := s.damage
	s.mu.Unlock()
	if found == "" {
		return nil
	}
	return &damageRefusal{damagedError{domain.Errorf(domain.EINVALID, "the library %s has damaged pages (%s), so Attaché makes no more changes to it: nothing was changed%s. Export what you need first if the backup is old; if the file has been replaced since, `attache library --check` clears this", s.path, found, backupAdvice(s.path))}}
}

// damageRefusal is knownDamage's error: it matches ErrDamaged, but is no
// new sign of damage.
type damageRefusal struct{ damagedError }

// markDamaged records what was found, here and for later runs.
func (s *Store) markDamaged(found string) {
	found = strings.Join(strings.Fields(found), " ")
	if r := []rune(found); len(r) > 200 {
		found = string(r[:200]) + "…"
	}
	s.mu.Lock()
	first := s.damage == ""
	if first {
		s.damage = found
	}
	s.mu.Unlock()
	if first && !s.readOnly && s.copyDir == "" {
		_ = os.WriteFile(damageFile(s.path), []byte(found+"\n"), 0o600)
	}
}

// clearDamage forgets damage a check no longer finds (the file was
// replaced or repaired).
func (s *Store) clearDamage() {
	s.mu.Lock()
	s.damage = ""
	s.mu.Unlock()
	if !s.readOnly {
		_ = os.Remove(damageFile(s.path))
	}
}

// loadDamage reads what an earlier run found.
func (s *Store) loadDamage() {
	b, err := os.ReadFile(damageFile(s.path))
	if err != nil {
		return
	}
	found := strings.TrimSpace(string(b))
	if found == "" {
		found = "found by an earlier check"
	}
	s.mu.Lock()
	s.damage = found
	s.mu.Unlock()
}

// damageFinding is what an error that shows damage says, for the record.
func damageFinding(err error) string {
	msg := domain.ErrorMessage(err)
	if _, after, ok := strings.Cut(msg, "not an Attaché library: "); ok {
		msg = after
	}
	return "SQLite reported: " + msg
}
