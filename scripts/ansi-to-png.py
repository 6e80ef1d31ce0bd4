#!/usr/bin/env python3
"""Render a terminal screen captured with `tmux capture-pane -e -p` as a PNG.

Used by scripts/screenshots. The capture is one line per terminal row, with SGR
escape sequences for colours and attributes. Each cell is drawn on a fixed grid,
the way a terminal does: a wide (CJK) character takes two cells, combining marks
(Vietnamese written apart, Thai vowels and tones) share their base's cell, and
box-drawing and block characters are drawn as lines and rectangles so borders and
bars join without gaps. Glyphs come from the first font that has them: DejaVu Sans
Mono, then Noto Sans Thai (it positions Thai vowels and tones with its mark
tables), Noto Sans Mono CJK, Noto Sans Symbols 2 (control pictures such as ␛ and
␍) and DejaVu Sans.

Usage: ansi-to-png.py CAPTURE.ansi OUT.png --columns 120 --rows 36
"""

import argparse
import re
import sys
import unicodedata

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

FONT_SIZE = 16
PADDING = 14

# A dark theme: the background and foreground the terminal uses by default, and
# the 16 ANSI colours (normal, then bright).
DEFAULT_BG = (0x1D, 0x1F, 0x21)
DEFAULT_FG = (0xD0, 0xD3, 0xD0)
PALETTE = [
    (0x1D, 0x1F, 0x21), (0xD0, 0x5A, 0x5A), (0x8C, 0xC2, 0x65), (0xE5, 0xC0, 0x7B),
    (0x61, 0xAF, 0xEF), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xD0, 0xD3, 0xD0),
    (0x5C, 0x63, 0x70), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xF0, 0xD0, 0x8A),
    (0x7A, 0xBF, 0xFF), (0xD5, 0x8F, 0xEB), (0x6E, 0xD0, 0xDB), (0xFF, 0xFF, 0xFF),
]

# (path, index in a collection, size relative to FONT_SIZE). CJK glyphs are one
# em wide and fill two cells, so that font is scaled to make one em nearly two cells.
WIDE = "wide"
FONTS = {
    "regular": [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0, 1.0),
        ("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", 0, 1.0),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 5, WIDE),  # Noto Sans Mono CJK JP
        ("/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", 0, 1.0),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0, 1.0),
    ],
    "bold": [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 0, 1.0),
        ("/usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf", 0, 1.0),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 5, WIDE),
        ("/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", 0, 1.0),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0, 1.0),
    ],
}
# Fonts above that have a real bold face; others are emboldened by drawing twice.
HAS_BOLD = 3


class FontChain:
    """Fonts tried in order for each character, with the characters each covers."""

    def __init__(self, specs, cell_width):
        self.fonts = []
        for position, (path, index, scale) in enumerate(specs):
            size = round(1.8 * cell_width) if scale == WIDE else round(FONT_SIZE * scale)
            try:
                cmap = set(TTFont(path, fontNumber=index).getBestCmap())
                font = ImageFont.truetype(path, size, index=index)
            except OSError:
                continue
            font.real_bold = position < HAS_BOLD
            self.fonts.append((font, cmap))
        if not self.fonts:
            sys.exit("ansi-to-png: none of the fonts is installed (see scripts/screenshots)")

    def font_for(self, ch):
        for font, cmap in self.fonts:
            if ord(ch) in cmap:
                return font
        return None

    @property
    def primary(self):
        return self.fonts[0][0]


class Cell:
    __slots__ = ("text", "width", "fg", "bg", "bold", "dim", "underline", "reverse")

    def __init__(self, text=" ", width=1, style=None):
        self.text = text
        self.width = width
        s = style or Style()
        self.fg, self.bg = s.fg, s.bg
        self.bold, self.dim, self.underline, self.reverse = s.bold, s.dim, s.underline, s.reverse


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = PALETTE[c - 30]
            elif 90 <= c <= 97:
                self.fg = PALETTE[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = PALETTE[c - 40]
            elif 100 <= c <= 107:
                self.bg = PALETTE[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                colour, used = extended_colour(codes[i + 1:])
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
                i += used
            i += 1


def extended_colour(codes):
    """`5;n` (256 colours) or `2;r;g;b`; returns the colour and how many codes it used."""
    if codes[0] == 5 and len(codes) > 1:
        n = codes[1]
        if n < 16:
            return PALETTE[n], 2
        if n < 232:
            n -= 16
            steps = [0, 95, 135, 175, 215, 255]
            return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6]), 2
        v = 8 + (n - 232) * 10
        return (v, v, v), 2
    if codes[0] == 2 and len(codes) > 3:
        return (codes[1], codes[2], codes[3]), 4
    return None, 1


def char_width(ch):
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;:?]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\))")


def parse(text, columns, rows):
    """The capture as a grid: rows × columns of cells (None where a wide cell continues)."""
    grid = []
    lines = text.split("\n")
    style = Style()
    for r in range(rows):
        line = lines[r] if r < len(lines) else ""
        cells = []
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                style.apply(m.group(1))
                pos = m.end()
                continue
            m = OTHER_ESCAPE.match(line, pos)
            if m:
                pos = m.end()
                continue
            ch = line[pos]
            pos += 1
            w = char_width(ch)
            if w == 0:
                # A combining mark joins the character before it.
                for prev in reversed(cells):
                    if prev is not None:
                        prev.text += ch
                        break
                continue
            cells.append(Cell(ch, w, style))
            if w == 2:
                cells.append(None)
        # tmux leaves out trailing blank cells of the default style.
        while len(cells) < columns:
            cells.append(Cell())
        grid.append(cells[:columns])
    return grid


def blend(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


# Box drawing: which of the four arms (up, down, left, right) each character has.
BOX = {
    "─": "lr", "│": "ud", "┌": "dr", "┐": "dl", "└": "ur", "┘": "ul",
    "├": "udr", "┤": "udl", "┬": "dlr", "┴": "ulr", "┼": "udlr",
    "╭": "dr", "╮": "dl", "╰": "ur", "╯": "ul",
}
# Left-aligned partial blocks: the eighths of the cell they fill.
BLOCKS = {"█": 8, "▉": 7, "▊": 6, "▋": 5, "▌": 4, "▍": 3, "▎": 2, "▏": 1}


def render(grid, columns, rows, out_path):
    primary = ImageFont.truetype(FONTS["regular"][0][0], FONT_SIZE)
    ascent, descent = primary.getmetrics()
    cw = round(primary.getlength("M"))
    regular = FontChain(FONTS["regular"], cw)
    bold = FontChain(FONTS["bold"], cw)
    ch = round((ascent + descent) * 1.12)
    baseline = round((ch - (ascent + descent)) / 2 + ascent)
    line = max(1, round(FONT_SIZE / 14))

    image = Image.new("RGB", (columns * cw + 2 * PADDING, rows * ch + 2 * PADDING), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate(grid):
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            x = PADDING + c * cw
            y = PADDING + r * ch
            width = cw * cell.width
            fg = cell.fg or DEFAULT_FG
            bg = cell.bg or DEFAULT_BG
            if cell.reverse:
                fg, bg = (cell.bg or DEFAULT_BG), (cell.fg or DEFAULT_FG)
            if cell.dim:
                fg = blend(fg, bg, 0.45)
            if bg != DEFAULT_BG:
                draw.rectangle([x, y, x + width - 1, y + ch - 1], fill=bg)
            glyph = cell.text
            if glyph in BOX:
                arms = BOX[glyph]
                mx, my = x + cw // 2, y + ch // 2
                half = line // 2
                if "l" in arms:
                    draw.rectangle([x, my - half, mx, my - half + line - 1], fill=fg)
                if "r" in arms:
                    draw.rectangle([mx, my - half, x + cw - 1, my - half + line - 1], fill=fg)
                if "u" in arms:
                    draw.rectangle([mx - half, y, mx - half + line - 1, my], fill=fg)
                if "d" in arms:
                    draw.rectangle([mx - half, my, mx - half + line - 1, y + ch - 1], fill=fg)
            elif glyph in BLOCKS:
                filled = round(cw * BLOCKS[glyph] / 8)
                if glyph == "▏":  # also the search prompt's cursor: keep it thin but visible
                    filled = max(2, filled)
                draw.rectangle([x, y, x + filled - 1, y + ch - 1], fill=fg)
            elif glyph != " ":
                chain = bold if cell.bold else regular
                font = chain.font_for(glyph[0]) or regular.primary
                # Centre the glyph in its cell(s): fallback fonts are not all one cell wide.
                advance = font.getlength(glyph[0])
                gx = x + max(0, (width - advance) / 2)
                draw.text((gx, y + baseline), glyph, font=font, fill=fg, anchor="ls")
                if cell.bold and not font.real_bold:
                    draw.text((gx + 1, y + baseline), glyph, font=font, fill=fg, anchor="ls")
            if cell.underline:
                uy = y + baseline + max(2, descent // 2)
                draw.rectangle([x, uy, x + width - 1, uy + line - 1], fill=fg)
    image.save(out_path, optimize=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("capture")
    parser.add_argument("output")
    parser.add_argument("--columns", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    args = parser.parse_args()
    with open(args.capture, encoding="utf-8", errors="replace") as f:
        text = f.read()
    render(parse(text, args.columns, args.rows), args.columns, args.rows, args.output)


if __name__ == "__main__":
    main()
