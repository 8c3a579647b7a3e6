package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// parse reads flags wherever they stand among the arguments, so that
// `parallax add a.txt b.txt --db lib.db` works as users type it; Go's flag
// package alone stops at the first non-flag. "--" ends the flags; -h or
// --help anywhere before it asks for help (flag.ErrHelp). A mistake is
// said in the editor's words ("--limit needs a number, not \"ten\"").
//
// With dashArgs, an argument starting with one "-" that names none of the
// flags is an argument, not a mistake (tag's -TAG).
func parse(fs *flag.FlagSet, args []string, dashArgs bool) ([]string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(positional, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			return nil, flag.ErrHelp
		}
		f := fs.Lookup(name)
		if f == nil && dashArgs && !strings.HasPrefix(a, "--") {
			positional = append(positional, a)
			continue
		}
		if f == nil {
			return nil, fmt.Errorf("unknown option %s", a)
		}
		opt := "--" + name
		switch {
		case isBool(f) && !hasValue:
			value = "true"
		case !hasValue && i+1 >= len(args):
			return nil, fmt.Errorf("option %s needs a value", opt)
		case !hasValue:
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			return nil, badValue(f, opt, value)
		}
	}
	return positional, nil
}

// badValue says why value does not suit flag f, given as opt.
func badValue(f *flag.Flag, opt, value string) error {
	if isBool(f) {
		return fmt.Errorf("option %s takes no value (or true or false), not %q", opt, value)
	}
	if _, err := strconv.ParseFloat(f.DefValue, 64); err == nil {
		return fmt.Errorf("option %s needs a number, not %q", opt, value)
	}
	return fmt.Errorf("option %s cannot be %q", opt, value)
}
