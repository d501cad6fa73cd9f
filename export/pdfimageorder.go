package export

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// gofpdf writes its images in order of width, but takes them from a map:
// two images of one width come out in either order, and the same
// briefing would give other bytes from one export to the next. So the
// image objects are put in the order of their names (gofpdf's hash of
// each image) and numbered again, which relies on what gofpdf writes:
// each image object (with its soft mask or palette after it) in one run
// just before the resource dictionary, object 2, the one place that
// refers to them by number, as "/I<hash> N 0 R".

var (
	xobjectRef = regexp.MustCompile(`/I([0-9a-f]+) (\d+) 0 R`)
	objectRef  = regexp.MustCompile(`(\d+) 0 R`)
)

// imageGroup is an image object and the objects that follow it (its soft
// mask, its palette).
type imageGroup struct {
	name string
	objs []*pdfObject
}

// orderImages puts the image objects of objs in a fixed order.
func orderImages(objs []*pdfObject) ([]*pdfObject, error) {
	res := slices.IndexFunc(objs, func(o *pdfObject) bool { return o.num == 2 })
	if res < 0 {
		return objs, nil
	}
	refs := xobjectRef.FindAllSubmatch(objs[res].head, -1)
	if len(refs) < 2 {
		return objs, nil // nothing to order
	}
	names := map[int]string{}
	for _, m := range refs {
		n, _ := strconv.Atoi(string(m[2]))
		names[n] = string(m[1])
	}
	start := slices.IndexFunc(objs[:res], func(o *pdfObject) bool { _, ok := names[o.num]; return ok })
	if start < 0 {
		return nil, fmt.Errorf("compress PDF: the images are not where expected")
	}
	var groups []*imageGroup
	for _, o := range objs[start:res] {
		if name, ok := names[o.num]; ok {
			groups = append(groups, &imageGroup{name: name})
		}
		g := groups[len(groups)-1]
		g.objs = append(g.objs, o)
	}
	if len(groups) != len(names) {
		return nil, fmt.Errorf("compress PDF: %d images listed, %d found", len(names), len(groups))
	}
	slices.SortFunc(groups, func(a, b *imageGroup) int { return bytes.Compare([]byte(a.name), []byte(b.name)) })
	renumber := map[int]int{}
	next := objs[start].num
	for _, g := range groups {
		for _, o := range g.objs {
			renumber[o.num] = next
			next++
		}
	}
	out := slices.Clone(objs)
	k := start
	for _, g := range groups {
		for _, o := range g.objs {
			o.renumber(renumber, objectRef)
			out[k] = o
			k++
		}
	}
	out[res].renumber(renumber, xobjectRef)
	return out, nil
}

// renumber gives the object its new number and rewrites the references
// ref matches (its last group the number) that renumber maps.
func (o *pdfObject) renumber(renumber map[int]int, ref *regexp.Regexp) {
	head := o.head
	if m := objStart.FindSubmatchIndex(head); m != nil && m[0] == 0 {
		if n, ok := renumber[o.num]; ok {
			o.num = n
			head = append([]byte(strconv.Itoa(n)+" 0 obj\n"), head[m[1]:]...)
		}
	}
	o.head = ref.ReplaceAllFunc(head, func(r []byte) []byte {
		sub := ref.FindSubmatchIndex(r)
		at, end := sub[len(sub)-2], sub[len(sub)-1]
		n, _ := strconv.Atoi(string(r[at:end]))
		if m, ok := renumber[n]; ok {
			return slices.Concat(r[:at], []byte(strconv.Itoa(m)), r[end:])
		}
		return r
	})
}
