package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"

	"github.com/attache/attache/domain"
)

// The original files sources were imported from, kept once per SHA-256 in
// the files table (see migration 007): the page view of a PDF source
// draws them, and `attache source file` gives them back, after the file
// itself has been moved or lost.

// keepOriginal stores src.Original, unless the library has a file of the
// same bytes already, and names it as the file of source src.ID.
func keepOriginal(ctx context.Context, tx *Tx, src *domain.Source) error {
	src.FileSHA256 = sha256Hex(src.Original)
	if _, err := tx.ExecContext(ctx, `INSERT INTO files (sha256, name, size, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, src.FileSHA256, src.FileName, len(src.Original), src.Original); err != nil {
		return dbError("keep the original file", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sources SET file_sha256 = ? WHERE id = ?`, src.FileSHA256, src.ID); err != nil {
		return dbError("keep the original file", err)
	}
	return nil
}

// checkTextMap refuses a page map that does not fit the source's text,
// before anything is stored: the page view would highlight the wrong words.
func checkTextMap(src *domain.Source) error {
	if src.TextMap == nil {
		return nil
	}
	return src.TextMap.Validate(len([]rune(src.Text)))
}

// textMapBlob is the page map as stored; nil (SQL NULL) for none.
func textMapBlob(m *domain.TextMap) ([]byte, error) {
	if m == nil {
		return nil, nil
	}
	b, err := m.MarshalBinary()
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "the source's page map cannot be stored: %v", err)
	}
	return b, nil
}

// readTextMap decodes a stored page map; a damaged one is left out (the
// source still reads as text) rather than making the source unreadable.
func readTextMap(blob []byte) *domain.TextMap {
	if len(blob) == 0 {
		return nil
	}
	var m domain.TextMap
	if err := m.UnmarshalBinary(blob); err != nil {
		return nil
	}
	return &m
}

// completeExisting gives a source imported again what the new import
// brings and the stored one lacks: its original file and its page map
// (a PDF imported before Attaché kept them). The text is the same, so the
// new map fits it. A location is kept too, for a source imported before
// Attaché kept them or from a paste.
func completeExisting(ctx context.Context, tx *Tx, got, src *domain.Source) error {
	if got.FileSHA256 == "" && src.Original != nil {
		keep := *got
		keep.Original, keep.FileName = src.Original, src.FileName
		if keep.FileName == "" {
			keep.FileName = got.FileName
		}
		if err := keepOriginal(ctx, tx, &keep); err != nil {
			return err
		}
		got.FileSHA256 = keep.FileSHA256
	}
	if got.TextMap == nil && src.TextMap != nil {
		blob, err := textMapBlob(src.TextMap)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE source_texts SET text_map = ? WHERE source_id = ?`, blob, got.ID); err != nil {
			return dbError("keep the page map", err)
		}
		got.TextMap = src.TextMap
	}
	if got.Location == "" && src.Location != "" {
		// Where the file is now lets a recheck read it again.
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET location = ? WHERE id = ?`, tx.d.path(src.Location), got.ID); err != nil {
			return dbError("keep the file's location", err)
		}
		got.Location = src.Location
	}
	return nil
}

// SourceFile implements domain.SourceService. The name is the one the
// source was imported from, or the file's first name when the source has
// none of its own.
func (s *Store) SourceFile(ctx context.Context, id int64) (f *domain.OriginalFile, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		var own string
		var sum sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT file_name, file_sha256 FROM sources WHERE id = ?`, id).Scan(&own, &sum)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return domain.Errorf(domain.ENOTFOUND, "there is no source %d: list the sources with `attache sources`", id)
		case err != nil:
			return dbError("read source", err)
		case !sum.Valid:
			return domain.Errorf(domain.ENOTFOUND, "the library keeps no original file for source %d (imported before Attaché kept files, from the web or a paste, or larger than the limit in Settings): import the file again to keep it", id)
		}
		f = &domain.OriginalFile{SHA256: sum.String}
		if err := tx.QueryRowContext(ctx, `SELECT name, data FROM files WHERE sha256 = ?`, sum.String).Scan(&f.Name, &f.Data); err != nil {
			return dbError("read the original file", err)
		}
		if own != "" {
			f.Name = own
		}
		if sha256Hex(f.Data) != f.SHA256 {
			return domain.Errorf(domain.EINVALID, "the original file kept for source %d is damaged (its SHA-256 no longer matches): import the file again, or restore the library from a backup", id)
		}
		return nil
	})
	return f, err
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// FileInfo is what is said of an original file without reading it.
type FileInfo struct {
	Name   string // as SourceFile names it
	SHA256 string
	Size   int64
}

// SourceFileInfo tells of the original file kept for source id without
// reading its bytes (`attache source show`); nil when none is kept.
func (s *Store) SourceFileInfo(ctx context.Context, id int64) (info *FileInfo, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		var i FileInfo
		var own string
		err := tx.QueryRowContext(ctx, `SELECT s.file_name, f.name, f.sha256, f.size FROM sources s
			JOIN files f ON f.sha256 = s.file_sha256 WHERE s.id = ?`, id).Scan(&own, &i.Name, &i.SHA256, &i.Size)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil
		case err != nil:
			return dbError("read source", err)
		}
		if own != "" {
			i.Name = own
		}
		info = &i
		return nil
	})
	return info, err
}
