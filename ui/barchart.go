package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// barChart draws a measure day by day as bars, the value over each and
// the day under it; an unknown day is left empty, a partial one (some
// township missing) is drawn pale.
type barChart struct {
	widget.BaseWidget
	values  []data.TrendValue
	partial []bool
	labels  []string
}

func newBarChart() *barChart {
	c := &barChart{}
	c.ExtendBaseWidget(c)
	return c
}

// set shows new values under their day labels.
func (c *barChart) set(values []data.TrendValue, partial []bool, labels []string) {
	c.values, c.partial, c.labels = values, partial, labels
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{chart: c}
	r.Refresh()
	return r
}

type barRenderer struct {
	chart   *barChart
	bars    []*canvas.Rectangle
	values  []*canvas.Text
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *barRenderer) Refresh() {
	c := r.chart
	r.bars, r.values, r.labels, r.objects = nil, nil, nil, nil
	for i, v := range c.values {
		colour := theme.Color(theme.ColorNamePrimary)
		if c.partial[i] {
			colour = theme.Color(theme.ColorNameDisabled)
		}
		bar := canvas.NewRectangle(colour)
		text := ""
		if v.Known {
			text = strconv.FormatFloat(v.Value, 'f', -1, 64)
			if v.Value != float64(int(v.Value)) {
				text = strconv.FormatFloat(v.Value, 'f', 1, 64)
			}
		}
		value := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
		value.TextSize = theme.CaptionTextSize()
		value.Alignment = fyne.TextAlignCenter
		label := canvas.NewText(c.labels[i], theme.Color(theme.ColorNamePlaceHolder))
		label.TextSize = theme.CaptionTextSize()
		label.Alignment = fyne.TextAlignCenter
		r.bars, r.values, r.labels = append(r.bars, bar), append(r.values, value), append(r.labels, label)
		r.objects = append(r.objects, bar, value, label)
	}
	r.Layout(c.Size())
	canvas.Refresh(c)
}

func (r *barRenderer) Layout(size fyne.Size) {
	n := len(r.bars)
	if n == 0 {
		return
	}
	top := 0.0
	for _, v := range r.chart.values {
		if v.Known {
			top = max(top, v.Value)
		}
	}
	text := theme.CaptionTextSize() + 4
	slot := size.Width / float32(n)
	room := size.Height - 2*text
	for i, bar := range r.bars {
		h := float32(0)
		if v := r.chart.values[i]; v.Known && top > 0 {
			h = room * float32(v.Value/top)
		}
		x := float32(i) * slot
		bar.Move(fyne.NewPos(x+slot*0.2, text+room-h))
		bar.Resize(fyne.NewSize(slot*0.6, h))
		r.values[i].Move(fyne.NewPos(x, room-h))
		r.values[i].Resize(fyne.NewSize(slot, text))
		r.labels[i].Move(fyne.NewPos(x, text+room))
		r.labels[i].Resize(fyne.NewSize(slot, text))
	}
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 140) }

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barRenderer) Destroy() {}
