package ui

import (
	"image/color"
	"math"

	"charm.land/lipgloss/v2"
)

// palette is every colour the interface uses, as light/dark pairs. One colour per dimension,
// used the same way in tabs, bars, legends and charts, so "purple" always means data security.
type palette struct {
	dims   [][2]string // [light, dark]
	accent [2]string
	muted  [2]string
	ok     [2]string
	warn   [2]string
	bad    [2]string
	border [2]string
	// Score shades from 1 (poor) to 5 (good): backgrounds for the overview matrix and
	// foregrounds for the grid.
	scoreBg [5][2]string
	scoreFg [5][2]string
	// vendors are the line colours of the sensitivity chart, one per vendor (by its position
	// in the evaluation, so a vendor keeps its colour whichever weight is swept).
	vendors [][2]string
	// shade is a neutral intensity ramp (backgrounds) for shares such as SMAA rank
	// acceptability: darker = more of the draws. Level 0 has no background.
	shade [5][2]string
}

var defaultPalette = palette{
	dims: [][2]string{
		{"#005FAF", "#5FAFFF"}, // stability: blue
		{"#AF5F00", "#FFAF5F"}, // concurrency: amber
		{"#008700", "#87D787"}, // feature fit: green
		{"#8700AF", "#D787FF"}, // data security: purple
		{"#008787", "#5FD7D7"}, // operations: teal
		{"#AF0087", "#FF87D7"}, // spare colours for frameworks with more dimensions
		{"#5F5F00", "#D7D75F"},
	},
	accent: [2]string{"#005FD7", "#87AFFF"},
	muted:  [2]string{"#6C6C6C", "#8A8A8A"},
	ok:     [2]string{"#008700", "#87D787"},
	warn:   [2]string{"#AF5F00", "#FFD75F"},
	bad:    [2]string{"#D70000", "#FF5F5F"},
	border: [2]string{"#8A8A8A", "#5F5F5F"},
	scoreBg: [5][2]string{
		{"#FFCFCF", "#5F1F1F"},
		{"#FFE2C2", "#5F3A1A"},
		{"#FFF6BF", "#4A4A10"},
		{"#DDF3D0", "#24461F"},
		{"#B9E8B0", "#145214"},
	},
	scoreFg: [5][2]string{
		{"#D70000", "#FF6B6B"},
		{"#D75F00", "#FFA05F"},
		{"#8A7000", "#E8D85F"},
		{"#2F8F2F", "#A8E08A"},
		{"#006F00", "#5FE05F"},
	},
	vendors: [][2]string{
		{"#0072B2", "#56B4E9"}, // blue
		{"#D55E00", "#FF9F45"}, // vermilion
		{"#00875F", "#5FD7AF"}, // bluish green
		{"#AF0087", "#FF87D7"}, // reddish purple
		{"#8A7000", "#F0E442"}, // yellow
		{"#5F00D7", "#AF87FF"}, // violet
		{"#007C91", "#7FDBFF"}, // cyan
		{"#8A4B00", "#D7AF87"}, // brown
	},
	shade: [5][2]string{
		{"", ""},
		{"#E4EEF8", "#1E2A36"},
		{"#C3DAF0", "#23405C"},
		{"#97BFE6", "#2A5A86"},
		{"#5E9BD6", "#3474B0"},
	},
}

// Styles holds every style of the interface, built once from the palette for a background
// (light or dark) or without colour (NO_COLOR: only bold, faint and reverse remain, so the
// cursor and the active tab stay visible).
type Styles struct {
	NoColor bool

	Title, Header, Faint, Bold, Err, Warn, OK lipgloss.Style
	Saved, Saving, Unsaved                    lipgloss.Style
	Tab, TabSep                               lipgloss.Style
	TabActive                                 []lipgloss.Style // per tab colour slot: 0 neutral, 1.. dimensions
	Rule                                      lipgloss.Style
	TableHead                                 lipgloss.Style
	Cursor                                    lipgloss.Style // focused cell or row
	CursorLine                                lipgloss.Style // row or column of the cursor
	Selected                                  lipgloss.Style
	Excluded                                  lipgloss.Style
	Dim                                       []lipgloss.Style // dimension foreground
	ScoreBg                                   [5]lipgloss.Style
	ScoreFg                                   [5]lipgloss.Style
	// The grid cells' styles as affixes (see affix.go), set by NewStyles.
	cellFg                [5]affix
	cellFaint, cellCursor affix
	cellWarn              affix          // a cell whose save failed
	Box                   lipgloss.Style // dialog and overlay frame
	Key, KeyDesc          lipgloss.Style
	Up, Down              lipgloss.Style
	Accent                lipgloss.Style   // chart markers, the selected parameter
	Vendor                []lipgloss.Style // chart line per vendor
	Shade                 [5]lipgloss.Style

	// look names the variant (background and colour), so a pane's cached lines can tell that
	// the styles were rebuilt under them (the root replaces them in place).
	look styleLook
}

type styleLook struct{ dark, noColor bool }

// NewStyles builds the styles for a dark or light background, or colourless when noColor.
func NewStyles(dark, noColor bool) Styles {
	p := defaultPalette
	ld := lipgloss.LightDark(dark)
	c := func(pair [2]string) color.Color { return ld(lipgloss.Color(pair[0]), lipgloss.Color(pair[1])) }
	s := Styles{NoColor: noColor, look: styleLook{dark, noColor}}
	base := lipgloss.NewStyle()
	s.Bold = base.Bold(true)
	s.Faint = base.Faint(true)
	s.Title = base.Bold(true)
	s.Header = base
	s.Rule = base.Faint(true)
	s.TableHead = base.Bold(true)
	s.Cursor = base.Reverse(true).Bold(true)
	s.CursorLine = base.Bold(true)
	s.Selected = base.Bold(true)
	s.Tab = base
	s.TabSep = base.Faint(true)
	s.Box = base.Border(lipgloss.RoundedBorder()).Padding(0, 1)
	s.Key = base.Bold(true)
	s.KeyDesc = base.Faint(true)
	s.Excluded = base.Faint(true)
	s.Err = base.Bold(true)
	s.Warn = base.Bold(true)
	s.OK = base
	s.Saved, s.Saving, s.Unsaved = base, base.Faint(true), base.Bold(true).Reverse(true)
	s.Up, s.Down = base.Bold(true), base.Bold(true)
	n := len(p.dims)
	s.Dim = make([]lipgloss.Style, n)
	s.TabActive = make([]lipgloss.Style, n+1)
	s.TabActive[0] = base.Reverse(true).Bold(true)
	for i := 0; i < n; i++ {
		s.Dim[i] = base
		s.TabActive[i+1] = base.Reverse(true).Bold(true)
	}
	for i := range s.ScoreBg {
		s.ScoreBg[i] = base
		s.ScoreFg[i] = base
	}
	s.Accent = base.Bold(true)
	s.Vendor = make([]lipgloss.Style, len(p.vendors))
	for i := range s.Vendor {
		s.Vendor[i] = base
	}
	for i := range s.Shade {
		s.Shade[i] = base
	}
	if noColor {
		s.cellAffixes()
		return s
	}
	s.Title = s.Title.Foreground(c(p.accent))
	s.Err = s.Err.Foreground(c(p.bad))
	s.Warn = s.Warn.Foreground(c(p.warn))
	s.OK = s.OK.Foreground(c(p.ok))
	s.Saved = base.Foreground(c(p.ok))
	s.Saving = base.Foreground(c(p.warn))
	s.Unsaved = base.Bold(true).Foreground(c(p.bad))
	s.Box = s.Box.BorderForeground(c(p.border))
	s.Rule = base.Foreground(c(p.border))
	s.TabSep = base.Foreground(c(p.border))
	s.Key = s.Key.Foreground(c(p.accent))
	s.Excluded = base.Foreground(c(p.muted))
	s.Faint = base.Foreground(c(p.muted))
	s.KeyDesc = base.Foreground(c(p.muted))
	s.Up = s.Up.Foreground(c(p.ok))
	s.Down = s.Down.Foreground(c(p.bad))
	s.TabActive[0] = base.Bold(true).Reverse(true).Foreground(c(p.accent))
	for i := 0; i < n; i++ {
		s.Dim[i] = base.Foreground(c(p.dims[i]))
		s.TabActive[i+1] = base.Bold(true).Reverse(true).Foreground(c(p.dims[i]))
	}
	for i := range s.ScoreBg {
		s.ScoreBg[i] = base.Background(c(p.scoreBg[i]))
		s.ScoreFg[i] = base.Foreground(c(p.scoreFg[i]))
	}
	s.Accent = s.Accent.Foreground(c(p.accent))
	for i := range s.Vendor {
		s.Vendor[i] = base.Foreground(c(p.vendors[i]))
	}
	for i := 1; i < len(s.Shade); i++ {
		s.Shade[i] = base.Background(c(p.shade[i]))
	}
	s.cellAffixes()
	return s
}

func (s *Styles) cellAffixes() {
	for i := range s.ScoreFg {
		s.cellFg[i] = affixOf(s.ScoreFg[i])
	}
	s.cellFaint, s.cellCursor = affixOf(s.Faint), affixOf(s.Cursor)
	s.cellWarn = affixOf(s.Warn)
}

// DimStyle is the colour of dimension d (cycling for frameworks with many dimensions).
func (s *Styles) DimStyle(d int) lipgloss.Style { return s.Dim[d%len(s.Dim)] }

// TabStyle is the active-tab style for colour slot k (0 neutral, d+1 dimension d).
func (s *Styles) TabStyle(k int) lipgloss.Style {
	if k <= 0 {
		return s.TabActive[0]
	}
	return s.TabActive[1+(k-1)%(len(s.TabActive)-1)]
}

// scoreBucket maps a 1–5 score to one of five shades.
func scoreBucket(score float64) int {
	if math.IsNaN(score) {
		return 0
	}
	b := int(math.Round(score)) - 1
	return min(max(b, 0), 4)
}

// dimGlyphs are the bar glyphs per dimension: without colour, the glyph alone tells the
// segments apart; with colour, every segment is a solid block in its dimension's colour.
var dimGlyphs = []string{"█", "▓", "▒", "░", "▞", "▚", "▪"}

func (s *Styles) dimGlyph(d int) string {
	if s.NoColor {
		return dimGlyphs[d%len(dimGlyphs)]
	}
	return "█"
}

// VendorStyle is the chart colour of the vendor at position v of the evaluation.
func (s *Styles) VendorStyle(v int) lipgloss.Style { return s.Vendor[v%len(s.Vendor)] }

// vendorGlyphs tell chart lines apart without colour: each vendor's line is drawn with its own
// glyph (one cell, ASCII, so no terminal draws it double-width).
var vendorGlyphs = []string{"*", "o", "+", "#", "@", "%", "=", "~"}

// vendorGlyph is the no-colour glyph of vendor v.
func vendorGlyph(v int) string { return vendorGlyphs[v%len(vendorGlyphs)] }

// shadeGlyphs stand for the background shades without colour.
var shadeGlyphs = [5]string{" ", "░", "▒", "▓", "█"}

// shareBucket maps a share in [0,1] to one of the five shades.
func shareBucket(x float64) int {
	switch {
	case !(x >= 0.05):
		return 0
	case x < 0.2:
		return 1
	case x < 0.4:
		return 2
	case x < 0.6:
		return 3
	}
	return 4
}
