package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// floorTemps is the round of temperature readings at a site, one floor on
// screen at a time: a row per person in isolation, typed one after another
// with Enter, the last Enter saving every floor's readings together.
type floorTemps struct {
	win     fyne.Window
	app     *app.App
	floors  []string
	boards  map[string][]data.BoardRoom
	typed   map[int64]string // what is typed for each guest, on any floor
	picker  *widget.Select
	rows    *fyne.Container
	entries []*textField // the floor shown
	guests  []data.Occupant
	errs    []*widget.Label
	msg     *widget.Label
	submit  func()
	dialog  dialog.Dialog
}

// showFloorTemps opens the round for a site, one floor at a time.
func showFloorTemps(w fyne.Window, a *app.App, site data.Site, done func()) *floorTemps {
	board, err := a.DB.RoomBoard(a.Ctx(), site.ID, a.Now())
	if err != nil {
		showMessage(w, lang.L("Temperature round"), say.Message(err))
		return nil
	}
	f := &floorTemps{win: w, app: a, boards: map[string][]data.BoardRoom{}, typed: map[int64]string{},
		rows: container.NewVBox(), msg: widget.NewLabel("")}
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	for _, r := range board {
		if len(r.Occupants) == 0 {
			continue
		}
		key := lang.L("{{.Building}} floor {{.Floor}}", map[string]any{"Building": r.Building, "Floor": r.Floor})
		if _, ok := f.boards[key]; !ok {
			f.floors = append(f.floors, key)
		}
		f.boards[key] = append(f.boards[key], r)
	}
	f.picker = newSelect(f.floors, func(floor string) { f.show(floor) })
	f.submit = func() {
		if f.save() {
			done()
			f.dialog.Hide()
		}
	}
	save := widget.NewButton(lang.L("Save readings"), f.submit)
	save.Importance = widget.HighImportance
	note := widget.NewLabel(lang.L("Type each temperature and press Enter for the next; Enter on the last saves. Leave empty who was not measured; what is typed on each floor is kept until saved."))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Floor")+":"), nil, f.picker), note)
	bottom := container.NewVBox(f.msg, container.NewHBox(widget.NewButton(lang.L("Cancel"), func() { f.dialog.Hide() }), save))
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("Temperature round")+" — "+site.Name,
		container.NewBorder(top, bottom, nil, nil, container.NewVScroll(f.rows)), w)
	f.dialog.Resize(fyne.NewSize(560, 640))
	showKeyed(w, f.dialog, nil)
	if len(f.floors) == 0 {
		f.rows.Add(widget.NewLabel(lang.L("Nobody is in isolation at this site.")))
	} else {
		f.picker.SetSelected(f.floors[0])
	}
	return f
}

// show lists the floor's occupants, each with a field holding what was
// typed for them and, beside it, 发热 or a misreading as it is typed.
func (f *floorTemps) show(floor string) {
	f.rows.Objects, f.entries, f.guests, f.errs = nil, nil, nil, nil
	for _, r := range f.boards[floor] {
		for _, o := range r.Occupants {
			e := newField()
			mark := widget.NewLabel("")
			e.SetText(f.typed[o.GuestID])
			markCelsius(mark, e.Text)
			e.OnChanged = func(s string) {
				f.typed[o.GuestID] = s
				markCelsius(mark, s)
			}
			n := len(f.entries)
			e.OnSubmitted = func(string) {
				if n+1 < len(f.entries) {
					f.win.Canvas().Focus(f.entries[n+1])
					return
				}
				f.submit()
			}
			e.save = f.submit
			bad := widget.NewLabel("")
			bad.Importance = widget.DangerImportance
			bad.Hide()
			f.entries, f.guests, f.errs = append(f.entries, e), append(f.guests, o), append(f.errs, bad)
			label := widget.NewLabel(r.Number + "  " + o.Name)
			label.Wrapping = fyne.TextWrapWord
			f.rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(200, 36), label),
				container.NewGridWrap(fyne.NewSize(110, 36), mark), container.NewVBox(e, bad)))
		}
	}
	f.rows.Refresh()
	if len(f.entries) > 0 {
		f.win.Canvas().Focus(f.entries[0])
	}
}

// save records every typed reading of every floor in one go; with any bad
// value it shows that value's floor with the row marked, and saves none,
// keeping everything typed.
func (f *floorTemps) save() bool {
	var readings []data.Reading
	now := f.app.Now()
	var badFloor string
	for _, floor := range f.floors {
		for _, r := range f.boards[floor] {
			for _, o := range r.Occupants {
				text := f.typed[o.GuestID]
				if text == "" {
					continue
				}
				v, err := parseCelsius(text)
				if err != nil || !data.PlausibleCelsius(v) {
					if badFloor == "" {
						badFloor = floor
					}
					continue
				}
				readings = append(readings, data.Reading{GuestID: o.GuestID, TakenAt: now, Celsius: v})
			}
		}
	}
	if badFloor != "" {
		if f.picker.Selected != badFloor {
			f.picker.SetSelected(badFloor)
		}
		f.markBad()
		f.msg.SetText(lang.L("Nothing was saved: correct the marked readings."))
		return false
	}
	if err := f.app.DB.RecordTemperatures(f.app.Ctx(), readings); err != nil {
		f.msg.SetText(say.Message(err))
		return false
	}
	f.msg.SetText(lang.L("{{.N}} readings saved.", map[string]any{"N": strconv.Itoa(len(readings))}))
	return true
}

// markBad puts the reason under each bad reading of the floor shown.
func (f *floorTemps) markBad() {
	for i, e := range f.entries {
		f.errs[i].Hide()
		if e.Text == "" {
			continue
		}
		v, err := parseCelsius(e.Text)
		if err == nil && !data.PlausibleCelsius(v) {
			err = data.ErrBadTemperature
		}
		if err != nil {
			f.errs[i].SetText(say.Message(err))
			f.errs[i].Show()
		}
	}
}
