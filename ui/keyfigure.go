package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tileState is how a key figure stands: as usual, to watch, or wrong.
type tileState int

const (
	tileNormal tileState = iota
	tileWarning
	tileDanger
)

// keyFigure is a tile of 总览: a big number on a card coloured by how it
// stands, what it counts under it, a note beside that; a tap opens the
// screen it comes from.
type keyFigure struct {
	widget.BaseWidget
	caption string
	number  string
	note    string
	state   tileState
	onTap   func()
}

func newKeyFigure(caption string, onTap func()) *keyFigure {
	t := &keyFigure{caption: caption, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// set shows a figure, its note and its state.
func (t *keyFigure) set(number, note string, state tileState) {
	t.number, t.note, t.state = number, note, state
	t.Refresh()
}

func (t *keyFigure) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor is the hand: the tile opens something.
func (t *keyFigure) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (t *keyFigure) CreateRenderer() fyne.WidgetRenderer {
	r := &tileRenderer{t: t, card: canvas.NewRectangle(color.Transparent), number: canvas.NewText("", color.Black),
		caption: canvas.NewText("", color.Black), note: canvas.NewText("", color.Black)}
	r.card.CornerRadius = theme.InputRadiusSize() * 2
	r.card.StrokeWidth = 1
	r.number.TextStyle = fyne.TextStyle{Bold: true}
	r.Refresh()
	return r
}

type tileRenderer struct {
	t                     *keyFigure
	card                  *canvas.Rectangle
	number, caption, note *canvas.Text
}

func (r *tileRenderer) Destroy() {}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.card, r.number, r.caption, r.note}
}

func (r *tileRenderer) MinSize() fyne.Size {
	return fyne.NewSize(150, theme.TextHeadingSize()*1.6+theme.TextSize()*2.6+16)
}

func (r *tileRenderer) Layout(size fyne.Size) {
	r.card.Resize(size)
	pad := theme.Padding() * 2
	r.number.Move(fyne.NewPos(pad, pad/2))
	r.caption.Move(fyne.NewPos(pad, pad/2+r.number.TextSize*1.35))
	r.note.Move(fyne.NewPos(pad, pad/2+r.number.TextSize*1.35+r.caption.TextSize*1.4))
}

// Refresh colours the card by the figure's state: a pale tint of blue, of
// orange or of red, the number in the strong colour.
func (r *tileRenderer) Refresh() {
	strong := map[tileState]fyne.ThemeColorName{tileNormal: theme.ColorNamePrimary, tileWarning: theme.ColorNameWarning,
		tileDanger: theme.ColorNameError}[r.t.state]
	c := theme.Color(strong)
	cr, cg, cb, _ := c.RGBA()
	r.card.FillColor = color.NRGBA{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), 0x26}
	r.card.StrokeColor = color.NRGBA{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), 0x80}
	r.number.Text, r.number.Color, r.number.TextSize = r.t.number, c, theme.TextHeadingSize()*1.5
	r.caption.Text, r.caption.Color, r.caption.TextSize = r.t.caption, theme.Color(theme.ColorNameForeground), theme.TextSize()
	r.note.Text, r.note.Color, r.note.TextSize = r.t.note, theme.Color(theme.ColorNamePlaceHolder), theme.CaptionTextSize()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}
