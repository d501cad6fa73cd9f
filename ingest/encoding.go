package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names used in Report.Encoding.
const (
	EncUTF8        = "utf-8"
	EncUTF16       = "utf-16"
	EncWindows1252 = "windows-1252"
)

// decoded is the input as UTF-8, with how it got there.
type decoded struct {
	text     string
	encoding string
	warnings []string
}

// decode turns raw bytes into UTF-8. Files saved by Windows tools are the
// usual trouble: UTF-16 with a byte-order mark, or Windows-1252 (often
// mislabelled "ANSI" or Latin-1), which is a superset of ISO-8859-1 for text.
func decode(data []byte) decoded {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data, unicode.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, unicode.BigEndian)
	}
	if e, ok := bomlessUTF16(data); ok {
		d := decodeUTF16(data, e)
		d.warnings = append(d.warnings, "the file has no byte-order mark but its layout is UTF-16; read it as UTF-16")
		return d
	}
	return decodeUTF8(data)
}

func decodeUTF8(data []byte) decoded {
	if utf8.Valid(data) {
		return decoded{text: string(data), encoding: EncUTF8}
	}
	// A UTF-8 file with a stray bad byte (a truncated paste, two files joined)
	// is still UTF-8: reading it as Windows-1252 would garble every accent.
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	if multi >= 3 && bad <= multi {
		return decoded{
			text:     strings.ToValidUTF8(string(data), "\uFFFD"),
			encoding: EncUTF8,
			warnings: []string{plural(bad, "byte that is not valid UTF-8 was", "bytes that are not valid UTF-8 were") +
				" replaced with �; check the text near those marks against the original"},
		}
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil { // cannot happen: every byte maps, but never lose the input
		text = []byte(strings.ToValidUTF8(string(data), "\uFFFD"))
	}
	return decoded{
		text:     string(text),
		encoding: EncWindows1252,
		warnings: []string{"the file is not UTF-8, so it was read as Windows-1252 (Western European); " +
			"if accented letters or quotes look wrong, save the file as UTF-8 and import it again"},
	}
}

func decodeUTF16(data []byte, e unicode.Endianness) decoded {
	dec := unicode.UTF16(e, unicode.UseBOM).NewDecoder()
	if len(data)%2 == 1 {
		data = data[:len(data)-1] // a dangling half character carries no text
	}
	text, err := dec.Bytes(data)
	if err != nil {
		text = []byte(strings.ToValidUTF8(string(text), "\uFFFD"))
	}
	return decoded{text: string(text), encoding: EncUTF16}
}

// bomlessUTF16 spots UTF-16 text without a byte-order mark: mostly-ASCII text
// has a zero in every other byte, which no text encoding produces otherwise.
func bomlessUTF16(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return unicode.BigEndian, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*9 && zeroEven == 0:
		return unicode.LittleEndian, true
	case zeroEven*10 >= pairs*9 && zeroOdd == 0:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}
