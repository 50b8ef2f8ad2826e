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

	direction                                    *choice
	name, idNumber, override, phone, plate       *textField
	passengers, cameFrom, goingTo, celsius, note *textField
	health, outcome                              *choice
	idInfo, tempInfo, saved                      *widget.Label
	form                                         *form
	box                                          fyne.CanvasObject
}

func newRegistrationForm(w fyne.Window, a *app.App, done func()) *registrationForm {
	r := &registrationForm{win: w, app: a, done: done,
		direction: choices([]data.Direction{data.Inbound, data.Outbound}),
		name:      newField(), idNumber: newField(), override: newField(), phone: newField(),
		plate: newField(), passengers: newField(), cameFrom: newField(), goingTo: newField(),
		celsius: newField(), note: newField(),
		health: newChoice(healthChoices(), ""), outcome: choices(data.PassOutcomes),
		idInfo: widget.NewLabel(""), tempInfo: widget.NewLabel(""), saved: widget.NewLabel(""), form: newForm()}
	r.plate.SetPlaceHolder(lang.L("e.g. 陕G12345"))
	r.override.SetPlaceHolder(lang.L("Only if the check digit is wrong: why it is accepted"))
	r.override.Hide()
	r.idInfo.Hide()
	r.idNumber.OnChanged = func(s string) { r.showID(s) }
	r.celsius.OnChanged = r.showTemperature

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
	r.form.onSubmit(r.submit)
	save := widget.NewButton(lang.L("Save (Enter)"), r.submit)
	save.Importance = widget.HighImportance
	r.saved.Importance = widget.SuccessImportance
	r.box = container.NewVBox(r.form.grid, container.NewHBox(save, r.saved))
	return r
}

// typed are the form's text fields by name, for its draft.
func (r *registrationForm) typed() map[string]*textField {
	return map[string]*textField{"name": r.name, "id_number": r.idNumber, "id_override": r.override, "phone": r.phone,
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
	fields["direction"], fields["health"], fields["outcome"] = r.direction.Selected, healthCode(r.health.Selected), r.outcome.Selected
	return fields
}

// restore puts a half-typed passage back.
func (r *registrationForm) restore(f map[string]string) {
	for name, e := range r.typed() {
		e.SetText(f[name])
	}
	r.direction.SetSelected(f["direction"])
	r.health.SetSelected(healthLabel(f["health"]))
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
	if markCelsius(r.tempInfo, s) {
		r.outcome.SetSelected(string(data.HandedOver))
	}
}

// submit saves the passage; on success the form clears for the next one,
// back to its choices' defaults; on a bad field its message shows beside it.
func (r *registrationForm) submit() {
	r.form.clearErrors()
	r.saved.SetText("")
	if r.post.ID == 0 {
		showMessage(r.win, lang.L("Register"), lang.L("Add a checkpoint first with 新增卡口."))
		return
	}
	reg := data.Registration{CheckpointID: r.post.ID, At: r.app.Now(), Direction: data.Direction(r.direction.Selected),
		Name: r.name.Text, IDNumber: r.idNumber.Text, IDOverride: r.override.Text, Phone: r.phone.Text,
		Plate: r.plate.Text, CameFrom: r.cameFrom.Text, GoingTo: r.goingTo.Text, HealthCode: healthCode(r.health.Selected),
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
	for _, e := range []*textField{r.name, r.idNumber, r.override, r.phone, r.plate, r.passengers, r.cameFrom, r.goingTo, r.celsius, r.note} {
		e.SetText("")
	}
	r.direction.SetSelected(string(data.Inbound))
	r.health.SetSelected(healthLabel(""))
	r.outcome.SetSelected(string(data.Passed))
	r.saved.SetText(lang.L("Saved: {{.Who}}", map[string]any{"Who": who}))
	r.done()
	r.win.Canvas().Focus(r.name)
}

// healthChoices are the health-code colours as offered, none shown first.
func healthChoices() []string {
	out := []string{healthLabel("")}
	for _, c := range data.HealthCodes {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// healthLabel is a stored health code as offered: none shown has a word.
func healthLabel(code string) string {
	if code == "" {
		return lang.L("Not shown")
	}
	return code
}

// healthCode is an offered health code as stored.
func healthCode(label string) string {
	if label == healthLabel("") {
		return ""
	}
	return label
}
