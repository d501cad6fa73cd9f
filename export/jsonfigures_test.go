package export

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/attache/attache/interchange"
)

// The JSON export carries each figure's PNG in base64, and reads back
// with the same figure.
func TestJSONExportCarriesFigures(t *testing.T) {
	fig := newFigure(t, 4, 300, 200, 1, "Cable faults by year")
	b := figureBundle(t, fig)
	f, _ := Lookup("json")
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, b, nil); err != nil {
		t.Fatal(err)
	}
	var found []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if fg, ok := v["figure"].(map[string]any); ok {
				if s, ok := fg["png"].(string); ok {
					found = append(found, s)
				}
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	walk(doc)
	if len(found) != 1 {
		t.Fatalf("%d figures with a PNG in the JSON, want 1", len(found))
	}
	if png, err := base64.StdEncoding.DecodeString(found[0]); err != nil || !bytes.Equal(png, fig.PNG) {
		t.Fatalf("the JSON's PNG is not the figure's (%v)", err)
	}
	back, err := interchange.ReadJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var got *Item
	for _, it := range NewDocument(back).Body {
		if it.Figure != nil {
			got = &it
		}
	}
	if got == nil || !bytes.Equal(got.Figure.PNG, fig.PNG) || got.Figure.Page != 4 || got.FigureLabel() != "Figure 1: Cable faults by year" {
		t.Fatalf("read back, the figure is %+v", got)
	}
}
