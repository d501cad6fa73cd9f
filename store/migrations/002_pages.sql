-- Where each page after the first begins in a paged source's text (rune
-- offsets, JSON array), so excerpts from PDFs can cite "p. 12".
ALTER TABLE source_texts ADD COLUMN pages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pages));
