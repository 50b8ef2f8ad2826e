package say

import (
	"errors"
	"fmt"
	"testing"

	"fangkong/assets"
	"fangkong/data"
)

// Every sentence the program says has its Chinese in assets/zh.json.
func TestEveryMessageIsTranslated(t *testing.T) {
	keys := assets.Keys()
	for _, m := range messages {
		if !keys[m.key] {
			t.Errorf("message key %q is missing from assets/zh.json", m.key)
		}
	}
}

// A wrapped sentinel says its sentence; an error nobody foresaw says a
// plain apology, never Go's text.
func TestMessage(t *testing.T) {
	if got := Message(fmt.Errorf("save staff: %w", data.ErrBadPhone)); got[:len("电话号码不正确")] != "电话号码不正确" {
		t.Errorf("a bad phone says %q", got)
	}
	if got := Message(errors.New("sql: connection is already closed")); got != "操作未能完成,数据未保存。请重试;如仍出现,请先备份数据再联系技术支持。" {
		t.Errorf("an unforeseen error says %q", got)
	}
}

// Every roster rule has its words.
func TestEveryRuleIsWorded(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range data.Rules {
		words := Rule(r)
		if words == string(r) || seen[words] {
			t.Errorf("rule %q reads %q", r, words)
		}
		seen[words] = true
	}
}
