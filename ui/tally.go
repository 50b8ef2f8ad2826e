package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// enterTally records a shift's counts from a paper log for the chosen post:
// today's or yesterday's shifts.
func (c *checkpoints) enterTally() {
	if c.post.ID == 0 {
		showMessage(c.win, lang.L("Enter shift tally"), lang.L("Add a checkpoint first with 新增卡口."))
		return
	}
	type option struct {
		shift data.Shift
		day   time.Time
	}
	var labels []string
	shifts := map[string]option{}
	for _, back := range []int{0, 1} {
		day := c.app.Now().AddDate(0, 0, -back)
		for _, s := range c.post.Shifts {
			label := day.Format("1月2日") + " " + s.String()
			labels = append(labels, label)
			shifts[label] = option{s, day}
		}
	}
	pick := newSelect(labels, nil)
	fields := []struct {
		key, label string
		entry      *textField
	}{
		{"vehicles", lang.L("Vehicles"), newField()},
		{"people", lang.L("People"), newField()},
		{"turned_back", lang.L("Turned back"), newField()},
		{"fevers", lang.L("Fevers"), newField()},
		{"handed_over", lang.L("Handed over"), newField()},
	}
	staff, note := newField(), newField()
	staff.SetPlaceHolder(lang.L("e.g. 张伟、刘芳"))
	f := newForm()
	f.add("shift", lang.L("Shift"), pick)
	for _, fl := range fields {
		fl.entry.SetText("0")
		f.add(fl.key, fl.label, fl.entry)
	}
	f.add("staff", lang.L("Staff on the shift"), staff)
	f.add("note", lang.L("Note"), note)
	showFormDialog(c.win, lang.L("Enter shift tally")+" — "+c.post.Name, lang.L("Save"), f, func() error {
		o, ok := shifts[pick.Selected]
		if !ok {
			return &data.FieldError{Field: "shift", Err: data.ErrBadChoice}
		}
		n := make([]int, len(fields))
		for i, fl := range fields {
			v, err := wholeNumber(fl.key, fl.entry.Text)
			if err != nil {
				return err
			}
			n[i] = v
		}
		err := c.app.DB.SaveTally(c.app.Ctx(), data.Tally{CheckpointID: c.post.ID, ShiftStart: o.day, Shift: o.shift,
			Counts: data.Counts{Vehicles: n[0], People: n[1], TurnedBack: n[2], Fevers: n[3], HandedOver: n[4]},
			Staff:  staff.Text, Note: note.Text})
		if err != nil {
			return err
		}
		c.refresh()
		return nil
	})
}
