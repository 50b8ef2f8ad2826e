package ui

import (
	"image/color"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// series is one measure of a trend chart, a value a day (NaN: unknown
// that day), drawn as bars or as a line, against the left scale or, for a
// measure of another size (fevers beside thousands of passages), the right.
type series struct {
	name  string
	color fyne.ThemeColorName
	bars  bool
	right bool
	unit  string
	vals  []float64
}

// trendChart draws a few measures day by day, drawn again at any size
// (lines and bars, not a picture). Pointing at a day shows that day's
// values in the legend above.
type trendChart struct {
	widget.BaseWidget
	title  string
	days   []time.Time
	series []series
	hover  int // the day pointed at; -1: none, the legend shows the last
}

func newTrendChart(title string) *trendChart {
	c := &trendChart{title: title, hover: -1}
	c.ExtendBaseWidget(c)
	return c
}

// set shows new days and measures.
func (c *trendChart) set(days []time.Time, s []series) {
	c.days, c.series, c.hover = days, s, -1
	c.Refresh()
}

// legend is the chart's title with the day it speaks of (the day pointed
// at, else the last), and each measure's name and value that day.
func (c *trendChart) legend() (string, []string) {
	i := len(c.days) - 1
	if c.hover >= 0 {
		i = c.hover
	}
	if i < 0 {
		return c.title, nil
	}
	values := make([]string, len(c.series))
	for k, s := range c.series {
		values[k] = s.name + " " + valueText(s.vals[i]) + s.unit
	}
	return c.title + "  " + c.days[i].Format("1月2日"), values
}

// valueText is a value as the chart writes it: whole numbers whole, one
// decimal otherwise, — for unknown.
func valueText(v float64) string {
	switch {
	case math.IsNaN(v):
		return "—"
	case v == math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// MouseIn, MouseMoved and MouseOut point at days.
func (c *trendChart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

func (c *trendChart) MouseMoved(e *desktop.MouseEvent) {
	i := -1
	if n := len(c.days); n > 0 {
		left, width := chartPlot(c.Size(), c.hasRight())
		i = int((e.Position.X - left) / (width / float32(n)))
		if i < 0 || i >= n {
			i = -1
		}
	}
	if i != c.hover {
		c.hover = i
		c.Refresh()
	}
}

func (c *trendChart) MouseOut() {
	c.hover = -1
	c.Refresh()
}

func (c *trendChart) hasRight() bool {
	for _, s := range c.series {
		if s.right {
			return true
		}
	}
	return false
}

// chartPlot is where the plot lies across a chart of size: its left edge
// and width, the scales' numbers beside it.
func chartPlot(size fyne.Size, right bool) (left, width float32) {
	left, width = 40, size.Width-48
	if right {
		width -= 32
	}
	return left, max(width, 1)
}

func (c *trendChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c, title: canvas.NewText("", color.Black)}
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	return r
}

type chartRenderer struct {
	c       *trendChart
	title   *canvas.Text
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(260, 150) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Refresh()                     { r.Layout(r.c.Size()) }

// Layout draws the chart for its size: grid lines and the scales' numbers,
// bars, lines with a dot a day, the days under every few bars, the day
// pointed at marked.
func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	small := theme.CaptionTextSize()
	title, values := c.legend()
	r.title.Text, r.title.Color, r.title.TextSize = title, fg, small+1
	r.title.Move(fyne.NewPos(4, 0))
	r.objects = []fyne.CanvasObject{r.title}
	// The key: a swatch in each measure's colour, its name and value.
	x := float32(4)
	for k, s := range c.series {
		sw := canvas.NewRectangle(theme.Color(s.color))
		sw.Move(fyne.NewPos(x, 20))
		sw.Resize(fyne.NewSize(10, 10))
		t := canvas.NewText(values[k], fg)
		t.TextSize = small
		t.Move(fyne.NewPos(x+14, 17))
		r.objects = append(r.objects, sw, t)
		x += 14 + fyne.MeasureText(values[k], small, fyne.TextStyle{}).Width + 14
	}
	n := len(c.days)
	if n == 0 || size.Width < 10 || size.Height < 60 {
		canvas.Refresh(c)
		return
	}
	left, width := chartPlot(size, c.hasRight())
	top, bottom := float32(40), size.Height-18
	height := bottom - top
	slot := width / float32(n)
	tops := map[bool]float64{}
	for _, s := range c.series {
		for _, v := range s.vals {
			if !math.IsNaN(v) {
				tops[s.right] = max(tops[s.right], v)
			}
		}
	}
	for side, v := range tops {
		tops[side] = niceTop(v)
	}
	text := func(s string, col color.Color, x, y float32, align fyne.TextAlign) {
		t := canvas.NewText(s, col)
		t.TextSize = small
		t.Alignment = align
		w := fyne.MeasureText(s, small, fyne.TextStyle{}).Width
		switch align {
		case fyne.TextAlignTrailing:
			x -= w
		case fyne.TextAlignCenter:
			x -= w / 2
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, small+2))
		r.objects = append(r.objects, t)
	}
	// Grid lines at nothing, half and the top, numbered on each scale.
	for k := range 3 {
		y := bottom - height*float32(k)/2
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		line.StrokeWidth = 1
		line.Position1, line.Position2 = fyne.NewPos(left, y), fyne.NewPos(left+width, y)
		r.objects = append(r.objects, line)
		if top, ok := tops[false]; ok {
			text(valueText(top*float64(k)/2), muted, left-4, y-small/2-1, fyne.TextAlignTrailing)
		}
		if top, ok := tops[true]; ok {
			text(valueText(top*float64(k)/2), muted, left+width+4, y-small/2-1, fyne.TextAlignLeading)
		}
	}
	if c.hover >= 0 {
		mark := canvas.NewRectangle(theme.Color(theme.ColorNameHover))
		mark.Move(fyne.NewPos(left+slot*float32(c.hover), top))
		mark.Resize(fyne.NewSize(slot, height))
		r.objects = append(r.objects, mark)
	}
	y := func(s series, v float64) float32 {
		if tops[s.right] == 0 {
			return bottom
		}
		return bottom - height*float32(v/tops[s.right])
	}
	bars := 0
	for _, s := range c.series {
		if s.bars {
			bars++
		}
	}
	b := 0
	for _, s := range c.series {
		col := theme.Color(s.color)
		if s.bars {
			w := slot * 0.7 / float32(bars)
			for i, v := range s.vals {
				if math.IsNaN(v) {
					continue
				}
				bar := canvas.NewRectangle(col)
				x := left + slot*float32(i) + slot*0.15 + w*float32(b)
				bar.Move(fyne.NewPos(x, y(s, v)))
				bar.Resize(fyne.NewSize(max(w-1, 1), bottom-y(s, v)))
				r.objects = append(r.objects, bar)
			}
			b++
			continue
		}
		var prev *fyne.Position
		for i, v := range s.vals {
			if math.IsNaN(v) {
				prev = nil // an unknown day breaks the line
				continue
			}
			p := fyne.NewPos(left+slot*(float32(i)+0.5), y(s, v))
			if prev != nil {
				seg := canvas.NewLine(col)
				seg.StrokeWidth = 2
				seg.Position1, seg.Position2 = *prev, p
				r.objects = append(r.objects, seg)
			}
			dot := canvas.NewCircle(col)
			dot.Move(p.SubtractXY(2.5, 2.5))
			dot.Resize(fyne.NewSize(5, 5))
			r.objects = append(r.objects, dot)
			prev = &p
		}
	}
	// The days under the plot: as many as fit, the last always.
	every := max(1, int(math.Ceil(float64(n)*46/float64(width))))
	for i := n - 1; i >= 0; i -= every {
		text(c.days[i].Format("1/2"), muted, left+slot*(float32(i)+0.5), bottom+2, fyne.TextAlignCenter)
	}
	canvas.Refresh(c)
}

// niceTop rounds a scale's top up to 1, 2 or 5 times a power of ten, so
// the grid's numbers read easily.
func niceTop(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}
