package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choice is one of a few options, all in sight: one Tab stop, the arrow
// keys move the choice, a tap chooses, and one option is always chosen
// (Space does not clear it). Enter is the form's Enter.
type choice struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)
	onEnter   func() // set by the form the choice is in

	focused bool
}

func newChoice(options []string, selected string) *choice {
	c := &choice{Options: options, Selected: selected}
	if c.Selected == "" && len(options) > 0 {
		c.Selected = options[0]
	}
	c.ExtendBaseWidget(c)
	return c
}

// choices is a choice of typed options, the first chosen.
func choices[T ~string](options []T) *choice { return newChoice(labels(options), "") }

// SetSelected chooses an option; one not offered changes nothing.
func (c *choice) SetSelected(option string) {
	if option == c.Selected || !slices.Contains(c.Options, option) {
		return
	}
	c.Selected = option
	c.Refresh()
	if c.OnChanged != nil {
		c.OnChanged(option)
	}
}

// step moves the choice by n options, round the ends.
func (c *choice) step(n int) {
	if len(c.Options) == 0 {
		return
	}
	i := (slices.Index(c.Options, c.Selected) + n + len(c.Options)) % len(c.Options)
	c.SetSelected(c.Options[i])
}

func (c *choice) FocusGained() {
	c.focused = true
	c.Refresh()
}

func (c *choice) FocusLost() {
	c.focused = false
	c.Refresh()
}

func (c *choice) TypedRune(rune) {}

// TypedKey moves the choice with the arrows, and passes Enter to the form.
func (c *choice) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyRight, fyne.KeyDown:
		c.step(1)
	case fyne.KeyLeft, fyne.KeyUp:
		c.step(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if c.onEnter != nil {
			c.onEnter()
		}
	case fyne.KeyEscape:
		passKey(c, k)
	}
}

// TypedShortcut passes the window's shortcuts on, as a text field does.
func (c *choice) TypedShortcut(s fyne.Shortcut) {
	if windowShortcut(s) {
		passShortcut(c, s)
	}
}

func (c *choice) CreateRenderer() fyne.WidgetRenderer {
	r := &choiceRenderer{c: c, frame: canvas.NewRectangle(nil), row: container.NewHBox()}
	r.frame.StrokeWidth = 2
	r.frame.CornerRadius = theme.InputRadiusSize()
	r.Refresh()
	return r
}

type choiceRenderer struct {
	c     *choice
	frame *canvas.Rectangle
	row   *fyne.Container
}

func (r *choiceRenderer) Layout(size fyne.Size) {
	r.frame.Resize(size)
	r.row.Resize(size)
}

func (r *choiceRenderer) MinSize() fyne.Size { return r.row.MinSize() }

func (r *choiceRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.frame, r.row} }

func (r *choiceRenderer) Destroy() {}

// Refresh draws each option as a radio button, the chosen one filled, and
// a frame round them while the choice has the keyboard.
func (r *choiceRenderer) Refresh() {
	r.frame.StrokeColor = theme.Color(theme.ColorNameFocus)
	if !r.c.focused {
		r.frame.StrokeColor = nil
	}
	r.frame.Refresh()
	r.row.Objects = nil
	for _, o := range r.c.Options {
		icon := theme.RadioButtonIcon()
		if o == r.c.Selected {
			icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
		}
		r.row.Add(newChoiceOption(r.c, o, icon))
	}
	r.row.Refresh()
}

// choiceOption is one option: a tap chooses it and gives the choice the
// keyboard; it takes no Tab stop of its own.
type choiceOption struct {
	widget.BaseWidget
	c      *choice
	option string
	icon   fyne.Resource
}

func newChoiceOption(c *choice, option string, icon fyne.Resource) *choiceOption {
	o := &choiceOption{c: c, option: option, icon: icon}
	o.ExtendBaseWidget(o)
	return o
}

func (o *choiceOption) Tapped(*fyne.PointEvent) {
	o.c.SetSelected(o.option)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(o.c); cv != nil {
		cv.Focus(o.c)
	}
}

func (o *choiceOption) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewHBox(widget.NewIcon(o.icon), widget.NewLabel(o.option)))
}
