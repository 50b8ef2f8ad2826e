package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// registrationForm registers passages at one post, fast and from the
// keyboard: Enter in any field saves and clears the form for the next one.
type registrationForm struct {
	win  fyne.Window
	app  *app.App
	post data.Checkpoint
	done func()

	direction                                    *widget.RadioGroup
	name, idNumber, override, phone, plate       *widget.Entry
	passengers, cameFrom, goingTo, celsius, note *widget.Entry
	health, outcome                              *widget.RadioGroup
	idInfo, tempInfo, saved                      *widget.Label
	form                                         *form
	box                                          fyne.CanvasObject
}

func newRegistrationForm(w fyne.Window, a *app.App, done func()) *registrationForm {
	r := &registrationForm{win: w, app: a, done: done,
		direction: widget.NewRadioGroup(labels([]data.Direction{data.Inbound, data.Outbound}), nil),
		name:      widget.NewEntry(), idNumber: widget.NewEntry(), override: widget.NewEntry(), phone: widget.NewEntry(),
		plate: widget.NewEntry(), passengers: widget.NewEntry(), cameFrom: widget.NewEntry(), goingTo: widget.NewEntry(),
		celsius: widget.NewEntry(), note: widget.NewEntry(),
		health: widget.NewRadioGroup([]string{"绿", "黄", "红"}, nil), outcome: widget.NewRadioGroup(labels(data.PassOutcomes), nil),
		idInfo: widget.NewLabel(""), tempInfo: widget.NewLabel(""), saved: widget.NewLabel(""), form: newForm()}
	r.direction.Horizontal, r.health.Horizontal, r.outcome.Horizontal = true, true, true
	r.direction.SetSelected(string(data.Inbound))
	r.outcome.SetSelected(string(data.Passed))
	r.plate.SetPlaceHolder(lang.L("e.g. 陕G12345"))
	r.celsius.SetPlaceHolder("36.5")
	r.override.SetPlaceHolder(lang.L("Only if the check digit is wrong: why it is accepted"))
	r.override.Hide()
	r.idInfo.Hide()
	r.idNumber.OnChanged = func(s string) { r.showID(s) }
	r.celsius.OnChanged = func(s string) {
		r.form.setError("celsius", "") // it sits in a container, so the form can't clear it
		r.showTemperature(s)
	}

	r.form.add("direction", lang.L("Direction"), r.direction)
	r.form.add("name", lang.L("Name"), r.name)
	r.form.add("id_number", lang.L("ID number"), r.idNumber)
	r.form.add("id_override", "", container.NewVBox(r.idInfo, r.override))
	r.form.add("phone", lang.L("Phone"), r.phone)
	r.form.add("plate", lang.L("Plate"), r.plate)
	r.form.add("passengers", lang.L("Passengers"), r.passengers)
	r.form.add("came_from", lang.L("Came from"), r.cameFrom)
	r.form.add("going_to", lang.L("Going to"), r.goingTo)
	r.form.add("celsius", lang.L("Temperature (°C)"), container.NewBorder(nil, nil, nil, r.tempInfo, r.celsius))
	r.form.add("health_code", lang.L("Health code"), r.health)
	r.form.add("outcome", lang.L("Action taken"), r.outcome)
	r.form.add("note", lang.L("Note"), r.note)
	for _, e := range []*widget.Entry{r.name, r.idNumber, r.override, r.phone, r.plate, r.passengers,
		r.cameFrom, r.goingTo, r.celsius, r.note} {
		e.OnSubmitted = func(string) { r.submit() }
	}
	save := widget.NewButton(lang.L("Save (Enter)"), r.submit)
	save.Importance = widget.HighImportance
	r.saved.Importance = widget.SuccessImportance
	r.box = container.NewVBox(r.form.grid, container.NewHBox(save, r.saved))
	return r
}

// typed are the form's text fields by name, for its draft.
func (r *registrationForm) typed() map[string]*widget.Entry {
	return map[string]*widget.Entry{"name": r.name, "id_number": r.idNumber, "id_override": r.override, "phone": r.phone,
		"plate": r.plate, "passengers": r.passengers, "came_from": r.cameFrom, "going_to": r.goingTo, "celsius": r.celsius, "note": r.note}
}

// draft is a passage half typed: nil while every text field is empty
// (the choices alone are the form's defaults, nothing typed).
func (r *registrationForm) draft() map[string]string {
	fields := typedText(r.typed())
	if fields == nil {
		return nil
	}
	fields["post"] = strconv.FormatInt(r.post.ID, 10)
	fields["direction"], fields["health"], fields["outcome"] = r.direction.Selected, r.health.Selected, r.outcome.Selected
	return fields
}

// restore puts a half-typed passage back.
func (r *registrationForm) restore(f map[string]string) {
	for name, e := range r.typed() {
		e.SetText(f[name])
	}
	r.direction.SetSelected(f["direction"])
	r.health.SetSelected(f["health"])
	r.outcome.SetSelected(f["outcome"])
}

// showID says what the ID number tells as it is typed, and asks for a
// reason only when the check digit is wrong (a misread paper ID).
func (r *registrationForm) showID(s string) {
	id, err := data.ParseIDNumber(s, r.app.Now())
	switch {
	case strings.TrimSpace(s) == "":
		r.idInfo.SetText("")
		r.idInfo.Hide()
		r.override.Hide()
		return
	case err == nil:
		r.idInfo.SetText(lang.L("{{.Sex}}, born {{.Birth}}", map[string]any{"Sex": id.Sex(), "Birth": id.Birth.Format("2006年1月2日")}))
		r.idInfo.Importance = widget.MediumImportance
		r.override.Hide()
	default:
		// The reason field appears only when saving, not here: it would
		// otherwise take the next Tab and swallow the phone number.
		r.idInfo.SetText(say.Message(err))
		r.idInfo.Importance = widget.WarningImportance
	}
	r.idInfo.Show()
	r.idInfo.Refresh()
}

// showTemperature flags a fever in red and moves the outcome to 转送.
func (r *registrationForm) showTemperature(s string) {
	v, err := parseCelsius(s)
	if err != nil || v < data.FeverCelsius {
		r.tempInfo.SetText("")
		return
	}
	r.tempInfo.SetText(lang.L("Fever"))
	r.tempInfo.Importance = widget.DangerImportance
	r.tempInfo.Refresh()
	r.outcome.SetSelected(string(data.HandedOver))
}

// submit saves the passage; on success the form clears for the next one,
// keeping the direction; on a bad field its message shows beside it.
func (r *registrationForm) submit() {
	r.form.clearErrors()
	r.saved.SetText("")
	if r.post.ID == 0 {
		showMessage(r.win, lang.L("Register"), lang.L("Add a checkpoint first with 新增卡口."))
		return
	}
	reg := data.Registration{CheckpointID: r.post.ID, At: r.app.Now(), Direction: data.Direction(r.direction.Selected),
		Name: r.name.Text, IDNumber: r.idNumber.Text, IDOverride: r.override.Text, Phone: r.phone.Text,
		Plate: r.plate.Text, CameFrom: r.cameFrom.Text, GoingTo: r.goingTo.Text, HealthCode: r.health.Selected,
		Outcome: data.PassOutcome(r.outcome.Selected), Note: r.note.Text}
	if t := strings.TrimSpace(data.HalfWidth(r.passengers.Text)); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			r.form.showError(&data.FieldError{Field: "passengers", Err: data.ErrBadNumber})
			return
		}
		reg.Passengers = n
	}
	if strings.TrimSpace(r.celsius.Text) != "" {
		v, err := parseCelsius(r.celsius.Text)
		if err != nil {
			r.form.showError(err)
			return
		}
		reg.Celsius = v
	}
	if _, err := r.app.DB.Register(r.app.Ctx(), reg); err != nil {
		if errors.Is(err, data.ErrIDCheckDigit) {
			// The warning already shows above; what is missing is the reason.
			r.override.Show()
			r.form.setError("id_override", lang.L("Correct the number, or type why it is accepted and press Enter."))
			r.win.Canvas().Focus(r.override)
			return
		}
		if !r.form.showError(err) {
			showMessage(r.win, lang.L("Register"), say.Message(err))
		}
		return
	}
	// Echo what was stored (the plate and ID number in their one form).
	who := strings.TrimSpace(reg.Name + " " + reg.Plate)
	if last, err := r.app.DB.RecentRegistrations(r.app.Ctx(), r.post.ID, 1); err == nil && len(last) == 1 {
		who = strings.TrimSpace(last[0].Name + " " + last[0].Plate)
	}
	for _, e := range []*widget.Entry{r.name, r.idNumber, r.override, r.phone, r.plate, r.passengers, r.cameFrom, r.goingTo, r.celsius, r.note} {
		e.SetText("")
	}
	r.health.SetSelected("")
	r.outcome.SetSelected(string(data.Passed))
	r.saved.SetText(lang.L("Saved: {{.Who}}", map[string]any{"Who": who}))
	r.done()
	r.win.Canvas().Focus(r.name)
}
