#ifndef CPANGOCAIRO_SHIM_H
#define CPANGOCAIRO_SHIM_H
// cairo draws the pages and writes the PDF (its PDF surface embeds a subset of each font used);
// pango lays out the text (line breaking, shaping) with fonts found through fontconfig.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#endif
