#!/usr/bin/env bash
# Checks the DOCX export in LibreOffice: installs LibreOffice Writer (no
# GUI) and poppler if missing, then runs export's TestDOCXInLibreOffice,
# which converts the fixture briefing's DOCX to PDF with LibreOffice and
# compares its text and page count with Attaché's own PDF. Not part of
# make test: LibreOffice is a large install and a conversion takes seconds.
#
# Usage: scripts/check-docx.sh [OUTDIR]
# With OUTDIR (or $ATTACHE_CHECK_DOCX_OUT), the DOCX, both PDFs and their
# pages as PNG (60 dpi) are kept there to compare by eye.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
missing=""
command -v soffice >/dev/null || missing="$missing libreoffice-writer-nogui"
command -v pdftoppm >/dev/null || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
	echo "Installing:$missing"
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi
if [ $# -gt 0 ]; then
	mkdir -p "$1"
	ATTACHE_CHECK_DOCX_OUT=$(realpath "$1")
	export ATTACHE_CHECK_DOCX_OUT
fi
ATTACHE_CHECK_DOCX=1 go test -tags sqlite_fts5 -count=1 -timeout 10m -v -run 'TestDOCXInLibreOffice$' ./export/
