package workspace

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"parallax/app/ingest"
	"parallax/assets"
)

// SamplesLoadedKey is the library setting that records that the built-in
// samples were offered once. It lives in the library, not in the user's
// preferences, so it travels with the library file.
const SamplesLoadedKey = "samples_loaded"

// EnsureSamples gives a new user something to compare: on the first run of
// an empty library it imports the built-in sample reports (assets.Samples)
// and records that it did, so an editor who deletes them never gets them
// back. A library that already holds reports is not new: the setting is
// recorded and nothing is added.
//
// Samples go through ingest like any file, with their metadata and file
// name, so they are stored exactly as an imported file would be. When a
// sample fails, the setting is left unset so the next start tries again,
// and the error names the sample.
func (w *Workspace) EnsureSamples(ctx context.Context) (added int, err error) {
	done, err := w.store.Setting(ctx, SamplesLoadedKey)
	if err != nil {
		return 0, fmt.Errorf("workspace: read setting %s: %w", SamplesLoadedKey, err)
	}
	if done != "" {
		return 0, nil
	}
	existing, err := w.store.Reports(ctx)
	if err != nil {
		return 0, fmt.Errorf("workspace: list reports: %w", err)
	}
	if len(existing) == 0 {
		var errs []error
		samples := assets.Samples()
		// Newest first is the library's order, so the samples go in last
		// to first: the list then reads wire, web, radio, and a new user
		// starts on the wire story, the easiest of the three to read.
		slices.Reverse(samples)
		for _, s := range samples {
			if err := ctx.Err(); err != nil {
				return added, err
			}
			meta := ingest.Meta{Title: s.Title, Outlet: s.Outlet, Author: s.Author, Published: s.Published, URL: s.URL}
			doc, err := ingest.Read(s.File, s.Text, meta)
			if err != nil {
				errs = append(errs, fmt.Errorf("sample %s: %w", s.File, err))
				continue
			}
			res := w.store1(ctx, doc.Report)
			switch {
			case res.Err != nil:
				errs = append(errs, fmt.Errorf("sample %s: %w", s.File, res.Err))
			case !res.Duplicate:
				added++
			}
		}
		if len(errs) > 0 {
			return added, fmt.Errorf("workspace: load samples: %w", errors.Join(errs...))
		}
	}
	if err := w.store.SetSetting(ctx, SamplesLoadedKey, "1"); err != nil {
		return added, fmt.Errorf("workspace: write setting %s: %w", SamplesLoadedKey, err)
	}
	return added, nil
}
