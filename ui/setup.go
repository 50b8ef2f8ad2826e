package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// postForm edits the command post's details; first-run setup and 设置 share it.
type postForm struct {
	township, postName, dutyPhone *textField
	sendTo, copyTo                *textField // 报 and 送 of the daily report
	form                          *form
}

func newPostForm(p data.PostInfo, submit func()) *postForm {
	f := &postForm{township: newField(), postName: newField(), dutyPhone: newField(),
		sendTo: newField(), copyTo: newField(), form: newForm()}
	f.township.SetPlaceHolder(lang.L("e.g. 城关镇"))
	f.postName.SetPlaceHolder(lang.L("e.g. 城关镇疫情防控指挥部"))
	f.dutyPhone.SetPlaceHolder(lang.L("e.g. 0913-2345678"))
	f.form.add("township", lang.L("Township or sub-district"), f.township)
	f.form.add("post_name", lang.L("Command post name"), f.postName)
	f.form.add("duty_phone", lang.L("Duty phone"), f.dutyPhone)
	f.sendTo.SetPlaceHolder(lang.L("e.g. 县疫情防控指挥部办公室"))
	f.copyTo.SetPlaceHolder(lang.L("e.g. 镇党委、镇政府主要领导"))
	f.form.add("send_to", lang.L("Daily report goes to (报)"), f.sendTo)
	f.form.add("copy_to", lang.L("Copy to (送)"), f.copyTo)
	f.load(p)
	f.form.onSubmit(submit)
	return f
}

func (f *postForm) load(p data.PostInfo) {
	f.township.SetText(p.Township)
	f.postName.SetText(p.PostName)
	f.dutyPhone.SetText(p.DutyPhone)
	f.sendTo.SetText(p.SendTo)
	f.copyTo.SetText(p.CopyTo)
	f.form.clearErrors()
}

func (f *postForm) value() data.PostInfo {
	return data.PostInfo{Township: f.township.Text, PostName: f.postName.Text, DutyPhone: f.dutyPhone.Text,
		SendTo: f.sendTo.Text, CopyTo: f.copyTo.Text}
}

// save stores the form; on a bad field it shows why beside it and returns false.
func (f *postForm) save(a *app.App, w fyne.Window) (data.PostInfo, bool) {
	return f.saveWith(a, w, nil)
}

// saveWith stores the form and does also in the same transaction.
func (f *postForm) saveWith(a *app.App, w fyne.Window, also func(context.Context) error) (data.PostInfo, bool) {
	f.form.clearErrors()
	err := a.DB.Batch(a.Ctx(), func(ctx context.Context) error {
		if err := a.DB.SavePostInfo(ctx, f.value()); err != nil || also == nil {
			return err
		}
		return also(ctx)
	})
	if err != nil {
		if !f.form.showError(err) {
			showMessage(w, lang.L("Not saved"), say.Message(err))
		}
		return data.PostInfo{}, false
	}
	p, err := a.DB.PostInfo(a.Ctx())
	if err != nil {
		showMessage(w, lang.L("Not saved"), say.Message(err))
		return data.PostInfo{}, false
	}
	f.load(p)
	return p, true
}

// setup is the first-run screen: the command post introduces itself once.
type setup struct{ box fyne.CanvasObject }

func newSetup(a *app.App, w fyne.Window, done func(data.PostInfo)) *setup {
	var f *postForm
	use := newSelect(translated(modeNames), nil)
	use.SetSelectedIndex(int(data.TownshipMode))
	submit := func() {
		mode := data.Mode(use.SelectedIndex())
		if p, ok := f.saveWith(a, w, func(ctx context.Context) error { return a.DB.SaveMode(ctx, mode) }); ok {
			done(p)
		}
	}
	f = newPostForm(data.PostInfo{}, submit)
	use.OnChanged = func(string) {
		// The county names itself where a township would.
		if data.Mode(use.SelectedIndex()) == data.CountyMode {
			f.township.SetPlaceHolder(lang.L("the county, e.g. 秦川县"))
			f.postName.SetPlaceHolder(lang.L("e.g. 秦川县疫情防控指挥部"))
			f.sendTo.SetPlaceHolder(lang.L("e.g. 市疫情防控指挥部办公室"))
			return
		}
		f.township.SetPlaceHolder(lang.L("e.g. 城关镇"))
		f.postName.SetPlaceHolder(lang.L("e.g. 城关镇疫情防控指挥部"))
		f.sendTo.SetPlaceHolder(lang.L("e.g. 县疫情防控指挥部办公室"))
	}
	f.form.grid.Objects = append([]fyne.CanvasObject{widget.NewLabel(lang.L("The program is used as")), use}, f.form.grid.Objects...)
	title := widget.NewRichText(&widget.TextSegment{Text: lang.L("Welcome to AppName"), Style: widget.RichTextStyleHeading})
	intro := widget.NewLabel(lang.L("SetupIntro"))
	intro.Wrapping = fyne.TextWrapWord
	start := widget.NewButton(lang.L("Save and start"), submit)
	start.Importance = widget.HighImportance
	card := container.NewVBox(title, intro, f.form.grid, container.NewCenter(start))
	return &setup{box: container.NewCenter(container.NewGridWrap(fyne.NewSize(600, 470), card))}
}

func (s *setup) content() fyne.CanvasObject { return s.box }
