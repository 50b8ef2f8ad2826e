package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
	"fangkong/say"
)

// openRoom shows what can be done with a room in its state: check someone
// in, open an occupant, record disinfection, or take it out of or back into
// service. Enter does what the blue button does.
func (s *isolation) openRoom(r data.BoardRoom) {
	var d dialog.Dialog
	var primary func()
	act := func(label string, important bool, f func()) *widget.Button {
		do := func() { d.Hide(); f() }
		b := widget.NewButton(label, do)
		if important {
			b.Importance = widget.HighImportance
			primary = do
		}
		return b
	}
	box := container.NewVBox(widget.NewLabel(lang.L("State: {{.State}}", map[string]any{"State": string(r.State)})))
	for _, o := range r.Occupants {
		id := o.GuestID
		box.Add(act(o.Name+"  "+o.Category, false, func() { showGuest(s.win, s.app, id, s.refresh) }))
	}
	switch {
	case r.State == data.RoomAwaitsClean:
		box.Add(act(lang.L("Record disinfection"), true, func() { s.disinfect(r) }))
	case r.State == data.RoomOutOfService:
		box.Add(act(lang.L("Back into service"), true, func() { s.setOutOfService(r, false) }))
	case len(r.Occupants) < r.Capacity:
		box.Add(act(lang.L("Check in"), true, func() { s.openCheckIn(r.Room) }))
	default:
		full := widget.NewLabel(lang.L("Full: {{.N}} of {{.N}} beds taken. Move someone out or choose another room to check in.",
			map[string]any{"N": r.Capacity}))
		full.Wrapping = fyne.TextWrapWord
		box.Add(full)
	}
	if r.State == data.RoomVacant {
		box.Add(act(lang.L("Take out of service"), false, func() { s.setOutOfService(r, true) }))
	}
	d = dialog.NewCustom(s.site.Name+" "+r.Label(), lang.L("Close"), box, s.win)
	d.Resize(fyne.NewSize(360, 0))
	if primary == nil {
		primary = d.Hide
	}
	showKeyed(s.win, d, primary)
}

// openCheckIn opens the check-in form of a room and keeps it while open,
// so what is typed into it is kept as a draft.
func (s *isolation) openCheckIn(room data.Room) *checkInForm {
	c := showCheckIn(s.win, s.app, room, s.refresh)
	if c == nil {
		return nil
	}
	s.checkIn = c
	c.dialog.SetOnClosed(func() {
		if s.checkIn == c {
			s.checkIn = nil
		}
	})
	return c
}

// draft is the check-in half typed, with the site and room it is for.
func (s *isolation) draft() (string, map[string]string) {
	if s.checkIn == nil {
		return "checkin", nil
	}
	f := s.checkIn.draft()
	if f != nil {
		f["site"], f["room"] = strconv.FormatInt(s.checkIn.room.SiteID, 10), strconv.FormatInt(s.checkIn.room.ID, 10)
	}
	return "checkin", f
}

// restore reopens the check-in of the room the draft was typed for.
func (s *isolation) restore(f map[string]string) {
	room, ok := s.draftRoom(f)
	if !ok {
		return
	}
	if c := s.openCheckIn(room); c != nil {
		c.fill(f)
	}
}

func (s *isolation) draftTitle(f map[string]string) string {
	room, _ := s.draftRoom(f)
	return strings.TrimSpace(lang.L("Check in") + " " + room.Label() + ": " + f["name"])
}

// draftRoom is the room a check-in draft was typed for, as it is now.
func (s *isolation) draftRoom(f map[string]string) (data.Room, bool) {
	site, _ := strconv.ParseInt(f["site"], 10, 64)
	id, _ := strconv.ParseInt(f["room"], 10, 64)
	board, err := s.app.DB.RoomBoard(s.app.Ctx(), site, s.app.Now())
	if err != nil {
		return data.Room{}, false
	}
	for _, r := range board {
		if r.ID == id {
			return r.Room, true
		}
	}
	return data.Room{}, false
}

func (s *isolation) setOutOfService(r data.BoardRoom, out bool) {
	if err := s.app.DB.SetRoomOutOfService(s.app.Ctx(), r.ID, out); err != nil {
		showMessage(s.win, r.Label(), say.Message(err))
	}
	s.refresh()
}

// disinfect records who did the terminal disinfection; the room becomes vacant.
func (s *isolation) disinfect(r data.BoardRoom) {
	by := newField()
	by.SetPlaceHolder(lang.L("e.g. 消杀组 王师傅"))
	f := newForm()
	f.add("done_by", lang.L("Done by"), by)
	showFormDialog(s.win, lang.L("Record disinfection")+" — "+r.Label(), lang.L("Save"), f, func() error {
		if err := s.app.DB.Disinfect(s.app.Ctx(), r.ID, s.app.Now(), by.Text); err != nil {
			return err
		}
		s.refresh()
		return nil
	})
}
