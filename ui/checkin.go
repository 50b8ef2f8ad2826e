package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// checkInForm is the admission form for one room.
type checkInForm struct {
	room                                  data.Room
	name, idNumber, phone, cameFrom, days *textField
	contact, contactPhone, note           *textField
	sex, category                         *widget.Select
	needs                                 *widget.CheckGroup
	idInfo, release                       *widget.Label
	form                                  *form
	dialog                                dialog.Dialog
	caseID                                int64  // the case the stay begins from; 0: none
	saved                                 func() // also told of the check-in, when not nil
}

// fromCase fills the form from an abnormal case: the stay will point back
// to it, and saved is told once it is checked in.
func (c *checkInForm) fromCase(cs data.Case, saved func()) {
	c.caseID, c.saved = cs.ID, saved
	c.name.SetText(cs.Name)
	c.idNumber.SetText(cs.IDNumber)
	c.phone.SetText(cs.Phone)
	c.cameFrom.SetText(cs.CameFrom)
	c.note.SetText(lang.L("From {{.Case}}", map[string]any{"Case": reports.CaseNumber(cs)}))
}

// typed are the form's text fields by name, for its draft.
func (c *checkInForm) typed() map[string]*textField {
	return map[string]*textField{"name": c.name, "id_number": c.idNumber, "phone": c.phone, "came_from": c.cameFrom,
		"emergency_contact": c.contact, "emergency_phone": c.contactPhone, "note": c.note}
}

// draft is what was typed: nil while no text field holds anything.
func (c *checkInForm) draft() map[string]string {
	fields := typedText(c.typed())
	if fields == nil {
		return nil
	}
	fields["sex"], fields["category"], fields["planned_days"] = c.sex.Selected, c.category.Selected, c.days.Text
	fields["special_needs"] = strings.Join(c.needs.Selected, "、")
	if c.caseID != 0 {
		fields["case"] = strconv.FormatInt(c.caseID, 10)
	}
	return fields
}

// fill puts a draft back; the category first, as choosing it sets the days.
func (c *checkInForm) fill(f map[string]string) {
	c.category.SetSelected(f["category"])
	for name, e := range c.typed() {
		e.SetText(f[name])
	}
	c.days.SetText(f["planned_days"])
	if f["sex"] != "" {
		c.sex.SetSelected(f["sex"])
	}
	if f["special_needs"] != "" {
		c.needs.SetSelected(strings.Split(f["special_needs"], "、"))
	}
	c.caseID, _ = strconv.ParseInt(f["case"], 10, 64)
}

// showCheckIn opens the check-in form for a room. The ID number fills in
// sex and birth date as it is typed; the category sets the planned days from
// the rules in 设置, and the release date follows the days.
func showCheckIn(w fyne.Window, a *app.App, room data.Room, done func()) *checkInForm {
	rules, err := a.DB.IsolationRules(a.Ctx())
	if err != nil {
		showMessage(w, lang.L("Check in"), say.Message(err))
		return nil
	}
	c := &checkInForm{room: room,
		name: newField(), idNumber: newField(), phone: newField(), cameFrom: newField(),
		days: newField(), contact: newField(), contactPhone: newField(),
		note: newMultiLineField(), idInfo: widget.NewLabel(""), release: widget.NewLabel(""),
		sex: newSelect([]string{"男", "女"}, nil), needs: widget.NewCheckGroup(data.SpecialNeeds, nil),
	}
	c.needs.Horizontal = true
	c.sex.PlaceHolder = lang.L("(From the ID number)")
	c.idNumber.SetPlaceHolder(lang.L("18 characters; leave empty for a passport and choose the sex"))
	c.cameFrom.SetPlaceHolder(lang.L("e.g. 西安市雁塔区"))
	c.note.SetMinRowsVisible(2)
	showRelease := func() {
		n, err := strconv.Atoi(strings.TrimSpace(data.HalfWidth(c.days.Text)))
		if err != nil || n < 1 || n > 60 {
			c.release.SetText(lang.L("Enter 1 to 60 days"))
			return
		}
		c.release.SetText(reports.FormatDate(data.ReleaseDate(a.Now(), n)))
	}
	c.category = newSelect(data.GuestCategories, func(cat string) {
		c.days.SetText(strconv.Itoa(rules.DaysByCategory[cat]))
	})
	c.days.OnChanged = func(string) { showRelease() }
	c.idNumber.OnChanged = func(s string) {
		id, err := data.ParseIDNumber(s, a.Now())
		switch {
		case strings.TrimSpace(s) == "":
			c.idInfo.SetText("")
		case err != nil:
			c.idInfo.SetText(say.Message(err))
		default:
			c.sex.SetSelected(id.Sex())
			c.idInfo.SetText(lang.L("{{.Sex}}, born {{.Birth}}", map[string]any{"Sex": id.Sex(), "Birth": id.Birth.Format("2006年1月2日")}))
		}
	}
	c.category.SetSelected(data.GuestCategories[0])

	c.form = newForm()
	c.form.add("name", lang.L("Name"), c.name)
	c.form.add("id_number", lang.L("ID number"), c.idNumber)
	c.form.add("id_info", "", c.idInfo)
	c.form.add("sex", lang.L("Sex"), c.sex)
	c.form.add("phone", lang.L("Phone"), c.phone)
	c.form.add("category", lang.L("Category"), c.category)
	c.form.add("came_from", lang.L("Came from"), c.cameFrom)
	c.form.add("planned_days", lang.L("Planned days"), c.days)
	c.form.add("release", lang.L("Planned release"), c.release)
	c.form.add("special_needs", lang.L("Special needs"), c.needs)
	c.form.add("emergency_contact", lang.L("Emergency contact"), c.contact)
	c.form.add("emergency_phone", lang.L("Emergency phone"), c.contactPhone)
	c.form.add("note", lang.L("Note"), c.note)

	c.dialog = showFormDialog(w, lang.L("Check in")+" — "+room.Label(), lang.L("Check in"), c.form, func() error {
		days, err := wholeNumber("planned_days", c.days.Text)
		if err != nil {
			return err
		}
		_, err = a.DB.CheckIn(a.Ctx(), data.CheckIn{
			RoomID: room.ID, Name: c.name.Text, IDNumber: c.idNumber.Text, Sex: c.sex.Selected,
			Phone: c.phone.Text, Category: c.category.Selected, CameFrom: c.cameFrom.Text,
			SpecialNeeds: c.needs.Selected, EmergencyContact: c.contact.Text, EmergencyPhone: c.contactPhone.Text,
			Note: c.note.Text, At: a.Now(), PlannedDays: days, CaseID: c.caseID,
		})
		if err != nil {
			return err
		}
		done()
		if c.saved != nil {
			c.saved()
		}
		return nil
	})
	return c
}
