package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// momentEntry is the time a step happened: empty for now, or typed as
// 14:05 or 11-25 14:05.
func momentEntry() *textField {
	e := newField()
	e.SetPlaceHolder(lang.L("Now (or e.g. 14:05, 11-25 14:05)"))
	return e
}

// moment reads a momentEntry; a mistyped time is an error beside it.
func moment(e *textField, now func() time.Time) (time.Time, error) {
	t, err := data.ParseMoment(e.Text, now())
	if err != nil {
		return t, &data.FieldError{Field: "at", Err: err}
	}
	return t, nil
}

// addStep saves a step from a dialog and shows the case again.
func (c *casesScreen) addStep(s data.CaseStep, at *textField) error {
	t, err := moment(at, c.app.Now)
	if err != nil {
		return err
	}
	s.At = t
	if _, err := c.app.DB.AddCaseStep(c.app.Ctx(), s); err != nil {
		return err
	}
	c.refresh()
	return nil
}

// handover records to whom the person was handed over.
func (c *casesScreen) handover(cs data.Case) {
	unit := choices(data.HandoverUnits)
	receiver, phone, note, at := newField(), newField(), newField(), momentEntry()
	receiver.SetPlaceHolder(lang.L("e.g. 王医生"))
	phone.SetPlaceHolder(lang.L("e.g. 0913-6123456"))
	f := newForm()
	f.add("unit", lang.L("Handed to"), unit)
	f.add("receiver", lang.L("Receiver"), receiver)
	f.add("receiver_phone", lang.L("Receiver's phone"), phone)
	f.add("at", lang.L("Time"), at)
	f.add("note", lang.L("Note"), note)
	showFormDialog(c.win, lang.L("Hand over")+" — "+reports.CaseNumber(cs)+" "+cs.Who(), lang.L("Save"), f, func() error {
		return c.addStep(data.CaseStep{CaseID: cs.ID, Kind: data.StepHandover, Unit: data.HandoverUnit(unit.Selected),
			Receiver: receiver.Text, ReceiverPhone: phone.Text, Note: note.Text}, at)
	})
	c.win.Canvas().Focus(receiver)
}

// result records what the receiving unit found; sent to central
// isolation, the check-in is offered at once.
func (c *casesScreen) result(cs data.Case) {
	result := choices(data.CaseResults)
	note, at := newField(), momentEntry()
	note.SetPlaceHolder(lang.L("e.g. 核酸阴性,排除"))
	f := newForm()
	f.add("result", lang.L("Result"), result)
	f.add("note", lang.L("Note"), note)
	f.add("at", lang.L("Time"), at)
	showFormDialog(c.win, lang.L("Result")+" — "+reports.CaseNumber(cs)+" "+cs.Who(), lang.L("Save"), f, func() error {
		if err := c.addStep(data.CaseStep{CaseID: cs.ID, Kind: data.StepResult, Result: data.CaseResult(result.Selected),
			Note: note.Text}, at); err != nil {
			return err
		}
		if data.CaseResult(result.Selected) == data.ToIsolation {
			confirmDialog(c.win, lang.L("Check in at a site…"), lang.L("Check {{.Who}} in at an isolation site now?",
				map[string]any{"Who": cs.Who()}), func(yes bool) {
				if yes {
					c.checkInFrom(cs)
				}
			})
		}
		return nil
	})
	c.win.Canvas().Focus(note)
}

// settle closes a case with its conclusion.
func (c *casesScreen) settle(cs data.Case) {
	c.noteStep(cs, data.StepClose, lang.L("Settle"), lang.L("Conclusion"), lang.L("e.g. 复测体温正常,排除,已放行"))
}

// reopen opens a settled case again, with the reason.
func (c *casesScreen) reopen(cs data.Case) {
	c.noteStep(cs, data.StepReopen, lang.L("Reopen"), lang.L("Reason"), lang.L("e.g. 复核发现新情况"))
}

// noteStep records a step that is a line of text and a time: the
// conclusion of a closing, the reason of a reopening.
func (c *casesScreen) noteStep(cs data.Case, kind data.StepKind, action, label, hint string) {
	note, at := newField(), momentEntry()
	note.SetPlaceHolder(hint)
	f := newForm()
	f.add("note", label, note)
	f.add("at", lang.L("Time"), at)
	showFormDialog(c.win, action+" — "+reports.CaseNumber(cs)+" "+cs.Who(), action, f, func() error {
		return c.addStep(data.CaseStep{CaseID: cs.ID, Kind: kind, Note: note.Text}, at)
	})
	c.win.Canvas().Focus(note)
}

// open records a case by hand (接报): a call, or a matter of the duty log
// filled in as from.
func (c *casesScreen) open(from data.Case) {
	name, id, phone, cameFrom, place := newField(), newField(), newField(), newField(), newField()
	what, foundBy, at := newMultiLineField(), newField(), momentEntry()
	what.SetMinRowsVisible(3)
	what.SetPlaceHolder(lang.L("What was reported or found, e.g. 村民来电:邻居从外地返乡,发热未报备"))
	place.SetPlaceHolder(lang.L("e.g. 东村3组"))
	name.SetText(from.Name)
	what.SetText(from.What)
	foundBy.SetText(from.FoundBy)
	if foundBy.Text == "" {
		foundBy.SetText(c.app.Operator().Name)
	}
	if !from.OpenedAt.IsZero() {
		at.SetText(from.OpenedAt.Format("01-02 15:04"))
	}
	f := newForm()
	f.add("what", lang.L("Finding"), what)
	f.add("place", lang.L("Place"), place)
	f.add("name", lang.L("Name"), name)
	f.add("id_number", lang.L("ID number"), id)
	f.add("phone", lang.L("Phone"), phone)
	f.add("came_from", lang.L("Came from"), cameFrom)
	f.add("found_by", lang.L("Reported or found by"), foundBy)
	f.add("at", lang.L("Time"), at)
	showFormDialog(c.win, lang.L("Record a case…"), lang.L("Save"), f, func() error {
		t, err := moment(at, c.app.Now)
		if err != nil {
			return err
		}
		newID, err := c.app.DB.OpenCase(c.app.Ctx(), data.Case{OpenedAt: t, Place: place.Text, Name: name.Text,
			IDNumber: id.Text, Phone: phone.Text, CameFrom: cameFrom.Text, What: what.Text, FoundBy: foundBy.Text})
		if err != nil {
			return err
		}
		c.chosen = newID
		c.refresh()
		return nil
	})
	c.win.Canvas().Focus(what)
}

// checkInFrom picks a room any site can take someone in now, and opens
// its check-in form filled from the case; the stay then points back to it.
func (c *casesScreen) checkInFrom(cs data.Case) {
	ctx := c.app.Ctx()
	sites, err := c.app.DB.Sites(ctx)
	if err != nil {
		showMessage(c.win, lang.L("Check in at a site…"), say.Message(err))
		return
	}
	var labels []string
	rooms := map[string]data.Room{}
	for _, s := range sites {
		board, err := c.app.DB.RoomBoard(ctx, s.ID, c.app.Now())
		if err != nil {
			showMessage(c.win, lang.L("Check in at a site…"), say.Message(err))
			return
		}
		for _, r := range board {
			if !r.OutOfService && r.State != data.RoomAwaitsClean && len(r.Occupants) < r.Capacity {
				label := s.Name + " " + r.Label()
				labels = append(labels, label)
				rooms[label] = r.Room
			}
		}
	}
	if len(labels) == 0 {
		showMessage(c.win, lang.L("Check in at a site…"), lang.L("No room of any site can take someone in now."))
		return
	}
	room := newSelect(labels, nil)
	room.SetSelectedIndex(0)
	f := newForm()
	f.add("room", lang.L("Room"), room)
	showFormDialog(c.win, lang.L("Check in at a site…")+" — "+cs.Who(), lang.L("Continue"), f, func() error {
		form := c.checkIn(rooms[room.Selected])
		if form != nil {
			form.fromCase(cs, func() { c.refresh() })
		}
		return nil
	})
}
