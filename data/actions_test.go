package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every audited write names its action by a constant, and every constant
// is in Actions, which the label test walks: an action added as a bare
// string, or left out of the list, fails here.
func TestEveryActionIsAConstantInTheList(t *testing.T) {
	fset := token.NewFileSet()
	// The argument that names the action, by the call that takes it.
	actionArg := map[string]int{"audit": 2, "record": 1, "issue": 1, "LogAccess": 1}
	calls := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" || strings.HasSuffix(path, "_test.go") ||
			strings.Contains(path, "build/") {
			return err
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			i, ok := actionArg[sel.Sel.Name]
			if !ok || len(call.Args) <= i || (sel.Sel.Name != "LogAccess" && !isDB(sel.X)) {
				return true
			}
			calls++
			if lit, ok := call.Args[i].(*ast.BasicLit); ok {
				t.Errorf("%s: action %s is a bare string; name it in data/actions.go", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
		return nil
	})
	if err != nil || calls < 50 {
		t.Fatalf("found %d audited calls: %v", calls, err)
	}

	file, err := parser.ParseFile(fset, "actions.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := 0
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			if typ, ok := spec.(*ast.ValueSpec).Type.(*ast.Ident); !ok || typ.Name != "Action" {
				continue
			}
			for _, name := range spec.(*ast.ValueSpec).Names {
				declared++
				if !slices.Contains(Actions, Action(constValue(t, spec.(*ast.ValueSpec)))) {
					t.Errorf("action %s is not in Actions", name.Name)
				}
			}
		}
	}
	if declared != len(Actions) {
		t.Errorf("%d actions declared, %d listed", declared, len(Actions))
	}
}

// isDB reports whether a call's receiver is the database: db.audit, not
// some other record or issue.
func isDB(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "db"
}

func constValue(t *testing.T, spec *ast.ValueSpec) string {
	t.Helper()
	lit, ok := spec.Values[0].(*ast.BasicLit)
	if !ok {
		t.Fatalf("action %s is not a string", spec.Names[0].Name)
	}
	return strings.Trim(lit.Value, `"`)
}
