package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/say"
)

// activityWatcher wraps the window's content and notes the mouse moving
// over it; keys are noted through the canvas. Fyne has no global input
// hook, and between them these cover a clerk at work.
type activityWatcher struct {
	widget.BaseWidget
	content fyne.CanvasObject
	touch   func()
}

func newActivityWatcher(content fyne.CanvasObject, touch func()) *activityWatcher {
	a := &activityWatcher{content: content, touch: touch}
	a.ExtendBaseWidget(a)
	return a
}

func (a *activityWatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}
func (a *activityWatcher) MouseIn(*desktop.MouseEvent)    { a.touch() }
func (a *activityWatcher) MouseMoved(*desktop.MouseEvent) { a.touch() }
func (a *activityWatcher) MouseOut()                      {}

// watchIdle starts noting activity and checks every half minute whether
// the program should lock.
func (s *shell) watchIdle() {
	s.lastActivity = s.app.Now()
	if c, ok := s.win.Canvas().(desktop.Canvas); ok {
		c.SetOnKeyDown(func(*fyne.KeyEvent) { s.lastActivity = s.app.Now() })
	}
	go func() {
		for range time.Tick(30 * time.Second) {
			fyne.Do(s.checkIdle)
		}
	}()
}

// checkIdle locks the program when the signed-in operator has left it
// unused for the minutes set in 设置 (15 unless changed); before operators exist there is nobody to lock out.
func (s *shell) checkIdle() {
	if s.locked || s.app.Operator().ID == 0 {
		return
	}
	minutes, err := s.app.DB.IdleMinutes(s.app.Ctx())
	if err != nil || s.app.Now().Sub(s.lastActivity) < time.Duration(minutes)*time.Minute {
		return
	}
	s.locked = true
	op := s.app.Operator()
	pin := newPasswordField()
	f := newForm()
	f.add("pin", lang.L("PIN"), pin)
	var d *dialog.CustomDialog
	unlock := func() {
		if _, err := s.app.DB.SignIn(s.app.Ctx(), op.ID, pin.Text); err != nil {
			pin.SetText("") // first: editing the field clears its message
			f.setError("pin", say.Message(err))
			return
		}
		s.locked = false
		s.lastActivity = s.app.Now()
		d.Hide()
	}
	pin.OnSubmitted = func(string) { unlock() }
	note := widget.NewLabel(lang.L("Locked after {{.N}} minutes without use. {{.Name}}, enter your PIN to go on; what was typed is kept.",
		map[string]any{"N": minutes, "Name": op.Name}))
	note.Wrapping = fyne.TextWrapWord
	unlockBtn := widget.NewButton(lang.L("Unlock"), unlock)
	unlockBtn.Importance = widget.HighImportance
	other := widget.NewButton(lang.L("Switch operator"), func() {
		s.locked = false
		d.Hide()
		s.switchOperator()
	})
	d = dialog.NewCustomWithoutButtons(lang.L("Locked"),
		container.NewVBox(note, f.grid, container.NewHBox(other, unlockBtn)), s.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	s.win.Canvas().Focus(pin)
}
