package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// tileSize is one room on the board: small enough for a floor of 20 rooms
// in a row in a 1200-pixel window.
var tileSize = fyne.NewSize(98, 58)

// stateColours are the board's fill colours, light enough for black text.
var stateColours = map[data.RoomState]color.NRGBA{
	data.RoomVacant:       {R: 0xc8, G: 0xe6, B: 0xc9, A: 0xff}, // green
	data.RoomOccupied:     {R: 0xbb, G: 0xde, B: 0xfb, A: 0xff}, // blue
	data.RoomAwaitsClean:  {R: 0xff, G: 0xe0, B: 0x82, A: 0xff}, // amber
	data.RoomOutOfService: {R: 0xd6, G: 0xd6, B: 0xd6, A: 0xff}, // grey
}

var attentionColour = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}

// roomTile is one room on the room board; tapping it opens what can be done
// with the room.
type roomTile struct {
	widget.BaseWidget
	room  data.BoardRoom
	today time.Time
	onTap func(data.BoardRoom)
}

func newRoomTile(r data.BoardRoom, today time.Time, onTap func(data.BoardRoom)) *roomTile {
	t := &roomTile{room: r, today: today, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

func (t *roomTile) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap(t.room)
	}
}

func (t *roomTile) MinSize() fyne.Size { return tileSize }

// lines are the tile's text: the number, then who is in it and for how
// long, or the state.
func (t *roomTile) lines() (first, second string, alert bool) {
	r := t.room
	first = r.Number
	if r.Capacity > 1 {
		first += " (" + strconv.Itoa(len(r.Occupants)) + "/" + strconv.Itoa(r.Capacity) + ")"
	}
	switch {
	case len(r.Occupants) == 0:
		second = string(r.State)
	case len(r.Occupants) == 1:
		o := r.Occupants[0]
		second = fitName(o.Name, " "+lang.L("{{.N}}d", map[string]any{"N": o.DaysLeft(t.today)}))
	default:
		second = fitName(r.Occupants[0].Name, lang.L(" and {{.N}} more", map[string]any{"N": len(r.Occupants) - 1}))
	}
	for _, o := range r.Occupants {
		alert = alert || o.Attention
	}
	return first, second, alert
}

// tileTextSize is the size of a tile's second line.
const tileTextSize = 12

// fitName is a name and what follows it (余6天) on a tile's line: a name
// too long for the tile (阿卜杜热合曼·买买提) is cut short with … so that
// what follows always shows and nothing runs into the next tile.
func fitName(name, suffix string) string {
	room := tileSize.Width - 2*theme.Padding() - fyne.MeasureText(suffix, tileTextSize, fyne.TextStyle{}).Width
	if fyne.MeasureText(name, tileTextSize, fyne.TextStyle{}).Width <= room {
		return name + suffix
	}
	runes := []rune(name)
	for len(runes) > 1 && fyne.MeasureText(string(runes)+"…", tileTextSize, fyne.TextStyle{}).Width > room {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…" + suffix
}

func (t *roomTile) CreateRenderer() fyne.WidgetRenderer {
	first, second, alert := t.lines()
	bg := canvas.NewRectangle(stateColours[t.room.State])
	bg.CornerRadius = 4
	if alert {
		bg.StrokeColor, bg.StrokeWidth = attentionColour, 3
	}
	top := canvas.NewText(first, color.Black)
	top.TextStyle.Bold = true
	top.TextSize = 14
	bottom := canvas.NewText(second, color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff})
	bottom.TextSize = tileTextSize
	if alert {
		bottom.Color = attentionColour
	}
	return widget.NewSimpleRenderer(container.NewStack(bg,
		container.NewPadded(container.NewVBox(top, bottom))))
}
